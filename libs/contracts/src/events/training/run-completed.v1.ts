import { z } from 'zod';

import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { MetricsSchema } from '../../common/metrics';
import { ModelArtifactSchema } from '../../common/model-artifact';
import { ModelFormatSchema } from '../../common/model-lifecycle';
import { defineEvent } from '../../event-definition';
import { RunLineageSchema } from './run-lineage';
import { RunTriggerSchema } from './run-trigger';

/** A training run succeeded; its artifacts are stored and verified. */
export const RunCompletedV1Schema = z
  .object({
    /** The run. */
    runId: UuidSchema.describe('The run.'),
    /** The attempt that succeeded. */
    attempt: z.number().int().min(1).describe('The attempt that succeeded.'),
    /** Why the run was started. */
    trigger: RunTriggerSchema,
    /** What the run trained on and with. */
    lineage: RunLineageSchema,
    /** Format of the produced weights. */
    modelFormat: ModelFormatSchema,
    /** Stored outputs; exactly one has role `model` or `adapter`. */
    artifacts: z
      .array(ModelArtifactSchema)
      .min(1)
      .describe('Stored outputs; exactly one has role model or adapter.'),
    /** Final metrics, e.g. `train_loss`, `eval_loss`, `eval_perplexity`, `tokens_per_second`. */
    metrics: MetricsSchema.describe(
      'Final metrics, e.g. train_loss, eval_loss, eval_perplexity, tokens_per_second.',
    ),
    /** When the run started. */
    /** Registry model to register the result under, when the run spec named one (optional: added compatibly). */
    modelName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .optional()
      .describe('Registry model to register the result under, when the run spec named one.'),
    startedAt: IsoTimestampSchema.describe('When the run started.'),
    /** When the run finished. */
    completedAt: IsoTimestampSchema.describe('When the run finished.'),
  })
  .describe('A training run succeeded.');

/** A training run succeeded. */
export type RunCompletedV1 = z.output<typeof RunCompletedV1Schema>;

export const runCompletedV1 = defineEvent({
  service: 'training',
  event: 'run-completed',
  version: 1,
  schema: RunCompletedV1Schema,
  description:
    'A training run succeeded: artifacts (sha256, size) are stored, with final metrics and full lineage; registry registers a model version from it.',
  aggregate: 'the training run',
  keyOf: (data) => data.runId,
});
