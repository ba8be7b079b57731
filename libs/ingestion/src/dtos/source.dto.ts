import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { BuildOptionsSchema } from './build-options.dto';

/** `POST /v1/sources`: where data comes from, which dataset it feeds, and how a run builds a version. */
export const CreateSourceSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 characters'),
  kind: z.enum(['s3', 'http', 'git', 'postgres', 'kafka']),
  /** Connector settings; validated per kind (see docs/services/ingestion.md). */
  config: z.record(z.string(), z.unknown()).default({}),
  /** The dataset each run adds a version to. */
  datasetId: z.uuid(),
  build: BuildOptionsSchema.omit({ parents: true }).default({
    recipe: null,
    read: { format: 'auto', textUnit: 'file' },
  }),
  /** Kafka sources only: cut a version at this many records or this age of the oldest one. */
  batchPolicy: z
    .object({
      maxRecords: z.number().int().min(1).max(10_000_000).default(10_000),
      maxWaitSeconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 3600)
        .default(3600),
    })
    .optional(),
});
export class CreateSourceDto extends createZodDto(CreateSourceSchema) {}

export interface SourceView {
  id: string;
  name: string;
  kind: string;
  config: Record<string, unknown>;
  datasetId: string;
  build: unknown;
  batchPolicy: unknown;
  createdAt: string;
}
