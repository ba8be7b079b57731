import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { CountSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';
import { ApprovalSubjectSchema } from './approval-subject';

/** An approver decided on an approval request. */
export const ApprovalDecidedV1Schema = z
  .object({
    /** The approval request. */
    approvalRequestId: UuidSchema.describe('The approval request.'),
    /** What the request asks to allow. */
    subject: ApprovalSubjectSchema,
    /** This approver's decision. */
    decision: z.enum(['approved', 'rejected']).describe("This approver's decision."),
    /** Who decided. */
    decidedBy: ActorSchema,
    /** The approver's comment. */
    comment: z.string().describe("The approver's comment."),
    /** Approvals granted so far, this one included. */
    approvals: CountSchema.describe('Approvals granted so far, this one included.'),
    /** Approvals needed. */
    requiredApprovals: z.number().int().min(1).describe('Approvals needed.'),
    /** The request's status after this decision: still pending, approved (enough approvals) or rejected. */
    requestStatus: z
      .enum(['pending', 'approved', 'rejected'])
      .describe(
        "The request's status after this decision: pending, approved (enough approvals) or rejected.",
      ),
    /** When the decision was made. */
    decidedAt: IsoTimestampSchema.describe('When the decision was made.'),
  })
  .describe('An approver decided on an approval request.');

/** An approver decided on an approval request. */
export type ApprovalDecidedV1 = z.output<typeof ApprovalDecidedV1Schema>;

export const approvalDecidedV1 = defineEvent({
  service: 'registry',
  event: 'approval-decided',
  version: 1,
  schema: ApprovalDecidedV1Schema,
  description:
    'An approver approved or rejected a request; requestStatus says whether the request is now resolved.',
  aggregate: 'the approval request',
  keyOf: (data) => data.approvalRequestId,
});
