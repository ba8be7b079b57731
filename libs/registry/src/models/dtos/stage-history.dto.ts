import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { IsoTimestampSchema, type Actor, type ModelStage } from '@llmops/contracts';

/** One recorded stage change of a model version. */
export interface StageHistoryEntry {
  id: number;
  version: number;
  /** Null for the registration itself. */
  fromStage: ModelStage | null;
  toStage: ModelStage;
  reason: string;
  actor: Actor;
  evidence: Record<string, unknown> | null;
  changedAt: string;
}

/** One version's stage at a point in time. */
export interface StageAtTime {
  version: number;
  stage: ModelStage;
  /** When it entered that stage. */
  since: string;
}

export const StagesAtQuerySchema = z.object({
  /** The instant to look at (RFC 3339); now when omitted. */
  at: IsoTimestampSchema.optional(),
});
export class StagesAtQueryDto extends createZodDto(StagesAtQuerySchema) {}
