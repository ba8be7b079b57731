import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AuditRecordedV1 } from '@llmops/contracts';
import { AuditChainVerifier } from './audit-chain-verifier';
import { chainAuditEntry, GENESIS_HASH, type AuditEntry } from './audit-entry';

const fixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '../../../../contracts/fixtures/llmops.ingestion.audit-recorded.v1.json'),
    'utf8',
  ),
) as AuditRecordedV1;

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let i = 0; i < length; i++) {
    const record = { ...fixture, auditId: `0192c2d0-0102-7304-8506-${String(i).padStart(12, '0')}` };
    const entry = chainAuditEntry(record, head, new Date(Date.UTC(2025, 0, 1, 0, 0, i)));
    entries.push(entry);
    head = { seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

function verify(entries: AuditEntry[], head = entries.at(-1), batch = 3) {
  const verifier = new AuditChainVerifier(
    head ? { seq: head.seq, hash: head.hash } : { seq: 0, hash: GENESIS_HASH },
  );
  for (let i = 0; i < entries.length && verifier.feed(entries.slice(i, i + batch)); i += batch);
  return verifier.result();
}

describe('AuditChainVerifier', () => {
  it('accepts an empty log and an intact chain fed in batches', () => {
    expect(verify([])).toEqual({ ok: true, checked: 0, headSeq: 0, headHash: GENESIS_HASH });
    const entries = chain(10);
    expect(verify(entries)).toMatchObject({ ok: true, checked: 10, headSeq: 10 });
  });

  it('names an edited entry by its seq', () => {
    const entries = chain(10);
    entries[6] = { ...entries[6]!, actor: { ...entries[6]!.actor, subject: 'mallory' } };
    expect(verify(entries)).toMatchObject({ ok: false, firstBadSeq: 7, reason: 'HASH_MISMATCH', checked: 6 });
  });

  it('names the next entry when an edited entry was re-hashed to hide the edit', () => {
    const entries = chain(10);
    const forged = chainAuditEntry(
      { ...fixture, auditId: entries[3]!.auditId, action: 'x.forged' },
      { seq: 3, hash: entries[2]!.hash },
      new Date(),
    );
    entries[3] = forged;
    expect(verify(entries)).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'PREV_HASH_MISMATCH' });
  });

  it('names the first deleted entry, in the middle or at the end', () => {
    const entries = chain(10);
    expect(verify([...entries.slice(0, 4), ...entries.slice(6)], entries[9])).toMatchObject({
      ok: false,
      firstBadSeq: 5,
      reason: 'ENTRY_MISSING',
      detail: 'entries 5..6 are missing',
    });
    expect(verify(entries.slice(0, 8), entries[9])).toMatchObject({
      ok: false,
      firstBadSeq: 9,
      reason: 'ENTRY_MISSING',
    });
  });

  it('detects renumbering that closes the gap of a deleted entry', () => {
    const entries = chain(6);
    const renumbered = [...entries.slice(0, 2), ...entries.slice(3).map((e) => ({ ...e, seq: e.seq - 1 }))];
    expect(verify(renumbered, renumbered.at(-1))).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('detects a head that does not match the last entry', () => {
    const entries = chain(4);
    expect(verify(entries, { ...entries[3]!, hash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      reason: 'HEAD_MISMATCH',
    });
  });
});
