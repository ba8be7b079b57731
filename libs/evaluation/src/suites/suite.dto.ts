import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { EvaluationPlanSchema } from '@llmops/eval-suite';
import type { NamedVersion } from '../versioning/named-version.repository';
import { PolicyNameSchema } from '../gates/gate-policy.dto';

/** A dataset split a suite evaluates on: by dataset id or name, a version number or the newest. */
export const SuiteDatasetSchema = z.strictObject({
  dataset: z.string().min(1).max(200),
  version: z.union([z.int().min(1), z.literal('latest')]).default('latest'),
  /** The held-out test split by default. */
  split: z.enum(['test', 'validation', 'train', 'all']).default('test'),
});

/** What a suite is: the evaluation plan, its data, the models it is bound to and its gate. */
export const SuiteSpecSchema = EvaluationPlanSchema.extend({
  datasets: z.array(SuiteDatasetSchema).min(1).max(20),
  /** Registry model names this suite evaluates automatically on `model-version-registered`. */
  models: z.array(PolicyNameSchema).max(100).default([]),
  /** The gate applied to the results; without one the evaluation carries no verdict. */
  gatePolicy: z
    .strictObject({
      name: PolicyNameSchema,
      version: z.union([z.int().min(1), z.literal('latest')]).default('latest'),
    })
    .optional(),
});

export type SuiteSpec = z.output<typeof SuiteSpecSchema>;

/** `POST /v1/evaluations/suites`: a new version of the named suite (versions are immutable). */
export const CreateSuiteSchema = SuiteSpecSchema.extend({ name: PolicyNameSchema });
export class CreateSuiteDto extends createZodDto(CreateSuiteSchema) {}

export interface SuiteView {
  id: string;
  name: string;
  version: number;
  spec: SuiteSpec;
  createdAt: string;
}

export const toSuiteView = ({ body, ...version }: NamedVersion<SuiteSpec>): SuiteView => ({
  ...version,
  spec: body,
});
