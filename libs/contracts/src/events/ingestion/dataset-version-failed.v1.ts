import { z } from 'zod';

import { ErrorInfoSchema } from '../../common/error-info';
import { CountSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';
import { DatasetOriginSchema, RecipeRefSchema } from './dataset-origin';

/** Building a dataset version failed; nothing of it is visible. */
export const DatasetVersionFailedV1Schema = z
  .object({
    /** The dataset the version was meant for. */
    datasetId: UuidSchema.describe('The dataset the version was meant for.'),
    /** The ingestion job that failed. */
    jobId: UuidSchema.describe('The ingestion job that failed.'),
    /** What the version was being built from. */
    origin: DatasetOriginSchema,
    /** The cleaning recipe version being applied, or null. */
    recipe: RecipeRefSchema.nullable().describe('The cleaning recipe version being applied, or null.'),
    /** Why it failed. */
    error: ErrorInfoSchema,
    /** Records read before the failure. */
    recordsRead: CountSchema.describe('Records read before the failure.'),
    /** A sample of rejected records kept for review (JSONL with line numbers and reasons), or null. */
    rejectSample: S3ObjectRefSchema.nullable().describe(
      'A sample of rejected records kept for review (JSONL with line numbers and reasons), or null.',
    ),
    /** When the job failed. */
    failedAt: IsoTimestampSchema.describe('When the job failed.'),
  })
  .describe('Building a dataset version failed; nothing of it is visible.');

/** Building a dataset version failed. */
export type DatasetVersionFailedV1 = z.output<typeof DatasetVersionFailedV1Schema>;

export const datasetVersionFailedV1 = defineEvent({
  service: 'ingestion',
  event: 'dataset-version-failed',
  version: 1,
  schema: DatasetVersionFailedV1Schema,
  description: 'An ingestion job ended without a dataset version; no partial version is visible.',
  aggregate: 'the dataset',
  keyOf: (data) => data.datasetId,
});
