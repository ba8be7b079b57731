import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { UuidSchema } from '../../common/identifiers';

/** Why a run was started. */
export const RunTriggerSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** Started by a person or API key through the API. */
      kind: z.literal('manual').describe('Started by a person or API key through the API.'),
      /** Who started it. */
      actor: ActorSchema,
    }),
    z.object({
      /** Started by a training plan (a dataset version matched its selector, or its schedule fired). */
      kind: z
        .literal('plan')
        .describe(
          'Started by a training plan (a dataset version matched its selector, or its schedule fired).',
        ),
      /** The training plan. */
      planId: UuidSchema.describe('The training plan.'),
      /** Id of the event that fired the plan, or null for a scheduled start. */
      causationEventId: UuidSchema.nullable().describe(
        'Id of the event that fired the plan, or null for a scheduled start.',
      ),
    }),
    z.object({
      /** Started by a hyperparameter sweep. */
      kind: z.literal('sweep').describe('Started by a hyperparameter sweep.'),
      /** The sweep. */
      sweepId: UuidSchema.describe('The sweep.'),
      /** Index of this trial within the sweep, from 0. */
      trial: z.number().int().nonnegative().describe('Index of this trial within the sweep, from 0.'),
    }),
  ])
  .describe('Why the run was started.');
