import { z } from 'zod';

import { ActorSchema } from '../../common/actor';
import { BaseModelRefSchema } from '../../common/base-model-ref';
import { DatasetSplitRefSchema } from '../../common/dataset-version-ref';
import { UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { MetricsSchema } from '../../common/metrics';
import { ModelArtifactSchema } from '../../common/model-artifact';
import { ModelFormatSchema, TrainingMethodSchema } from '../../common/model-lifecycle';
import { ModelVersionRefSchema } from '../../common/model-version-ref';
import { defineEvent } from '../../event-definition';

/** How the version entered the registry. */
const RegistrationSourceSchema = z
  .discriminatedUnion('kind', [
    z.object({
      /** Registered automatically from a training run's `run-completed`. */
      kind: z
        .literal('training-run')
        .describe("Registered automatically from a training run's run-completed."),
      /** The run. */
      runId: UuidSchema.describe('The run.'),
    }),
    z.object({
      /** Registered by hand: an upload, or an external URI whose checksum was verified. */
      kind: z
        .literal('manual')
        .describe('Registered by hand: an upload, or an external URI whose checksum was verified.'),
    }),
  ])
  .describe('How the version entered the registry.');

/** A new model version is registered (stage `registered`). */
export const ModelVersionRegisteredV1Schema = ModelVersionRefSchema.extend({
  /** Weights format. */
  format: ModelFormatSchema,
  /** The version's files, checksums verified. */
  artifacts: z.array(ModelArtifactSchema).min(1).describe("The version's files, checksums verified."),
  /** The model this version was fine-tuned from, or null for a base model registered as is. */
  baseModel: BaseModelRefSchema.nullable().describe(
    'The model this version was fine-tuned from, or null for a base model registered as is.',
  ),
  /** Fine-tuning method, or null when unknown or not fine-tuned. */
  method: TrainingMethodSchema.nullable().describe(
    'Fine-tuning method, or null when unknown or not fine-tuned.',
  ),
  /** Dataset splits it was trained on (lineage); empty when unknown. */
  datasets: z
    .array(DatasetSplitRefSchema)
    .describe('Dataset splits it was trained on (lineage); empty when unknown.'),
  /** Metrics known at registration (from training). */
  metrics: MetricsSchema.describe('Metrics known at registration (from training).'),
  /** Free-form tags. */
  tags: z.record(z.string().min(1), z.string()).describe('Free-form tags.'),
  /** How the version entered the registry. */
  source: RegistrationSourceSchema,
  /** Who registered it (the registry service itself for automatic registration). */
  registeredBy: ActorSchema,
  /** When it was registered. */
  registeredAt: IsoTimestampSchema.describe('When it was registered.'),
}).describe('A new model version is registered.');

/** A new model version is registered. */
export type ModelVersionRegisteredV1 = z.output<typeof ModelVersionRegisteredV1Schema>;

export const modelVersionRegisteredV1 = defineEvent({
  service: 'registry',
  event: 'model-version-registered',
  version: 1,
  schema: ModelVersionRegisteredV1Schema,
  description:
    'A new model version is registered (stage registered), from a training run or by hand; evaluation runs the suites bound to the model.',
  aggregate: 'the registered model',
  keyOf: (data) => data.modelId,
});
