import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ModelStageSchema } from '@llmops/contracts';

export const TransitionSchema = z.object({
  toStage: ModelStageSchema,
  /** Why; required when archiving (the retirement reason). */
  reason: z.string().trim().min(1).max(2000).optional(),
  /** The version's `rowVersion` as last read; `If-Match` works too. Omitted: the current one. */
  expectedVersion: z.number().int().min(1).optional(),
  /** What justifies the move (evaluation id, approval request id, links); handed to the promotion gate. */
  evidence: z.record(z.string(), z.unknown()).optional(),
});
export class TransitionDto extends createZodDto(TransitionSchema) {}
export type Transition = z.output<typeof TransitionSchema>;

/** `PATCH .../versions/{v}`: the same move, with the target named `stage`. */
export const PatchVersionSchema = TransitionSchema.omit({ toStage: true }).extend({
  stage: ModelStageSchema,
});
export class PatchVersionDto extends createZodDto(PatchVersionSchema) {}
