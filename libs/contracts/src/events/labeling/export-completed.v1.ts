import { z } from 'zod';

import { DatasetVersionRefSchema } from '../../common/dataset-version-ref';
import { CountSchema, UuidSchema } from '../../common/identifiers';
import { IsoTimestampSchema } from '../../common/iso-timestamp';
import { S3ObjectRefSchema } from '../../common/s3-object-ref';
import { defineEvent } from '../../event-definition';

/** Inter-annotator agreement of the exported annotations. */
const AgreementSchema = z
  .object({
    /** Agreement statistic. */
    metric: z
      .enum(['krippendorff-alpha', 'cohen-kappa', 'fleiss-kappa', 'percent-agreement'])
      .describe('Agreement statistic.'),
    /** Its value. */
    value: z.number().describe('Its value.'),
  })
  .describe('Inter-annotator agreement of the exported annotations.');

/** A labeling export is written and verified in the object store. */
export const ExportCompletedV1Schema = z
  .object({
    /** The labeling project. */
    projectId: UuidSchema.describe('The labeling project.'),
    /** The export. */
    exportId: UuidSchema.describe('The export.'),
    /** Layout of the exported JSONL: ingestion record shapes (`sft` = prompt-completion/chat, `preference`), or raw annotations. */
    format: z
      .enum(['sft', 'preference', 'classification', 'annotations'])
      .describe(
        'Layout of the exported JSONL: sft (prompt-completion/chat records), preference (prompt/chosen/rejected), classification, or raw annotations.',
      ),
    /** The exported file (gzip JSONL). */
    file: S3ObjectRefSchema.describe('The exported file (gzip JSONL).'),
    /** What was exported. */
    counts: z
      .object({
        /** Records in the file. */
        records: CountSchema.describe('Records in the file.'),
        /** Annotations those records were built from. */
        annotations: CountSchema.describe('Annotations those records were built from.'),
        /** Tasks left out (no consensus, skipped, or not finished). */
        skippedTasks: CountSchema.describe('Tasks left out (no consensus, skipped, or not finished).'),
      })
      .describe('What was exported.'),
    /** Inter-annotator agreement, or null when tasks had a single annotator. */
    agreement: AgreementSchema.nullable().describe(
      'Inter-annotator agreement, or null when tasks had a single annotator.',
    ),
    /** The dataset version the project's tasks came from, or null. */
    sourceDatasetVersion: DatasetVersionRefSchema.nullable().describe(
      "The dataset version the project's tasks came from, or null.",
    ),
    /** When the export was completed. */
    completedAt: IsoTimestampSchema.describe('When the export was completed.'),
  })
  .describe('A labeling export is written and verified in the object store.');

/** A labeling export is complete. */
export type ExportCompletedV1 = z.output<typeof ExportCompletedV1Schema>;

export const exportCompletedV1 = defineEvent({
  service: 'labeling',
  event: 'export-completed',
  version: 1,
  schema: ExportCompletedV1Schema,
  description:
    'A labeling export (annotated records as gzip JSONL) is written and verified; ingestion turns it into a new dataset version.',
  aggregate: 'the labeling project',
  keyOf: (data) => data.projectId,
});
