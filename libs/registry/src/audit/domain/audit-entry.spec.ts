import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AuditRecordedV1 } from '@llmops/contracts';
import {
  auditEntryDocument,
  auditEntryJson,
  chainAuditEntry,
  GENESIS_HASH,
  hashAuditEntry,
  normalizeInstant,
} from './audit-entry';
import { canonicalJson } from './canonical-json';

const fixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../../../contracts/fixtures/llmops.registry.audit-recorded.v1.json'),
    'utf8',
  ),
) as AuditRecordedV1;

const recordedAt = new Date('2025-03-14T10:20:01.000Z');

describe('audit entries', () => {
  it('chains the first entry onto the genesis hash with seq 1', () => {
    const entry = chainAuditEntry(fixture, { seq: 0, hash: GENESIS_HASH }, recordedAt);
    expect(entry.seq).toBe(1);
    expect(entry.prevHash).toBe(GENESIS_HASH);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.at).toBe('2025-03-14T10:20:00.513000Z');
  });

  it('has a stable hash: the serialisation is part of the log format', () => {
    const entry = chainAuditEntry(fixture, { seq: 0, hash: GENESIS_HASH }, recordedAt);
    // Changing this value means every existing log fails verification: bump AUDIT_HASH_FORMAT instead.
    expect(entry.hash).toBe('7cf83ee8a4ca4ecbb0af23291928f2439c981fde376f1e11926996a2eb902c71');
    expect(hashAuditEntry({ ...entry })).toBe(entry.hash);
  });

  it('changes the hash when any field, the seq or the previous hash changes', () => {
    const entry = chainAuditEntry(fixture, { seq: 4, hash: 'a'.repeat(64) }, recordedAt);
    const variants = [
      { ...entry, seq: 6 },
      { ...entry, prevHash: 'b'.repeat(64) },
      { ...entry, actor: { ...entry.actor, subject: 'someone-else' } },
      { ...entry, actor: { ...entry.actor, roles: ['admin'] } },
      { ...entry, after: { stage: 'staging' } },
      { ...entry, before: null },
      { ...entry, at: '2025-03-14T10:20:00.513001Z' },
      { ...entry, outcome: 'failed' as const },
    ];
    for (const variant of variants) expect(hashAuditEntry(variant)).not.toBe(entry.hash);
  });

  it('does not depend on the key order of before/after snapshots', () => {
    const entry = chainAuditEntry(fixture, { seq: 0, hash: GENESIS_HASH }, recordedAt);
    const reordered = { ...entry, after: { b: 2, a: 1 } };
    expect(hashAuditEntry(reordered)).toBe(hashAuditEntry({ ...entry, after: { a: 1, b: 2 } }));
  });

  it('writes the same text as the generic canonical JSON, whatever the strings hold', () => {
    const entry = chainAuditEntry(
      {
        ...fixture,
        actor: { subject: 'ü"\\\u0000\u2028😀', kind: 'api-key', roles: ['b', 'a'] },
        resource: { type: 'model-version', id: '</script>' },
        before: { z: [1, { y: null, x: -0 }], é: 1e21 },
        requestId: null,
        correlationId: null,
      },
      { seq: 41, hash: 'c'.repeat(64) },
      recordedAt,
    );
    expect(auditEntryJson(entry)).toBe(canonicalJson(auditEntryDocument(entry)));
    const first = chainAuditEntry(fixture, { seq: 0, hash: GENESIS_HASH }, recordedAt);
    expect(auditEntryJson(first)).toBe(canonicalJson(auditEntryDocument(first)));
  });

  it('normalises instants with an offset to UTC microseconds', () => {
    expect(normalizeInstant('2025-03-14T12:20:00.5+02:00')).toBe('2025-03-14T10:20:00.500000Z');
  });
});
