import { z } from 'zod';
import { envInt } from './env-schemas';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `distributed`: one process per service over Kafka/Postgres/S3; `standalone`: all seven in one process. */
export const LLMOPS_MODES = ['distributed', 'standalone'] as const;
export type LlmopsMode = (typeof LLMOPS_MODES)[number];

/**
 * What every service process reads. Each service extends it with its own variables:
 * `baseServiceConfigSchema(3001).extend({ DATABASE_URL: envUrl(['postgres:']) })`.
 * The default port differs per service so that all of them can run side by side on one machine.
 */
export function baseServiceConfigSchema(defaultPort: number) {
  return z.object({
    PORT: envInt(0, 65535).default(defaultPort),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    LLMOPS_MODE: z.enum(LLMOPS_MODES).default('distributed'),
    /** How long in-flight work may take to finish after SIGTERM before the process exits anyway. */
    SHUTDOWN_GRACE_MS: envInt(0, 10 * 60_000).default(10_000),
  });
}

export type BaseServiceConfig = z.output<ReturnType<typeof baseServiceConfigSchema>>;
