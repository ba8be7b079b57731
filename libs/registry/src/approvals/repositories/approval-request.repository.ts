import { Injectable } from '@nestjs/common';
import type { Actor, ApprovalRequestedV1, ApprovalSubject } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';
import type { ApprovalState } from '../domain/approval-rules';

/** Evidence as `approval-requested` carries it. */
export type ApprovalEvidence = ApprovalRequestedV1['evidence'][number];

export interface StoredApprovalRequest {
  id: string;
  subjectKey: string;
  subject: ApprovalSubject;
  requestedBy: Actor;
  requiredApprovals: number;
  approverRole: string;
  fourEyes: boolean;
  evidence: ApprovalEvidence[];
  comment: string;
  /** As stored; open requests past `expiresAt` are expired even before a write records it. */
  state: ApprovalState;
  expiresAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  appliedAt: string | null;
  appliedBy: Actor | null;
}

export interface ApprovalListFilter {
  state?: ApprovalState;
  kind?: ApprovalSubject['kind'];
  modelName?: string;
  promptName?: string;
  version?: number;
  requestedBy?: string;
  /** Requests created before this one (ids are UUIDv7, so time-ordered). */
  before?: string;
  limit: number;
}

interface RequestRow {
  id: string;
  subject_key: string;
  subject: ApprovalSubject;
  requested_by: Actor;
  required_approvals: number;
  approver_role: string;
  four_eyes: boolean;
  evidence: ApprovalEvidence[];
  comment: string;
  state: ApprovalState;
  expires_at: Date | null;
  created_at: Date;
  resolved_at: Date | null;
  applied_at: Date | null;
  applied_by: Actor | null;
}

const COLUMNS = `id, subject_key, subject, requested_by, required_approvals, approver_role, four_eyes, evidence,
  comment, state, expires_at, created_at, resolved_at, applied_at, applied_by`;

const iso = (d: Date | null): string | null => (d === null ? null : new Date(d).toISOString());

function toStored(r: RequestRow): StoredApprovalRequest {
  return {
    id: r.id,
    subjectKey: r.subject_key,
    subject: r.subject,
    requestedBy: r.requested_by,
    requiredApprovals: r.required_approvals,
    approverRole: r.approver_role,
    fourEyes: r.four_eyes,
    evidence: r.evidence,
    comment: r.comment,
    state: r.state,
    expiresAt: iso(r.expires_at),
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: iso(r.resolved_at),
    appliedAt: iso(r.applied_at),
    appliedBy: r.applied_by,
  };
}

/** Approval requests; their decisions and comments live in ApprovalActivityRepository. */
@Injectable()
export class ApprovalRequestRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Throws a unique violation when an open request for the same subject exists (see the migration). */
  async insert(r: StoredApprovalRequest): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.approval_requests (id, subject_kind, subject_key, subject, requested_by,
         requested_by_subject, required_approvals, approver_role, four_eyes, evidence, comment, state,
         expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        r.id,
        r.subject.kind,
        r.subjectKey,
        JSON.stringify(r.subject),
        JSON.stringify(r.requestedBy),
        r.requestedBy.subject,
        r.requiredApprovals,
        r.approverRole,
        r.fourEyes,
        JSON.stringify(r.evidence),
        r.comment,
        r.state,
        r.expiresAt,
        r.createdAt,
      ],
    );
  }

  /** `forUpdate` serialises decisions on one request, so two last approvals cannot both resolve it. */
  async findById(id: string, options: { forUpdate?: boolean } = {}): Promise<StoredApprovalRequest | null> {
    const lock = options.forUpdate ? ' FOR UPDATE' : '';
    const rows = await this.tx.query<RequestRow[]>(
      `SELECT ${COLUMNS} FROM registry.approval_requests WHERE id = $1${lock}`,
      [id],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** The open (pending or approved) request for a subject, if any. */
  async findOpen(
    subjectKey: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<StoredApprovalRequest | null> {
    const lock = options.forUpdate ? ' FOR UPDATE' : '';
    const rows = await this.tx.query<RequestRow[]>(
      `SELECT ${COLUMNS} FROM registry.approval_requests
       WHERE subject_key = $1 AND state IN ('pending', 'approved')${lock}`,
      [subjectKey],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** Records expiry of open requests past their time, so they stop blocking new requests. */
  async expireStale(subjectKey: string, now: Date): Promise<void> {
    await this.tx.query(
      `UPDATE registry.approval_requests SET state = 'expired', resolved_at = expires_at
       WHERE subject_key = $1 AND state IN ('pending', 'approved') AND expires_at <= $2`,
      [subjectKey, now.toISOString()],
    );
  }

  async resolve(id: string, state: ApprovalState, at: Date): Promise<void> {
    await this.tx.query('UPDATE registry.approval_requests SET state = $2, resolved_at = $3 WHERE id = $1', [
      id,
      state,
      at.toISOString(),
    ]);
  }

  async markApplied(id: string, by: Actor, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE registry.approval_requests SET state = 'applied', applied_at = $2, applied_by = $3 WHERE id = $1`,
      [id, at.toISOString(), JSON.stringify(by)],
    );
  }

  /** Newest first. */
  async list(filter: ApprovalListFilter, now: Date): Promise<StoredApprovalRequest[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.state === 'expired') {
      where.push(
        `(state = 'expired' OR (state IN ('pending', 'approved') AND expires_at <= ${param(now.toISOString())}))`,
      );
    } else if (filter.state === 'pending' || filter.state === 'approved') {
      where.push(
        `state = ${param(filter.state)} AND (expires_at IS NULL OR expires_at > ${param(now.toISOString())})`,
      );
    } else if (filter.state) {
      where.push(`state = ${param(filter.state)}`);
    }
    if (filter.kind) where.push(`subject_kind = ${param(filter.kind)}`);
    if (filter.modelName) where.push(`subject->>'modelName' = ${param(filter.modelName)}`);
    if (filter.promptName) where.push(`subject->>'promptName' = ${param(filter.promptName)}`);
    if (filter.version !== undefined) where.push(`(subject->>'version')::int = ${param(filter.version)}`);
    if (filter.requestedBy) where.push(`requested_by_subject = ${param(filter.requestedBy)}`);
    if (filter.before) where.push(`id < ${param(filter.before)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = await this.tx.query<RequestRow[]>(
      `SELECT ${COLUMNS} FROM registry.approval_requests ${clause} ORDER BY id DESC LIMIT ${param(filter.limit)}`,
      params,
    );
    return rows.map(toStored);
  }
}
