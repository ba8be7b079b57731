import { z } from 'zod';
import { BaseModelRefSchema, TrainingExecutorSchema, TrainingMethodSchema } from '@llmops/contracts';

/** One dataset version split to train on; the split defaults to `train`. */
export const RunDatasetSchema = z.object({
  versionId: z.uuid().describe('The dataset version (from ingestion).'),
  split: z.enum(['train', 'validation', 'test', 'all']).default('train'),
});

/** `POST /v1/training/runs`: what to train, from what, how and where. */
export const RunSpecSchema = z.object({
  name: z.string().min(1).max(200).optional().describe('A label for people; not unique.'),
  modelName: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
    .optional()
    .describe(
      'Registry model the result is registered under (default: derived from the dataset and method).',
    ),
  baseModel: BaseModelRefSchema,
  datasets: z.array(RunDatasetSchema).min(1),
  method: TrainingMethodSchema,
  hyperparameters: z.record(z.string(), z.unknown()).default({}),
  executor: z
    .object({
      kind: TrainingExecutorSchema,
      settings: z.record(z.string(), z.unknown()).default({}),
    })
    .default({ kind: 'builtin', settings: {} }),
  /** Higher runs first within an executor's queue. */
  priority: z.number().int().min(-100).max(100).default(0),
});

export type RunSpec = z.output<typeof RunSpecSchema>;
export type RunSpecInput = z.input<typeof RunSpecSchema>;

/**
 * Hyperparameters for external trainers (process, kubernetes), per method: the common knobs typed and
 * bounded, anything else passed through to the trainer untouched.
 */
const common = {
  learningRate: z.number().positive().max(1).optional(),
  epochs: z.number().positive().max(1000).optional(),
  batchSize: z.number().int().min(1).max(65_536).optional(),
  maxSeqLength: z.number().int().min(8).max(1_048_576).optional(),
  warmupRatio: z.number().min(0).max(1).optional(),
  seed: z.number().int().min(0).optional(),
};
export const EXTERNAL_HYPERPARAMETER_SCHEMAS = {
  sft: z.looseObject(common),
  'continued-pretraining': z.looseObject(common),
  lora: z.looseObject({
    ...common,
    loraRank: z.number().int().min(1).max(1024).optional(),
    loraAlpha: z.number().positive().optional(),
    loraDropout: z.number().min(0).max(1).optional(),
  }),
  dpo: z.looseObject({ ...common, beta: z.number().positive().max(10).optional() }),
} as const;
