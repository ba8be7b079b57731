import type { Actor } from '@llmops/contracts';
import { effectiveState, tally, type ApprovalFacts, type DecisionFacts } from '../domain/approval-rules';
import type { ApprovalRequestView } from '../dtos/approval.dto';
import type { StoredDecision } from '../repositories/approval-activity.repository';
import type { StoredApprovalRequest } from '../repositories/approval-request.repository';

/** Only what the contracts' Actor holds: a Principal's display name stays out of stored records. */
export function toActor(who: Actor): Actor {
  return { subject: who.subject, kind: who.kind, roles: [...who.roles] };
}

export function approvalFacts(r: StoredApprovalRequest, now: Date): ApprovalFacts {
  return {
    state: effectiveState(r, now),
    requestedBySubject: r.requestedBy.subject,
    requiredApprovals: r.requiredApprovals,
    approverRole: r.approverRole,
    fourEyes: r.fourEyes,
    expiresAt: r.expiresAt,
  };
}

export function decisionFacts(d: StoredDecision): DecisionFacts {
  return { decidedBySubject: d.decidedBy.subject, decidedByRoles: d.decidedBy.roles, decision: d.decision };
}

export function toRequestView(
  r: StoredApprovalRequest,
  decisions: readonly StoredDecision[],
  now: Date,
): ApprovalRequestView {
  const facts = approvalFacts(r, now);
  return {
    id: r.id,
    subject: r.subject,
    requestedBy: r.requestedBy,
    requiredApprovals: r.requiredApprovals,
    approverRole: r.approverRole,
    fourEyes: r.fourEyes,
    evidence: r.evidence,
    comment: r.comment,
    state: facts.state,
    approvals: tally(facts, decisions.map(decisionFacts)).approvals,
    decisions: decisions.map((d) => ({
      id: d.id,
      decidedBy: d.decidedBy,
      decision: d.decision,
      comment: d.comment,
      decidedAt: d.decidedAt,
    })),
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
    appliedAt: r.appliedAt,
    appliedBy: r.appliedBy,
  };
}

/** The rule inputs of a request view (as the gate sees it). */
export function viewFacts(view: ApprovalRequestView): { request: ApprovalFacts; decisions: DecisionFacts[] } {
  return {
    request: {
      state: view.state,
      requestedBySubject: view.requestedBy.subject,
      requiredApprovals: view.requiredApprovals,
      approverRole: view.approverRole,
      fourEyes: view.fourEyes,
      expiresAt: view.expiresAt,
    },
    decisions: view.decisions.map((d) => ({
      decidedBySubject: d.decidedBy.subject,
      decidedByRoles: d.decidedBy.roles,
      decision: d.decision,
    })),
  };
}
