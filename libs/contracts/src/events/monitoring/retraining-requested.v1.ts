import { z } from 'zod';

import { DatasetSplitRefSchema } from '../../common/dataset-version-ref';
import { SlugSchema, UuidSchema, VersionNumberSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { defineEvent } from '../../event-definition';

/** A retraining policy asks training to train a new version of a model. */
export const RetrainingRequestedV1Schema = z
  .object({
    /** The retraining request. */
    retrainingRequestId: UuidSchema.describe('The retraining request.'),
    /** The model to retrain. */
    modelId: UuidSchema.describe('The model to retrain.'),
    /** The model's unique name. */
    modelName: SlugSchema.describe("The model's unique name."),
    /** The version in production when the request was made, or null. */
    currentVersion: ModelVersionRefSchema.nullable().describe(
      'The version in production when the request was made, or null.',
    ),
    /** The retraining policy that decided. */
    policyId: UuidSchema.describe('The retraining policy that decided.'),
    /** The policy's version. */
    policyVersion: VersionNumberSchema.describe("The policy's version."),
    /** The findings behind the request. */
    reasons: z
      .array(
        z.object({
          /** Kind of finding. */
          kind: z.enum(['drift', 'alert', 'feedback', 'schedule']).describe('Kind of finding.'),
          /** Id of the drift report or alert, or null for feedback volume and schedules. */
          findingId: UuidSchema.nullable().describe(
            'Id of the drift report or alert, or null for feedback volume and schedules.',
          ),
          /** Human-readable explanation. */
          message: z.string().min(1).describe('Human-readable explanation.'),
        }),
      )
      .min(1)
      .describe('The findings behind the request.'),
    /** Extra data the policy suggests training on (e.g. feedback turned into a dataset version). */
    suggestedDatasets: z
      .array(DatasetSplitRefSchema)
      .describe('Extra data the policy suggests training on (e.g. feedback turned into a dataset version).'),
    /** When it was requested. */
    requestedAt: IsoTimestampSchema.describe('When it was requested.'),
  })
  .describe('A retraining policy asks training to train a new version of a model.');

/** A retraining policy asks training to train a new version of a model. */
export type RetrainingRequestedV1 = z.output<typeof RetrainingRequestedV1Schema>;

export const retrainingRequestedV1 = defineEvent({
  service: 'monitoring',
  event: 'retraining-requested',
  version: 1,
  schema: RetrainingRequestedV1Schema,
  description:
    'A retraining policy decided a model needs a new version (drift, alerts, feedback or schedule); training plans start a run, subject to their cooldowns.',
  aggregate: 'the model to retrain',
  keyOf: (data) => data.modelId,
});
