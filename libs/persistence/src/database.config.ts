import { z } from 'zod';
import { ConfigError, envInt, envUrl, parseConfig } from '@llmops/config';

/** Where a service keeps its metadata: PostgreSQL in distributed mode, embedded PGlite in standalone mode. */
export const databaseConfigSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('postgres'),
    url: z.url(),
    poolSize: z.number().int().min(1).max(100).default(10),
  }),
  z.object({
    driver: z.literal('pglite'),
    /** Directory of the embedded database; `memory://` keeps it in memory (tests). */
    dataDir: z.string().min(1),
  }),
]);

export type DatabaseConfig = z.infer<typeof databaseConfigSchema>;

const databaseEnvSchema = z.object({
  PGLITE_DIR: z.string().min(1).optional(),
  DATABASE_URL: envUrl(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: envInt(1, 100).default(10),
});

/**
 * Builds the database config from env: `DATABASE_URL` (+ `DATABASE_POOL_SIZE`) for PostgreSQL, or
 * `PGLITE_DIR` for the embedded database. Setting both is a mistake, not a silent choice.
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  const parsed = parseConfig(databaseEnvSchema, env);
  if (parsed.PGLITE_DIR && parsed.DATABASE_URL) {
    throw new ConfigError([
      { variable: 'PGLITE_DIR', message: 'set either PGLITE_DIR or DATABASE_URL, not both' },
    ]);
  }
  if (parsed.PGLITE_DIR) return { driver: 'pglite', dataDir: parsed.PGLITE_DIR };
  if (!parsed.DATABASE_URL) {
    throw new ConfigError([
      { variable: 'DATABASE_URL', message: 'Required (or PGLITE_DIR for the embedded database)' },
    ]);
  }
  return { driver: 'postgres', url: parsed.DATABASE_URL, poolSize: parsed.DATABASE_POOL_SIZE };
}
