import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PlanCooldownSecondsSchema, PlanTriggerSchema } from './domain/plan-trigger';
import { RunSpecTemplateSchema } from './domain/run-spec-template';

/** `POST /v1/training/plans`: when to train (trigger), what (run template), and how often at most (cooldown). */
export const CreatePlanSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  trigger: PlanTriggerSchema,
  runTemplate: RunSpecTemplateSchema,
  cooldownSeconds: PlanCooldownSecondsSchema,
});
export class CreatePlanDto extends createZodDto(CreatePlanSchema) {}

export interface PlanView {
  id: string;
  name: string;
  trigger: unknown;
  runTemplate: unknown;
  cooldownSeconds: number;
  enabled: boolean;
  lastFiredAt: string | null;
  createdAt: string;
}
