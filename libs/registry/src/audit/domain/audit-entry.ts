import { createHash } from 'node:crypto';
import type { Actor, AuditRecordedV1, JsonValue, ServiceName } from '@llmops/contracts';
import { canonicalJson } from './canonical-json';

/** The `prev_hash` of entry 1: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version of the hashed document's layout, inside the hash so a future layout cannot be confused with this one. */
export const AUDIT_HASH_FORMAT = 1;

/** One entry of the audit log, as stored and as served. */
export interface AuditEntry {
  /** Position in the chain: 1, 2, 3, … without gaps. */
  seq: number;
  auditId: string;
  service: ServiceName;
  actor: Actor;
  action: string;
  resource: { type: string; id: string };
  outcome: AuditRecordedV1['outcome'];
  before: JsonValue | null;
  after: JsonValue | null;
  /** When the audited call happened: UTC, six fractional digits (`2025-03-14T10:20:00.513000Z`). */
  at: string;
  requestId: string | null;
  correlationId: string | null;
  /** When the registry appended the entry, in the same form as `at`. */
  recordedAt: string;
  /** Hash of the entry before (GENESIS_HASH for seq 1). */
  prevHash: string;
  /** sha256 over the canonical JSON of every field above. */
  hash: string;
}

export type UnhashedAuditEntry = Omit<AuditEntry, 'hash'>;

/**
 * Instants are hashed as UTC text with microseconds, the full precision of a timestamptz column, so an
 * edit of even a microsecond changes the hash. JavaScript dates hold milliseconds: the last three
 * digits are zero for everything the registry writes.
 */
export function normalizeInstant(value: string | Date): string {
  return new Date(value).toISOString().replace(/Z$/, '000Z');
}

/** The hashed document of an entry, as a plain object (what `auditEntryJson` serialises). */
export function auditEntryDocument(entry: UnhashedAuditEntry): Record<string, unknown> {
  return {
    format: AUDIT_HASH_FORMAT,
    seq: entry.seq,
    auditId: entry.auditId,
    service: entry.service,
    actor: { subject: entry.actor.subject, kind: entry.actor.kind, roles: entry.actor.roles },
    action: entry.action,
    resource: { type: entry.resource.type, id: entry.resource.id },
    outcome: entry.outcome,
    before: entry.before,
    after: entry.after,
    at: entry.at,
    requestId: entry.requestId,
    correlationId: entry.correlationId,
    recordedAt: entry.recordedAt,
    prevHash: entry.prevHash,
  };
}

const str = (value: string | null): string => JSON.stringify(value);

/**
 * `canonicalJson(auditEntryDocument(entry))`, written out with the fixed keys already in canonical order
 * so that verify only sorts the free-form snapshots (about three times faster; a unit test holds the
 * two equal).
 */
export function auditEntryJson(entry: UnhashedAuditEntry): string {
  const { actor, resource } = entry;
  return (
    `{"action":${str(entry.action)}` +
    `,"actor":{"kind":${str(actor.kind)},"roles":${canonicalJson(actor.roles)},"subject":${str(actor.subject)}}` +
    `,"after":${canonicalJson(entry.after)},"at":${str(entry.at)},"auditId":${str(entry.auditId)}` +
    `,"before":${canonicalJson(entry.before)},"correlationId":${str(entry.correlationId)}` +
    `,"format":${String(AUDIT_HASH_FORMAT)},"outcome":${str(entry.outcome)},"prevHash":${str(entry.prevHash)}` +
    `,"recordedAt":${str(entry.recordedAt)},"requestId":${str(entry.requestId)}` +
    `,"resource":{"id":${str(resource.id)},"type":${str(resource.type)}}` +
    `,"seq":${canonicalJson(entry.seq)},"service":${str(entry.service)}}`
  );
}

/**
 * The entry's hash: lowercase hex sha256 of the UTF-8 canonical JSON (RFC 8785 key order) of
 * `{ format, seq, auditId, service, actor, action, resource, outcome, before, after, at, requestId,
 * correlationId, recordedAt, prevHash }`. Covering `seq` and `prevHash` is what chains the entries:
 * editing, deleting, reordering or renumbering any entry changes a hash that a later entry relies on.
 */
export function hashAuditEntry(entry: UnhashedAuditEntry): string {
  return createHash('sha256').update(auditEntryJson(entry), 'utf8').digest('hex');
}

/** The next entry of the chain for a consumed record. */
export function chainAuditEntry(
  record: AuditRecordedV1,
  head: { seq: number; hash: string },
  recordedAt: Date,
): AuditEntry {
  const entry: UnhashedAuditEntry = {
    seq: head.seq + 1,
    auditId: record.auditId,
    service: record.service,
    actor: { subject: record.actor.subject, kind: record.actor.kind, roles: [...record.actor.roles] },
    action: record.action,
    resource: { type: record.resource.type, id: record.resource.id },
    outcome: record.outcome,
    before: record.before,
    after: record.after,
    at: normalizeInstant(record.at),
    requestId: record.requestId,
    correlationId: record.correlationId,
    recordedAt: normalizeInstant(recordedAt),
    prevHash: head.hash,
  };
  return { ...entry, hash: hashAuditEntry(entry) };
}
