import { z } from 'zod';
import { SecretRefSchema } from './secret-ref';

/** Streams the rows of one read-only query. */
export const PostgresSourceConfigSchema = z
  .strictObject({
    connectionString: z
      .union([
        z
          .string()
          .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
          .describe(
            'postgres:// URL. It is stored with the source; prefer a secret reference when it has a password.',
          ),
        SecretRefSchema,
      ])
      .describe(
        'Database to read: a postgres:// URL, or { "env": "LLMOPS_SECRET_..." } naming a variable holding one.',
      ),
    query: z
      .string()
      .min(1)
      .max(100_000)
      .describe(
        'One SELECT or WITH ... SELECT statement. It runs in a READ ONLY transaction, so it cannot write even ' +
          'through functions; use a role with read access only to what should be exported.',
      ),
    batchSize: z
      .number()
      .int()
      .min(1)
      .max(100_000)
      .default(1000)
      .describe('Rows fetched per round trip from the server-side cursor; bounds memory. Default 1000.'),
    statementTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(86_400_000)
      .default(3_600_000)
      .describe(
        'Server-side statement_timeout for the query. The cursor keeps the statement open while rows stream, so this bounds the whole read. Default 1 hour.',
      ),
    connectTimeoutMs: z
      .number()
      .int()
      .min(100)
      .max(300_000)
      .default(10_000)
      .describe('Longest wait to connect. Default 10 s.'),
  })
  .describe('Streams the rows of one read-only query.');

export type PostgresSourceConfig = z.output<typeof PostgresSourceConfigSchema>;
