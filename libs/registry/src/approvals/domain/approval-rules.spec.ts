import {
  approvalShortfall,
  decisionRefusal,
  effectiveState,
  tally,
  type ApprovalFacts,
  type DecisionFacts,
} from './approval-rules';

const NOW = new Date('2025-03-14T12:00:00.000Z');
const REQUEST: ApprovalFacts = {
  state: 'pending',
  requestedBySubject: 'api-key:ml',
  requiredApprovals: 2,
  approverRole: 'approver',
  fourEyes: true,
  expiresAt: null,
};
const approver = { subject: 'api-key:approver', roles: ['approver'] };
const approve = (subject: string, roles: string[] = ['approver']): DecisionFacts => ({
  decidedBySubject: subject,
  decidedByRoles: roles,
  decision: 'approved',
});

describe('decisionRefusal (four-eyes and friends)', () => {
  it('lets an approver other than the requester decide', () => {
    expect(decisionRefusal(REQUEST, [], approver, NOW)).toBeNull();
  });

  it('forbids the requester to decide on their own request (403 SELF_APPROVAL_FORBIDDEN)', () => {
    const self = { subject: 'api-key:ml', roles: ['approver', 'ml-engineer'] };
    expect(decisionRefusal(REQUEST, [], self, NOW)).toEqual(
      expect.objectContaining({ code: 'SELF_APPROVAL_FORBIDDEN', status: 403 }),
    );
    expect(decisionRefusal({ ...REQUEST, fourEyes: false }, [], self, NOW)).toBeNull();
  });

  it('allows one decision per approver', () => {
    expect(decisionRefusal(REQUEST, [approve('api-key:approver')], approver, NOW)).toEqual(
      expect.objectContaining({ code: 'APPROVAL_ALREADY_DECIDED', status: 409 }),
    );
  });

  it('needs the approver role (admin passes)', () => {
    expect(decisionRefusal(REQUEST, [], { subject: 'u', roles: ['ml-engineer'] }, NOW)).toEqual(
      expect.objectContaining({ code: 'APPROVER_ROLE_REQUIRED', status: 403 }),
    );
    expect(decisionRefusal(REQUEST, [], { subject: 'u', roles: ['admin'] }, NOW)).toBeNull();
  });

  it('refuses decisions on resolved or expired requests', () => {
    expect(decisionRefusal({ ...REQUEST, state: 'rejected' }, [], approver, NOW)?.code).toBe(
      'APPROVAL_NOT_PENDING',
    );
    const expired = { ...REQUEST, expiresAt: '2025-03-14T11:00:00.000Z' };
    expect(effectiveState(expired, NOW)).toBe('expired');
    expect(decisionRefusal(expired, [], approver, NOW)?.code).toBe('APPROVAL_EXPIRED');
  });
});

describe('tally', () => {
  it('approves at N distinct qualifying approvals and closes on one rejection', () => {
    expect(tally(REQUEST, [approve('a')])).toEqual({ approvals: 1, status: 'pending' });
    expect(tally(REQUEST, [approve('a'), approve('b')])).toEqual({ approvals: 2, status: 'approved' });
    expect(tally(REQUEST, [approve('a'), { ...approve('b'), decision: 'rejected' }]).status).toBe('rejected');
  });

  it('does not count the requester under four-eyes, nor principals without the role', () => {
    expect(tally(REQUEST, [approve('api-key:ml'), approve('c', ['viewer']), approve('a')]).approvals).toBe(1);
  });
});

describe('approvalShortfall', () => {
  it('holds an approved request to the policy in force now', () => {
    const approved = { ...REQUEST, state: 'approved' as const, requiredApprovals: 1 };
    const decisions = [approve('a')];
    const policy = { requiredApprovals: 1, fourEyes: true, approverRole: 'approver' };
    expect(approvalShortfall(approved, decisions, policy)).toBeNull();
    expect(approvalShortfall(approved, decisions, { ...policy, requiredApprovals: 2 })).toContain(
      'requires 2',
    );
  });

  it('applies four-eyes if either the request or the policy asks for it', () => {
    const approved = { ...REQUEST, state: 'approved' as const, requiredApprovals: 1, fourEyes: false };
    const decisions = [approve('api-key:ml')];
    const policy = { requiredApprovals: 1, fourEyes: true, approverRole: 'approver' };
    expect(approvalShortfall(approved, decisions, policy)).toContain('other than the requester');
    expect(approvalShortfall(approved, decisions, { ...policy, fourEyes: false })).toBeNull();
  });
});
