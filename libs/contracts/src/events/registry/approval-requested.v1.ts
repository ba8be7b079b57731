import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';
import { ApprovalSubjectSchema } from './approval-subject';

/** An approval was requested for a governed change. */
export const ApprovalRequestedV1Schema = z
  .object({
    /** The approval request. */
    approvalRequestId: UuidSchema.describe('The approval request.'),
    /** What it asks to allow. */
    subject: ApprovalSubjectSchema,
    /** Who asked; four-eyes: this principal cannot approve. */
    requestedBy: ActorSchema.describe('Who asked; four-eyes: this principal cannot approve.'),
    /** Approvals needed, from principals with `approverRole`. */
    requiredApprovals: z
      .number()
      .int()
      .min(1)
      .describe('Approvals needed, from principals with approverRole.'),
    /** Role an approver must hold, e.g. `approver`. */
    approverRole: z.string().min(1).describe('Role an approver must hold, e.g. approver.'),
    /** Evidence the policy requires, and whether each is already satisfied. */
    evidence: z
      .array(
        z.object({
          /** Kind of evidence. */
          kind: z
            .enum(['passing-evaluation', 'passing-safety-probes', 'model-card', 'passing-prompt-evaluation'])
            .describe('Kind of evidence.'),
          /** Whether it is satisfied now. */
          satisfied: z.boolean().describe('Whether it is satisfied now.'),
          /** Id of the satisfying resource (e.g. the evaluation), or null. */
          resourceId: UuidSchema.nullable().describe(
            'Id of the satisfying resource (e.g. the evaluation), or null.',
          ),
        }),
      )
      .describe('Evidence the policy requires, and whether each is already satisfied.'),
    /** The requester's comment. */
    comment: z.string().describe("The requester's comment."),
    /** When the request expires, or null if it does not. */
    expiresAt: IsoTimestampSchema.nullable().describe('When the request expires, or null if it does not.'),
    /** When it was requested. */
    requestedAt: IsoTimestampSchema.describe('When it was requested.'),
  })
  .describe('An approval was requested for a governed change.');

/** An approval was requested. */
export type ApprovalRequestedV1 = z.output<typeof ApprovalRequestedV1Schema>;

export const approvalRequestedV1 = defineEvent({
  service: 'registry',
  event: 'approval-requested',
  version: 1,
  schema: ApprovalRequestedV1Schema,
  description:
    'An approval was requested for a governed change (a model stage transition or a protected prompt label move).',
  aggregate: 'the approval request',
  keyOf: (data) => data.approvalRequestId,
});
