import os from 'node:os';
import { z } from 'zod';
import { envInt, parseConfig, type Env } from '@llmops/config';

/** Ingestion's own settings, parsed once at boot; every limit has a safe default. */
export const ingestionConfigSchema = z.object({
  /** Jobs (uploads, source runs, batches) one process builds at the same time. */
  INGESTION_WORKER_CONCURRENCY: envInt(1, 16).default(1),
  /** How often an idle worker looks for queued jobs (new jobs also wake it at once in-process). */
  INGESTION_POLL_MS: envInt(50).default(1000),
  /** A running job whose heartbeat is older than this is taken to be lost (its process died). */
  INGESTION_JOB_STALE_MS: envInt(1000).default(60_000),
  /** Attempts before a job whose worker keeps dying is failed. */
  INGESTION_JOB_MAX_ATTEMPTS: envInt(1, 20).default(3),
  /** Largest upload accepted, in bytes (default 4 GiB). */
  INGESTION_MAX_UPLOAD_BYTES: envInt(1).default(4 * 1024 ** 3),
  /** Longest input line; longer lines are rejected with their line number (default 8 MiB). */
  INGESTION_MAX_LINE_BYTES: envInt(1024).default(8 * 1024 ** 2),
  /** Largest decompressed input, in bytes (default 64 GiB). */
  INGESTION_MAX_DECOMPRESSED_BYTES: envInt(1).default(64 * 1024 ** 3),
  /** Highest decompressed/compressed ratio a gzip input may reach before it is treated as a bomb. */
  INGESTION_MAX_GZIP_RATIO: envInt(2).default(200),
  /** Records per output shard. */
  INGESTION_SHARD_RECORDS: envInt(1).default(100_000),
  /** Scratch space for shards before upload. */
  INGESTION_TMP_DIR: z.string().min(1).default(os.tmpdir()),
});

export type IngestionConfig = z.output<typeof ingestionConfigSchema>;

/** Injection token of the parsed config. */
export const INGESTION_CONFIG = Symbol('INGESTION_CONFIG');

export function parseIngestionConfig(env: Env): IngestionConfig {
  return parseConfig(ingestionConfigSchema, env);
}
