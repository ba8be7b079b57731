import { z } from 'zod';

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

/** Builds the database config from env: `DATABASE_URL` (+ `DATABASE_POOL_SIZE`) or `PGLITE_DIR`. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv): DatabaseConfig {
  if (env['PGLITE_DIR']) return databaseConfigSchema.parse({ driver: 'pglite', dataDir: env['PGLITE_DIR'] });
  return databaseConfigSchema.parse({
    driver: 'postgres',
    url: env['DATABASE_URL'],
    poolSize: env['DATABASE_POOL_SIZE'] ? Number(env['DATABASE_POOL_SIZE']) : undefined,
  });
}
