import { Injectable } from '@nestjs/common';
import type { Actor } from '@llmops/contracts';
import { TransactionHost } from '@llmops/persistence';

export interface StoredDecision {
  id: string;
  requestId: string;
  decidedBy: Actor;
  decision: 'approved' | 'rejected';
  comment: string;
  decidedAt: string;
}

export interface StoredComment {
  id: string;
  requestId: string;
  author: Actor;
  body: string;
  createdAt: string;
}

interface DecisionRow {
  id: string;
  request_id: string;
  decided_by: Actor;
  decision: 'approved' | 'rejected';
  comment: string;
  decided_at: Date;
}

interface CommentRow {
  id: string;
  request_id: string;
  author: Actor;
  body: string;
  created_at: Date;
}

/** Decisions (one per approver and request, enforced by a unique key) and comments on approval requests. */
@Injectable()
export class ApprovalActivityRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insertDecision(d: StoredDecision): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.approval_decisions (id, request_id, decided_by_subject, decided_by, decision, comment, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        d.id,
        d.requestId,
        d.decidedBy.subject,
        JSON.stringify(d.decidedBy),
        d.decision,
        d.comment,
        d.decidedAt,
      ],
    );
  }

  /** Decisions of several requests, oldest first. */
  async decisionsOf(requestIds: readonly string[]): Promise<StoredDecision[]> {
    if (requestIds.length === 0) return [];
    // One placeholder per id rather than an array parameter: the same SQL runs on pg and on PGlite.
    const placeholders = requestIds.map((_, i) => `$${i + 1}`).join(', ');
    const rows = await this.tx.query<DecisionRow[]>(
      `SELECT id, request_id, decided_by, decision, comment, decided_at FROM registry.approval_decisions
       WHERE request_id IN (${placeholders}) ORDER BY decided_at, id`,
      [...requestIds],
    );
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      decidedBy: r.decided_by,
      decision: r.decision,
      comment: r.comment,
      decidedAt: new Date(r.decided_at).toISOString(),
    }));
  }

  async insertComment(c: StoredComment): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.approval_comments (id, request_id, author, body, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [c.id, c.requestId, JSON.stringify(c.author), c.body, c.createdAt],
    );
  }

  /** Comments of one request, oldest first. */
  async commentsOf(requestId: string): Promise<StoredComment[]> {
    const rows = await this.tx.query<CommentRow[]>(
      `SELECT id, request_id, author, body, created_at FROM registry.approval_comments
       WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
    return rows.map((r) => ({
      id: r.id,
      requestId: r.request_id,
      author: r.author,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
