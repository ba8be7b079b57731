import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  BaseModelRefSchema,
  DatasetSplitRefSchema,
  JsonObjectSchema,
  MetricsSchema,
  ModelArtifactSchema,
  ModelFormatSchema,
  ModelStageSchema,
  S3UriSchema,
  Sha256HexSchema,
  TrainingMethodSchema,
  UuidSchema,
} from '@llmops/contracts';

/**
 * One file of a manually registered version: an object already in the platform's store, named by its
 * `s3://` URI or its key (e.g. one uploaded through `POST .../uploads`). The registry checks the declared
 * sha256 (and size, when given) against the store before registering anything.
 */
export const ManualArtifactSchema = z
  .object({
    uri: S3UriSchema.optional(),
    key: z.string().min(1).max(1024).optional(),
    sha256: Sha256HexSchema,
    size: z.number().int().nonnegative().optional(),
    role: ModelArtifactSchema.shape.role,
  })
  .refine((a) => (a.uri === undefined) !== (a.key === undefined), 'give exactly one of uri or key');
export type ManualArtifact = z.output<typeof ManualArtifactSchema>;

export const RegisterModelVersionSchema = z.object({
  format: ModelFormatSchema,
  artifacts: z
    .array(ManualArtifactSchema)
    .min(1)
    .max(100)
    .refine(
      (list) => list.some((a) => a.role === 'model' || a.role === 'adapter'),
      'at least one artifact must have role model or adapter',
    ),
  baseModel: BaseModelRefSchema.nullable().default(null),
  method: TrainingMethodSchema.nullable().default(null),
  hyperparameters: JsonObjectSchema.default({}),
  metrics: MetricsSchema.default({}),
  tags: z.record(z.string().min(1).max(128), z.string().max(1024)).default({}),
  description: z.string().max(4000).default(''),
  lineage: z
    .object({
      datasets: z.array(DatasetSplitRefSchema).max(100).default([]),
      runId: UuidSchema.nullable().default(null),
    })
    .default({ datasets: [], runId: null }),
});
export class RegisterModelVersionDto extends createZodDto(RegisterModelVersionSchema) {}
export type RegisterModelVersion = z.output<typeof RegisterModelVersionSchema>;

export const CreateUploadSchema = z.object({
  /** File name inside the upload folder, e.g. `model.safetensors`. */
  filename: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, dot, dash and underscore'),
  /** How long the upload URL stays valid. */
  expiresInSeconds: z.number().int().min(60).max(86_400).default(3600),
});
export class CreateUploadDto extends createZodDto(CreateUploadSchema) {}

/** Where to PUT the bytes, and the key to register them under afterwards. */
export interface UploadTicket {
  /** Register the uploaded file with `{ "key": ... }` once the PUT succeeded. */
  key: string;
  uploadUrl: string;
  expiresAt: string;
}

export const ListVersionsQuerySchema = z.object({
  stage: ModelStageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export class ListVersionsQueryDto extends createZodDto(ListVersionsQuerySchema) {}
