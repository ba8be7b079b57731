import { z } from 'zod';
import { ConnectorError } from './connector.error';

/**
 * Secrets in source configs are references, never values: configs are stored and shown back by the
 * API. Only variables with this prefix can be referenced, so a source cannot send the platform's own
 * credentials (DATABASE_URL, S3 keys) to a server of its choosing.
 */
export const SECRET_ENV_PREFIX = 'LLMOPS_SECRET_';

export const SecretRefSchema = z
  .strictObject({
    env: z
      .string()
      .regex(/^LLMOPS_SECRET_[A-Z0-9_]+$/, `must name a variable starting with ${SECRET_ENV_PREFIX}`)
      .describe(
        `Environment variable of the ingestion worker holding the secret (prefix ${SECRET_ENV_PREFIX}).`,
      ),
  })

  .describe(
    'Reference to a secret held by the ingestion worker, so the value is never stored with the source.',
  );

export type SecretRef = z.output<typeof SecretRefSchema>;

/** The secret's value, or a `secret-not-set` error naming the variable and the config field. */
export function resolveSecret(
  ref: SecretRef,
  field: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const value = env[ref.env];
  if (value === undefined || value === '') {
    throw new ConnectorError('secret-not-set', `${field} refers to ${ref.env}, which is not set`, { field });
  }
  return value;
}

/** A plain value passes through; a reference resolves. */
export function valueOrSecret(
  value: string | SecretRef,
  field: string,
  env?: Readonly<Record<string, string | undefined>>,
): string {
  return typeof value === 'string' ? value : resolveSecret(value, field, env);
}
