import { Injectable } from '@nestjs/common';
import type { Actor, JsonValue, ServiceName } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { AuditEntry } from '../domain/audit-entry';

/** The chain head: the last appended entry. */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/** Filters of the audit log listing; all optional and combined with AND. */
export interface AuditLogFilter {
  service?: string;
  actor?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
  afterSeq?: number;
}

interface AuditLogRow {
  seq: string;
  audit_id: string;
  service: string;
  actor_subject: string;
  actor_kind: string;
  actor_roles: string;
  action: string;
  resource_type: string;
  resource_id: string;
  outcome: string;
  before_json: string;
  after_json: string;
  at: string;
  request_id: string | null;
  correlation_id: string | null;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/**
 * Timestamps come back as the text that was hashed, whatever the driver (pg or PGlite) does with dates.
 * `seq` comes back as text (bigint), so sort by `audit_log.seq`: a bare `seq` would sort the text alias.
 */
const INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;
const COLUMNS = `seq::text AS seq, audit_id, service, actor_subject, actor_kind,
  array_to_json(actor_roles)::text AS actor_roles, action, resource_type, resource_id, outcome,
  before_json, after_json, to_char(at AT TIME ZONE 'UTC', ${INSTANT}) AS at, request_id, correlation_id,
  to_char(recorded_at AT TIME ZONE 'UTC', ${INSTANT}) AS recorded_at, prev_hash, hash`;

function toEntry(row: AuditLogRow): AuditEntry {
  return {
    seq: Number(row.seq),
    auditId: row.audit_id,
    service: row.service as ServiceName,
    actor: {
      subject: row.actor_subject,
      kind: row.actor_kind as Actor['kind'],
      roles: JSON.parse(row.actor_roles) as string[],
    },
    action: row.action,
    resource: { type: row.resource_type, id: row.resource_id },
    outcome: row.outcome as AuditEntry['outcome'],
    before: JSON.parse(row.before_json) as JsonValue | null,
    after: JSON.parse(row.after_json) as JsonValue | null,
    at: row.at,
    requestId: row.request_id,
    correlationId: row.correlation_id,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** All audit log I/O; joins the surrounding transaction. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Locks the chain head until the transaction ends: appends run one after another, so the chain never forks. */
  async lockHead(): Promise<AuditChainHead> {
    return this.head('FOR UPDATE');
  }

  async readHead(): Promise<AuditChainHead> {
    return this.head('');
  }

  private async head(lock: string): Promise<AuditChainHead> {
    const rows = await this.tx.query<{ last_seq: string; last_hash: string }[]>(
      `SELECT last_seq::text AS last_seq, last_hash FROM registry.audit_chain_head WHERE id = 1 ${lock}`,
    );
    const row = rows[0];
    if (!row) throw new Error('registry.audit_chain_head has no row: the audit migration did not run');
    return { seq: Number(row.last_seq), hash: row.last_hash };
  }

  async hasAuditId(auditId: string): Promise<boolean> {
    const rows = await this.tx.query<unknown[]>('SELECT 1 FROM registry.audit_log WHERE audit_id = $1', [
      auditId,
    ]);
    return rows.length > 0;
  }

  /** Inserts the entry and moves the head onto it (the head's trigger checks that it moved by one). */
  async append(entry: AuditEntry, canonical: { before: string; after: string }): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.audit_log (seq, audit_id, service, actor_subject, actor_kind, actor_roles, action,
         resource_type, resource_id, outcome, before_json, after_json, at, request_id, correlation_id,
         recorded_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT jsonb_array_elements_text($6::jsonb)), $7, $8, $9, $10, $11,
         $12, $13, $14, $15, $16, $17, $18)`,
      [
        entry.seq,
        entry.auditId,
        entry.service,
        entry.actor.subject,
        entry.actor.kind,
        JSON.stringify(entry.actor.roles),
        entry.action,
        entry.resource.type,
        entry.resource.id,
        entry.outcome,
        canonical.before,
        canonical.after,
        entry.at,
        entry.requestId,
        entry.correlationId,
        entry.recordedAt,
        entry.prevHash,
        entry.hash,
      ],
    );
    await this.tx.query('UPDATE registry.audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1', [
      entry.seq,
      entry.hash,
    ]);
  }

  /** Entries in seq order after `afterSeq`, at most `limit`, matching every given filter. */
  async list(filter: AuditLogFilter, limit: number): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.afterSeq !== undefined) add('seq > ?', filter.afterSeq);
    if (filter.service !== undefined) add('service = ?', filter.service);
    if (filter.actor !== undefined) add('actor_subject = ?', filter.actor);
    if (filter.resourceType !== undefined) add('resource_type = ?', filter.resourceType);
    if (filter.resourceId !== undefined) add('resource_id = ?', filter.resourceId);
    if (filter.from !== undefined) add('at >= ?', filter.from);
    if (filter.to !== undefined) add('at < ?', filter.to);
    params.push(limit);
    const rows = await this.tx.query<AuditLogRow[]>(
      `SELECT ${COLUMNS} FROM registry.audit_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY audit_log.seq LIMIT $${params.length}`,
      params,
    );
    return rows.map(toEntry);
  }

  /** One batch of the chain for verification: seq in (afterSeq, upToSeq], ascending. */
  async readBatch(afterSeq: number, upToSeq: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.tx.query<AuditLogRow[]>(
      `SELECT ${COLUMNS} FROM registry.audit_log WHERE seq > $1 AND seq <= $2 ORDER BY audit_log.seq LIMIT $3`,
      [afterSeq, upToSeq, limit],
    );
    return rows.map(toEntry);
  }
}
