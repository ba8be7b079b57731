import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SlugSchema, UuidSchema, type Actor, type ApprovalSubject } from '@llmops/contracts';
import { APPROVAL_STATES, type ApprovalState } from '../domain/approval-rules';
import type { ApprovalEvidence } from '../repositories/approval-request.repository';

/** `POST /v1/models/{name}/versions/{v}/approval-requests`. */
export const CreateModelApprovalRequestSchema = z.strictObject({
  /** The stage to promote to; its policy decides how many approvals and which evidence. */
  toStage: z.enum(['staging', 'production']),
  comment: z.string().trim().max(4000).default(''),
});
export class CreateModelApprovalRequestDto extends createZodDto(CreateModelApprovalRequestSchema) {}

/** `POST /v1/approvals/{id}/decisions`. */
export const DecideApprovalSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(4000).default(''),
});
export class DecideApprovalDto extends createZodDto(DecideApprovalSchema) {}

/** `POST /v1/approvals/{id}/comments`. */
export const CommentApprovalSchema = z.strictObject({
  body: z.string().trim().min(1).max(4000),
});
export class CommentApprovalDto extends createZodDto(CommentApprovalSchema) {}

/** `GET /v1/approvals` filters. */
export const ListApprovalsQuerySchema = z.strictObject({
  state: z.enum(APPROVAL_STATES).optional(),
  kind: z.enum(['model-stage-transition', 'prompt-label-move']).optional(),
  modelName: SlugSchema.optional(),
  promptName: SlugSchema.optional(),
  version: z.coerce.number().int().min(1).optional(),
  /** A principal subject, e.g. `api-key:ci` or a JWT `sub`. */
  requestedBy: z.string().min(1).max(256).optional(),
  /** Page backwards: requests created before this id (the last id of the previous page). */
  before: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export class ListApprovalsQueryDto extends createZodDto(ListApprovalsQuerySchema) {}
export type ListApprovalsQuery = z.output<typeof ListApprovalsQuerySchema>;

export interface ApprovalDecisionView {
  id: string;
  decidedBy: Actor;
  decision: 'approved' | 'rejected';
  comment: string;
  decidedAt: string;
}

export interface ApprovalCommentView {
  id: string;
  requestId: string;
  author: Actor;
  body: string;
  createdAt: string;
}

/** An approval request as the API shows it. */
export interface ApprovalRequestView {
  id: string;
  subject: ApprovalSubject;
  requestedBy: Actor;
  requiredApprovals: number;
  approverRole: string;
  fourEyes: boolean;
  /** Evidence as it stood when the request was made (re-checked when the change is executed). */
  evidence: ApprovalEvidence[];
  comment: string;
  state: ApprovalState;
  /** Approvals that count: distinct approvers holding the role, never the requester under four-eyes. */
  approvals: number;
  decisions: ApprovalDecisionView[];
  expiresAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  appliedAt: string | null;
  appliedBy: Actor | null;
}

/** What executing an approved request did, right after the deciding approval. */
export type ApprovalApplication =
  | { applied: true }
  | { applied: false; code: string; detail: string; errors?: { path: string; message: string }[] };

/** Answer to a decision: the request after it, and, when it became approved, the attempt to execute it. */
export interface ApprovalDecisionResult extends ApprovalRequestView {
  /** Null unless this decision approved the request and its kind has an executor. */
  application: ApprovalApplication | null;
}
