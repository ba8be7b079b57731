import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Topics, type Actor, type ApprovalSubject } from '@llmops/contracts';
import { AppError } from '@llmops/http';
import { EventPublisher } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { decisionRefusal, effectiveState, holdsRole, OPEN_STATES, tally } from '../domain/approval-rules';
import { approvalSubjectKey } from '../domain/approval-subject-key';
import type { ApprovalCommentView, ApprovalRequestView, ListApprovalsQuery } from '../dtos/approval.dto';
import { ApprovalActivityRepository } from '../repositories/approval-activity.repository';
import {
  ApprovalRequestRepository,
  type ApprovalEvidence,
  type StoredApprovalRequest,
} from '../repositories/approval-request.repository';
import { isUniqueViolation } from '../repositories/is-unique-violation.util';
import { APPROVER_ROLE } from '../domain/promotion-policy';
import { approvalFacts, decisionFacts, toActor, toRequestView } from './approval-view.mapper';

/** Asking for an approval of any governed change (a model stage transition, a protected prompt label move). */
export interface ApprovalRequestInput {
  subject: ApprovalSubject;
  /** The principal asking; under four-eyes they cannot decide on it. */
  requestedBy: Actor;
  /** At least 1. */
  requiredApprovals: number;
  comment?: string;
  /** Default true. */
  fourEyes?: boolean;
  /** Default `approver`. */
  approverRole?: string;
  /** Evidence the caller's policy requires and whether it holds now (shown in `approval-requested`). */
  evidence?: ApprovalEvidence[];
  /** Default: never. */
  expiresAt?: Date | null;
}

export interface ApprovalDecisionInput {
  requestId: string;
  decision: 'approve' | 'reject';
  decidedBy: Actor;
  comment?: string;
}

/**
 * Approval requests, decisions and comments for any governed change: four-eyes, one decision per
 * approver, a rejection closes the request, N approvals approve it. Executing the approved change is the
 * owner's business (see ApprovalExecutionService); `findApproved` + `markApplied` let an owner consume an
 * approval exactly once. Every write publishes its event in the same transaction.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly requests: ApprovalRequestRepository,
    private readonly activity: ApprovalActivityRepository,
    private readonly events: EventPublisher,
  ) {}

  request(input: ApprovalRequestInput): Promise<ApprovalRequestView> {
    if (!Number.isInteger(input.requiredApprovals) || input.requiredApprovals < 1) {
      throw new AppError('APPROVAL_NOT_REQUIRED', 422, 'an approval request needs at least one approval', {
        errors: [{ path: 'requiredApprovals', message: 'must be an integer >= 1' }],
      });
    }
    return this.tx.run(async () => {
      const now = new Date();
      const subjectKey = approvalSubjectKey(input.subject);
      await this.requests.expireStale(subjectKey, now);
      const open = await this.requests.findOpen(subjectKey);
      if (open) throw alreadyOpen(open.id);
      const stored: StoredApprovalRequest = {
        id: uuidv7(),
        subjectKey,
        subject: input.subject,
        requestedBy: toActor(input.requestedBy),
        requiredApprovals: input.requiredApprovals,
        approverRole: input.approverRole ?? APPROVER_ROLE,
        fourEyes: input.fourEyes ?? true,
        evidence: input.evidence ?? [],
        comment: input.comment ?? '',
        state: 'pending',
        expiresAt: input.expiresAt ? input.expiresAt.toISOString() : null,
        createdAt: now.toISOString(),
        resolvedAt: null,
        appliedAt: null,
        appliedBy: null,
      };
      try {
        await this.requests.insert(stored);
      } catch (error) {
        // A concurrent request for the same subject committed first (the partial unique index).
        if (isUniqueViolation(error)) throw alreadyOpen(null);
        throw error;
      }
      await this.events.publish(
        Topics.approvalRequested,
        {
          approvalRequestId: stored.id,
          subject: stored.subject,
          requestedBy: stored.requestedBy,
          requiredApprovals: stored.requiredApprovals,
          approverRole: stored.approverRole,
          evidence: stored.evidence,
          comment: stored.comment,
          expiresAt: stored.expiresAt,
          requestedAt: stored.createdAt,
        },
        { key: stored.id },
      );
      return toRequestView(stored, [], now);
    });
  }

  decide(input: ApprovalDecisionInput): Promise<ApprovalRequestView> {
    return this.tx.run(async () => {
      const now = new Date();
      const request = await this.load(input.requestId, { forUpdate: true });
      const decisions = await this.activity.decisionsOf([request.id]);
      const facts = approvalFacts(request, now);
      const refusal = decisionRefusal(facts, decisions.map(decisionFacts), input.decidedBy, now);
      if (refusal) {
        throw new AppError(refusal.code, refusal.status, refusal.detail, {
          extensions: { approvalRequestId: request.id },
        });
      }
      const decision = {
        id: uuidv7(),
        requestId: request.id,
        decidedBy: toActor(input.decidedBy),
        decision: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const),
        comment: input.comment ?? '',
        decidedAt: now.toISOString(),
      };
      await this.activity.insertDecision(decision);
      const all = [...decisions, decision];
      const outcome = tally(facts, all.map(decisionFacts));
      if (outcome.status !== 'pending') await this.requests.resolve(request.id, outcome.status, now);
      await this.events.publish(
        Topics.approvalDecided,
        {
          approvalRequestId: request.id,
          subject: request.subject,
          decision: decision.decision,
          decidedBy: decision.decidedBy,
          comment: decision.comment,
          approvals: outcome.approvals,
          requiredApprovals: request.requiredApprovals,
          requestStatus: outcome.status,
          decidedAt: decision.decidedAt,
        },
        { key: request.id },
      );
      return this.get(request.id);
    });
  }

  /** The requester (or an admin) takes back an open request, so a new one can be made. */
  withdraw(requestId: string, by: Actor): Promise<ApprovalRequestView> {
    return this.tx.run(async () => {
      const now = new Date();
      const request = await this.load(requestId, { forUpdate: true });
      const state = effectiveState(request, now);
      if (!OPEN_STATES.includes(state)) {
        throw new AppError(
          'APPROVAL_NOT_OPEN',
          409,
          `the request is ${state}; only open requests can be withdrawn`,
        );
      }
      if (by.subject !== request.requestedBy.subject && !holdsRole(by.roles, 'admin')) {
        throw new AppError('APPROVAL_WITHDRAW_FORBIDDEN', 403, 'only the requester or an admin can withdraw');
      }
      await this.requests.resolve(request.id, 'withdrawn', now);
      return this.get(request.id);
    });
  }

  async comment(requestId: string, author: Actor, body: string): Promise<ApprovalCommentView> {
    return this.tx.run(async () => {
      await this.load(requestId);
      const comment = {
        id: uuidv7(),
        requestId,
        author: toActor(author),
        body,
        createdAt: new Date().toISOString(),
      };
      await this.activity.insertComment(comment);
      return comment;
    });
  }

  async comments(requestId: string): Promise<ApprovalCommentView[]> {
    await this.load(requestId);
    return this.activity.commentsOf(requestId);
  }

  async get(requestId: string): Promise<ApprovalRequestView> {
    const request = await this.load(requestId);
    return toRequestView(request, await this.activity.decisionsOf([request.id]), new Date());
  }

  async list(query: ListApprovalsQuery): Promise<ApprovalRequestView[]> {
    const now = new Date();
    const rows = await this.requests.list(query, now);
    const decisions = await this.activity.decisionsOf(rows.map((r) => r.id));
    return rows.map((r) =>
      toRequestView(
        r,
        decisions.filter((d) => d.requestId === r.id),
        now,
      ),
    );
  }

  /**
   * The approved, not yet executed request for `subject`, or null. Locks it until the surrounding
   * transaction ends, so two executions of the same change cannot both consume it.
   */
  findApproved(subject: ApprovalSubject): Promise<ApprovalRequestView | null> {
    return this.findApprovedByKey(approvalSubjectKey(subject));
  }

  /** As `findApproved`, by `approvalSubjectKey` (for callers that know names, not ids). */
  findApprovedByKey(subjectKey: string): Promise<ApprovalRequestView | null> {
    return this.tx.run(async () => {
      const open = await this.requests.findOpen(subjectKey, { forUpdate: true });
      if (!open) return null;
      const view = toRequestView(open, await this.activity.decisionsOf([open.id]), new Date());
      return view.state === 'approved' ? view : null;
    });
  }

  /** Consumes an approved request: it authorised one change, which `by` has just executed. */
  markApplied(requestId: string, by: Actor): Promise<void> {
    return this.tx.run(async () => {
      const request = await this.load(requestId, { forUpdate: true });
      const state = effectiveState(request, new Date());
      if (state !== 'approved') {
        throw new AppError('APPROVAL_NOT_APPROVED', 409, `the request is ${state}, not approved`, {
          extensions: { approvalRequestId: requestId },
        });
      }
      await this.requests.markApplied(requestId, toActor(by), new Date());
    });
  }

  private async load(id: string, options: { forUpdate?: boolean } = {}): Promise<StoredApprovalRequest> {
    const request = await this.requests.findById(id, options);
    if (!request) throw new AppError('APPROVAL_NOT_FOUND', 404, `no approval request ${id}`);
    return request;
  }
}

function alreadyOpen(existingId: string | null): AppError {
  return new AppError(
    'APPROVAL_ALREADY_OPEN',
    409,
    existingId
      ? `approval request ${existingId} for the same change is still open; decide, withdraw or apply it first`
      : 'another approval request for the same change was just opened',
    { extensions: { approvalRequestId: existingId } },
  );
}
