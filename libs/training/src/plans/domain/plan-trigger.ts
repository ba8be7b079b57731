import { z } from 'zod';
import { CountSchema, SlugSchema, UuidSchema } from '@llmops/contracts';

/** Schedules fire at most once a minute. */
export const MIN_SCHEDULE_SECONDS = 60;

/** What makes a training plan start a run. */
export const PlanTriggerSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('dataset-version').describe('A new version of a dataset was created.'),
        datasetName: SlugSchema.optional().describe('The dataset, by name.'),
        datasetId: UuidSchema.optional().describe('The dataset, by id.'),
        minTrainRecords: CountSchema.optional().describe(
          'Ignore versions with fewer train records than this.',
        ),
      })
      .refine((trigger) => trigger.datasetName !== undefined || trigger.datasetId !== undefined, {
        path: ['datasetName'],
        error: 'give datasetName or datasetId (or both)',
      }),
    z.strictObject({
      kind: z
        .literal('retraining-requested')
        .describe("Monitoring's retraining policy asked for a new version of a model."),
      modelName: SlugSchema.describe('The model, by name.'),
    }),
    z.strictObject({
      kind: z.literal('schedule').describe('A fixed period elapsed since the plan last fired.'),
      everySeconds: z
        .number()
        .int()
        .min(MIN_SCHEDULE_SECONDS)
        .describe(`Period in seconds, at least ${MIN_SCHEDULE_SECONDS}.`),
    }),
  ])
  .describe('What makes a training plan start a run.');
export type PlanTrigger = z.output<typeof PlanTriggerSchema>;

/** One hour: a plan fires at most once an hour unless it says otherwise. */
export const DEFAULT_PLAN_COOLDOWN_SECONDS = 3600;

/** The plan's `cooldownSeconds`; see `cooldownBlocks`. */
export const PlanCooldownSecondsSchema = z
  .number()
  .int()
  .min(0)
  .default(DEFAULT_PLAN_COOLDOWN_SECONDS)
  .describe(
    'Minimum seconds between two firings of the plan, whatever triggers it (default 3600; 0 turns the guard off).',
  );
