import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { Actor } from '@llmops/contracts';

/** `PUT /v1/prompts/{name}/labels/{label}`: point the label at a version. */
export const MoveLabelSchema = z.strictObject({
  version: z.number().int().min(1),
});
export class MoveLabelDto extends createZodDto(MoveLabelSchema) {}

/** `POST /v1/prompts/{name}/labels/{label}/approval-requests`: ask to move a protected label. */
export const RequestLabelMoveApprovalSchema = z.strictObject({
  version: z.number().int().min(1),
  comment: z.string().trim().max(4000).default(''),
});
export class RequestLabelMoveApprovalDto extends createZodDto(RequestLabelMoveApprovalSchema) {}

/** A label move, as answered and as kept in the label's history. */
export interface PromptLabelMoveView {
  promptName: string;
  label: string;
  from: { version: number; versionId: string } | null;
  to: { version: number; versionId: string };
  protected: boolean;
  approvalRequestId: string | null;
  /** The passing evaluation that backed a protected move. */
  evaluationId: string | null;
  movedBy: Actor;
  movedAt: string;
}
