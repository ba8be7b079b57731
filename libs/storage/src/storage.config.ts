import { z } from 'zod';
import { parseS3Endpoint } from './drivers/s3-endpoint';
import { StorageConfigError } from './errors/storage-config.error';

export interface S3StorageConfig {
  driver: 's3';
  endpoint: string;
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Multipart part size in bytes. */
  partSize: number;
}

export interface FsStorageConfig {
  driver: 'fs';
  /** Base directory of the objects. */
  dir: string;
  /** Logical bucket of `s3://` URIs (`S3_BUCKET`, default `llmops`). */
  bucket: string;
}

export type StorageConfig = S3StorageConfig | FsStorageConfig;

/** Standalone mode keeps everything under `./.llmops/` (DESIGN §4). */
export const DEFAULT_FS_DIR = '.llmops/objects';

const required = (name: string) => z.string({ error: `${name} is required` }).min(1, `${name} is required`);

const endpoint = (name: string) =>
  required(name).superRefine((value, ctx) => {
    const parsed = parseS3Endpoint(value);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `${name} ${parsed}` });
  });

// S3 bucket naming rules (lower-case DNS label, 3–63 chars); a bad name otherwise fails on first use.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const s3Env = z.object({
  S3_ENDPOINT: endpoint('S3_ENDPOINT'),
  S3_PUBLIC_ENDPOINT: endpoint('S3_PUBLIC_ENDPOINT').optional(),
  S3_ACCESS_KEY: required('S3_ACCESS_KEY'),
  S3_SECRET_KEY: required('S3_SECRET_KEY'),
  S3_BUCKET: required('S3_BUCKET').regex(
    BUCKET_NAME,
    'S3_BUCKET must be a valid bucket name (3-63 of a-z 0-9 . -)',
  ),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_PART_SIZE_MB: z.coerce
    .number({ error: 'S3_PART_SIZE_MB must be a number' })
    .int('S3_PART_SIZE_MB must be a whole number')
    .min(5, 'S3_PART_SIZE_MB must be at least 5 (the S3 minimum part size)')
    .max(5120, 'S3_PART_SIZE_MB must be at most 5120 (the S3 maximum part size)')
    .default(16),
});

const fsEnv = z.object({
  STORAGE_FS_DIR: z.string().min(1).default(DEFAULT_FS_DIR),
  S3_BUCKET: z
    .string()
    .regex(BUCKET_NAME, 'S3_BUCKET must be a valid bucket name (3-63 of a-z 0-9 . -)')
    .default('llmops'),
});

const driverEnv = z.enum(['s3', 'fs'], { error: 'STORAGE_DRIVER must be "s3" or "fs"' });

/**
 * Builds the storage config from environment variables, once, at boot. Throws `StorageConfigError`
 * listing every bad variable. `STORAGE_DRIVER` defaults to `s3` when `S3_ENDPOINT` is set and to `fs`
 * otherwise, so the zero-config standalone start needs no variables at all. Empty values count as unset.
 */
export function parseStorageConfig(env: Readonly<Record<string, string | undefined>>): StorageConfig {
  const vars = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const driver = driverEnv.safeParse(
    vars['STORAGE_DRIVER'] ?? (vars['S3_ENDPOINT'] === undefined ? 'fs' : 's3'),
  );
  if (!driver.success) throw new StorageConfigError(messages(driver.error));

  if (driver.data === 'fs') {
    const parsed = fsEnv.safeParse(vars);
    if (!parsed.success) throw new StorageConfigError(messages(parsed.error));
    return { driver: 'fs', dir: parsed.data.STORAGE_FS_DIR, bucket: parsed.data.S3_BUCKET };
  }

  const parsed = s3Env.safeParse(vars);
  if (!parsed.success) throw new StorageConfigError(messages(parsed.error));
  const s3 = parsed.data;
  return {
    driver: 's3',
    endpoint: s3.S3_ENDPOINT,
    ...(s3.S3_PUBLIC_ENDPOINT === undefined ? {} : { publicEndpoint: s3.S3_PUBLIC_ENDPOINT }),
    accessKey: s3.S3_ACCESS_KEY,
    secretKey: s3.S3_SECRET_KEY,
    bucket: s3.S3_BUCKET,
    region: s3.S3_REGION,
    partSize: s3.S3_PART_SIZE_MB * 1024 * 1024,
  };
}

function messages(error: z.ZodError): string[] {
  // Messages already name their variable; values are never echoed because some are secrets.
  return error.issues.map((issue) => issue.message);
}
