import { z } from 'zod';
import {
  DatasetSplitRefSchema,
  DatasetSplitSchema,
  JsonValueSchema,
  SlugSchema,
  UuidSchema,
} from '@llmops/contracts';

/**
 * A dataset entry that follows the data: `{ "datasetName": "support-chats", "version": "latest" }` is
 * replaced, when the plan fires, by the version that fired it or else the newest version the caller knows
 * (see `buildRunSpecFromPlan`). `split` defaults to `train`.
 */
export const LatestDatasetRefSchema = z
  .strictObject({
    datasetId: UuidSchema.optional().describe('The dataset, by id.'),
    datasetName: SlugSchema.optional().describe('The dataset, by name.'),
    version: z.literal('latest').describe('Use the newest version when the plan fires.'),
    split: DatasetSplitSchema.default('train'),
  })
  .refine((ref) => ref.datasetId !== undefined || ref.datasetName !== undefined, {
    path: ['datasetName'],
    error: 'give datasetName or datasetId (or both)',
  })
  .describe('A dataset whose newest version is used when the plan fires.');
export type LatestDatasetRef = z.output<typeof LatestDatasetRefSchema>;

/** A template dataset: pinned to one version (kept as is) or following the newest version. */
export const TemplateDatasetSchema = z.union([DatasetSplitRefSchema, LatestDatasetRefSchema], {
  error:
    'expected { datasetId, versionId, version, split } or { datasetName | datasetId, version: "latest", split? }',
});
export type TemplateDataset = z.output<typeof TemplateDatasetSchema>;

/**
 * A training plan's run-spec template: the body of the run it starts, as free JSON, whose `datasets` may
 * follow the newest data. Every other key is passed to the run untouched.
 */
export const RunSpecTemplateSchema = z
  .object({
    datasets: z
      .array(TemplateDatasetSchema)
      .default([])
      .describe('Datasets of the run; empty: the dataset version that fires the plan, train split.'),
  })
  .catchall(JsonValueSchema)
  .describe("A training plan's run-spec template.");
export type RunSpecTemplate = z.output<typeof RunSpecTemplateSchema>;

/** The template's `latest` entries: the datasets whose newest version the caller may look up. */
export function latestDatasetRefs(template: RunSpecTemplate): LatestDatasetRef[] {
  return template.datasets.filter((entry): entry is LatestDatasetRef => entry.version === 'latest');
}
