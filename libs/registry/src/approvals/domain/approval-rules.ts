/**
 * Pure rules of approval requests: who may decide, when a request is resolved, and whether an approved
 * request still satisfies a policy at the moment its change is executed.
 */

/** `applied`: the approved change was executed (an approval authorises exactly one change). */
export const APPROVAL_STATES = [
  'pending',
  'approved',
  'rejected',
  'applied',
  'withdrawn',
  'expired',
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** States in which a request still blocks a second request for the same subject. */
export const OPEN_STATES: readonly ApprovalState[] = ['pending', 'approved'];

export interface ApprovalFacts {
  state: ApprovalState;
  requestedBySubject: string;
  requiredApprovals: number;
  approverRole: string;
  fourEyes: boolean;
  /** ISO time, or null when the request never expires. */
  expiresAt: string | null;
}

export interface DecisionFacts {
  decidedBySubject: string;
  decidedByRoles: readonly string[];
  decision: 'approved' | 'rejected';
}

/** A refusal the service turns into problem+json. */
export interface Refusal {
  code: string;
  status: 403 | 409;
  detail: string;
}

/** `admin` passes every role check, as everywhere in llmops. */
export function holdsRole(roles: readonly string[], role: string): boolean {
  return roles.includes(role) || roles.includes('admin');
}

/** Open requests past their expiry are expired, whether or not a write has recorded it yet. */
export function effectiveState(
  request: Pick<ApprovalFacts, 'state' | 'expiresAt'>,
  now: Date,
): ApprovalState {
  const open = OPEN_STATES.includes(request.state);
  if (open && request.expiresAt !== null && new Date(request.expiresAt) <= now) return 'expired';
  return request.state;
}

/** Why `decider` may not decide on `request` now, or null when they may. */
export function decisionRefusal(
  request: ApprovalFacts,
  decisions: readonly DecisionFacts[],
  decider: { subject: string; roles: readonly string[] },
  now: Date,
): Refusal | null {
  const state = effectiveState(request, now);
  if (state === 'expired') {
    return {
      code: 'APPROVAL_EXPIRED',
      status: 409,
      detail: `the request expired at ${request.expiresAt ?? ''}`,
    };
  }
  if (state !== 'pending') {
    return { code: 'APPROVAL_NOT_PENDING', status: 409, detail: `the request is ${state}, not pending` };
  }
  if (!holdsRole(decider.roles, request.approverRole)) {
    return {
      code: 'APPROVER_ROLE_REQUIRED',
      status: 403,
      detail: `deciding needs the ${request.approverRole} role`,
    };
  }
  // Four-eyes: the requester may neither approve nor reject (withdrawing is their way out).
  if (request.fourEyes && decider.subject === request.requestedBySubject) {
    return {
      code: 'SELF_APPROVAL_FORBIDDEN',
      status: 403,
      detail: `${decider.subject} requested this change and cannot decide on it (four-eyes)`,
    };
  }
  if (decisions.some((d) => d.decidedBySubject === decider.subject)) {
    return {
      code: 'APPROVAL_ALREADY_DECIDED',
      status: 409,
      detail: `${decider.subject} has already decided on this request`,
    };
  }
  return null;
}

/** Approvals that count: distinct approvers holding the role, never the requester under four-eyes. */
export function qualifyingApprovers(request: ApprovalFacts, decisions: readonly DecisionFacts[]): string[] {
  const approvers = new Set<string>();
  for (const d of decisions) {
    if (d.decision !== 'approved' || !holdsRole(d.decidedByRoles, request.approverRole)) continue;
    if (request.fourEyes && d.decidedBySubject === request.requestedBySubject) continue;
    approvers.add(d.decidedBySubject);
  }
  return [...approvers];
}

/** The request's status after its decisions: one rejection closes it; N approvals resolve it. */
export function tally(
  request: ApprovalFacts,
  decisions: readonly DecisionFacts[],
): { approvals: number; status: 'pending' | 'approved' | 'rejected' } {
  const approvals = qualifyingApprovers(request, decisions).length;
  if (decisions.some((d) => d.decision === 'rejected')) return { approvals, status: 'rejected' };
  return { approvals, status: approvals >= request.requiredApprovals ? 'approved' : 'pending' };
}

/**
 * Whether an approved request authorises a change under the policy in force now (which may have been
 * tightened since the request was made): null when it does, else why not.
 */
export function approvalShortfall(
  request: ApprovalFacts,
  decisions: readonly DecisionFacts[],
  policy: { requiredApprovals: number; fourEyes: boolean; approverRole: string },
): string | null {
  const strictest: ApprovalFacts = {
    ...request,
    approverRole: policy.approverRole,
    fourEyes: policy.fourEyes || request.fourEyes,
  };
  const approvers = qualifyingApprovers(strictest, decisions);
  if (approvers.length >= policy.requiredApprovals) return null;
  const counted = strictest.fourEyes ? 'distinct approvers other than the requester' : 'distinct approvers';
  return `approval request has ${approvers.length} approval(s) from ${counted}; the policy requires ${policy.requiredApprovals}`;
}
