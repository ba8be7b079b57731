import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DatasetVersionCreatedV1Schema } from '@llmops/contracts';

export const CreateDatasetSchema = z.object({
  /** Unique, URL-safe dataset name. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2–63 characters'),
  description: z.string().max(2000).default(''),
});
export class CreateDatasetDto extends createZodDto(CreateDatasetSchema) {}

/**
 * Registers a version that a curation job already wrote to the object store: everything the
 * `dataset-version-created` event announces except what the platform assigns (ids, number, time).
 */
export const RegisterDatasetVersionSchema = DatasetVersionCreatedV1Schema.omit({
  datasetId: true,
  datasetName: true,
  versionId: true,
  version: true,
  createdAt: true,
});
export class RegisterDatasetVersionDto extends createZodDto(RegisterDatasetVersionSchema) {}
export type RegisterDatasetVersion = z.output<typeof RegisterDatasetVersionSchema>;

export interface DatasetView {
  id: string;
  name: string;
  description: string;
  latestVersion: number;
  createdAt: string;
}
