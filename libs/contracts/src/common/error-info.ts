import { z } from 'zod';

/** Why something failed, in a form that crosses process boundaries (codes, not exception classes). */
export const ErrorInfoSchema = z
  .object({
    /** Stable, documented error code in SCREAMING_SNAKE_CASE, e.g. `INGESTION_GZIP_BOMB`. */
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]*$/, 'expected SCREAMING_SNAKE_CASE')
      .describe('Stable error code in SCREAMING_SNAKE_CASE, e.g. INGESTION_GZIP_BOMB.'),
    /** Human-readable explanation; never contains secrets or personal data. */
    message: z
      .string()
      .min(1)
      .describe('Human-readable explanation; never contains secrets or personal data.'),
    /** Whether trying the same thing again may succeed (transient cause). */
    retryable: z.boolean().describe('Whether trying the same thing again may succeed (transient cause).'),
  })
  .describe('Why something failed.');

/** Why something failed. */
export type ErrorInfo = z.output<typeof ErrorInfoSchema>;
