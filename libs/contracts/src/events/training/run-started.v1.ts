import { z } from 'zod';

import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { defineEvent } from '../../event-definition';
import { RunLineageSchema } from './run-lineage';
import { RunTriggerSchema } from './run-trigger';

/** A training run left the queue and its executor started it. */
export const RunStartedV1Schema = z
  .object({
    /** The run. */
    runId: UuidSchema.describe('The run.'),
    /** Attempt number, 1 for the first try and +1 per retry. */
    attempt: z.number().int().min(1).describe('Attempt number, 1 for the first try and +1 per retry.'),
    /** Why the run was started. */
    trigger: RunTriggerSchema,
    /** What the run trains on and with. */
    lineage: RunLineageSchema,
    /** When the executor started the run. */
    startedAt: IsoTimestampSchema.describe('When the executor started the run.'),
  })
  .describe('A training run started.');

/** A training run started. */
export type RunStartedV1 = z.output<typeof RunStartedV1Schema>;

export const runStartedV1 = defineEvent({
  service: 'training',
  event: 'run-started',
  version: 1,
  schema: RunStartedV1Schema,
  description: 'A training run left the queue and its executor started it (once per attempt).',
  aggregate: 'the training run',
  keyOf: (data) => data.runId,
});
