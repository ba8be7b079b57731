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
import { urlRefusal } from '../domain/artifact-url';
import {
  DEFAULT_DOWNLOAD_LIMITS,
  MAX_DOWNLOAD_BYTES,
  MAX_TOTAL_TIMEOUT_MS,
  MAX_WAIT_MS,
} from '../domain/download-limits';

/** A file name inside a version's or an upload's folder, e.g. `model.safetensors`. */
const FileNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, dot, dash and underscore');

/** Per-request download limits: may tighten the defaults, never loosen past the caps. */
const DownloadLimitsSchema = z.object({
  maxBytes: z.number().int().min(1).max(MAX_DOWNLOAD_BYTES).default(DEFAULT_DOWNLOAD_LIMITS.maxBytes),
  headersTimeoutMs: z
    .number()
    .int()
    .min(100)
    .max(MAX_WAIT_MS)
    .default(DEFAULT_DOWNLOAD_LIMITS.headersTimeoutMs),
  idleTimeoutMs: z.number().int().min(100).max(MAX_WAIT_MS).default(DEFAULT_DOWNLOAD_LIMITS.idleTimeoutMs),
  totalTimeoutMs: z
    .number()
    .int()
    .min(100)
    .max(MAX_TOTAL_TIMEOUT_MS)
    .default(DEFAULT_DOWNLOAD_LIMITS.totalTimeoutMs),
});

/**
 * One file of a manually registered version, given one of three ways:
 * - `uri` / `key`: an object already in the platform's store (e.g. one uploaded through
 *   `POST .../uploads`); the registry checks the declared sha256 (and size) against the store;
 * - `url`: an external http(s) URL the registry downloads into the store (optional `filename` names the
 *   object) and verifies against the declared sha256 (and size) before registering anything.
 */
export const ManualArtifactSchema = z
  .object({
    uri: S3UriSchema.optional(),
    key: z.string().min(1).max(1024).optional(),
    url: z
      .string()
      .max(2048)
      .superRefine((url, ctx) => {
        const refusal = urlRefusal(url);
        if (refusal !== null) ctx.addIssue({ code: 'custom', message: refusal });
      })
      .optional(),
    filename: FileNameSchema.optional(),
    sha256: Sha256HexSchema,
    size: z.number().int().nonnegative().optional(),
    role: ModelArtifactSchema.shape.role,
  })
  .refine(
    (a) => [a.uri, a.key, a.url].filter((v) => v !== undefined).length === 1,
    'give exactly one of uri, key or url',
  )
  .refine((a) => a.filename === undefined || a.url !== undefined, 'filename goes with url only');
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
  /** Limits for artifacts given by `url`, per download; the defaults suit real weights. */
  download: DownloadLimitsSchema.default({ ...DEFAULT_DOWNLOAD_LIMITS }),
});
export class RegisterModelVersionDto extends createZodDto(RegisterModelVersionSchema) {}
export type RegisterModelVersion = z.output<typeof RegisterModelVersionSchema>;

export const CreateUploadSchema = z.object({
  /** File name inside the upload folder, e.g. `model.safetensors`. */
  filename: FileNameSchema,
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
