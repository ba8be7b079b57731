import { z } from 'zod';

import { ErrorInfoSchema } from '../../common/error-info';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelArtifactSchema } from '../../common/model-artifact';
import { defineEvent } from '../../event-definition';
import { RunLineageSchema } from './run-lineage';
import { RunTriggerSchema } from './run-trigger';

/** A training run attempt failed. */
export const RunFailedV1Schema = z
  .object({
    /** The run. */
    runId: UuidSchema.describe('The run.'),
    /** The attempt that failed. */
    attempt: z.number().int().min(1).describe('The attempt that failed.'),
    /** Why the run was started. */
    trigger: RunTriggerSchema,
    /** What the run was training on and with. */
    lineage: RunLineageSchema,
    /** Why it failed; `retryable` says whether a retry may help. */
    error: ErrorInfoSchema,
    /** Last lines of the executor's log (at most 50), for a first diagnosis. */
    lastLogLines: z
      .array(z.string())
      .max(50)
      .describe("Last lines of the executor's log (at most 50), for a first diagnosis."),
    /** Outputs kept from the failed attempt (logs, checkpoints). */
    artifacts: z
      .array(ModelArtifactSchema)
      .describe('Outputs kept from the failed attempt (logs, checkpoints).'),
    /** When the run failed. */
    failedAt: IsoTimestampSchema.describe('When the run failed.'),
  })
  .describe('A training run attempt failed.');

/** A training run attempt failed. */
export type RunFailedV1 = z.output<typeof RunFailedV1Schema>;

export const runFailedV1 = defineEvent({
  service: 'training',
  event: 'run-failed',
  version: 1,
  schema: RunFailedV1Schema,
  description:
    'A training run attempt failed (executor crash, bad data, lost on restart), with the reason and last log lines.',
  aggregate: 'the training run',
  keyOf: (data) => data.runId,
});
