import { z } from 'zod';

import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { MetricsSchema } from '../../common/metrics';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';

/** Throttled progress of a running training run. */
export const RunProgressedV1Schema = z
  .object({
    /** The run. */
    runId: UuidSchema.describe('The run.'),
    /** Attempt number the progress belongs to. */
    attempt: z.number().int().min(1).describe('Attempt number the progress belongs to.'),
    /** Optimizer steps done. */
    step: z.number().int().nonnegative().describe('Optimizer steps done.'),
    /** Steps planned in total, or null when unknown. */
    totalSteps: z
      .number()
      .int()
      .positive()
      .nullable()
      .describe('Steps planned in total, or null when unknown.'),
    /** Fractional epoch reached, or null when the method has no epochs. */
    epoch: z
      .number()
      .nonnegative()
      .nullable()
      .describe('Fractional epoch reached, or null when the method has no epochs.'),
    /** Latest values, e.g. `loss`, `learning_rate`, `eval_loss`, `tokens_per_second`. */
    metrics: MetricsSchema.describe('Latest values, e.g. loss, learning_rate, eval_loss, tokens_per_second.'),
    /** The newest checkpoint written since the last progress event, or null. */
    checkpoint: S3ObjectRefSchema.nullable().describe(
      'The newest checkpoint written since the last progress event, or null.',
    ),
    /** When the values were measured. */
    measuredAt: IsoTimestampSchema.describe('When the values were measured.'),
  })
  .describe('Progress of a running training run.');

/** Progress of a running training run. */
export type RunProgressedV1 = z.output<typeof RunProgressedV1Schema>;

export const runProgressedV1 = defineEvent({
  service: 'training',
  event: 'run-progressed',
  version: 1,
  schema: RunProgressedV1Schema,
  description:
    'Progress of a running training run (step, metrics, newest checkpoint), throttled by the training service.',
  aggregate: 'the training run',
  keyOf: (data) => data.runId,
});
