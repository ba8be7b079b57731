import { createPublicKey } from 'node:crypto';
import { ConfigError, type Env } from '@llmops/config';
import { z } from 'zod';
import { apiKeyListSchema, type ApiKeyEntry } from './api-keys/api-key-entry.schema';

/** Injection token of the parsed {@link AuthConfig}. */
export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

/** How callers are authenticated. Build it with {@link parseAuthConfig}; services never read env themselves. */
export interface AuthConfig {
  /** OIDC JWKS endpoint (`AUTH_JWKS_URL`); mutually exclusive with `jwtPublicKey`. */
  jwksUrl?: string;
  /** Static SPKI PEM public key (`AUTH_JWT_PUBLIC_KEY`); the key type decides the accepted algorithms. */
  jwtPublicKey?: string;
  /** Required `iss` (`AUTH_JWT_ISSUER`); not checked when absent. */
  jwtIssuer?: string;
  /** Accepted `aud` values (`AUTH_JWT_AUDIENCE`, comma-separated); not checked when absent or empty. */
  jwtAudience?: string[];
  /** Claim holding the roles, dotted path allowed (`AUTH_ROLES_CLAIM`, default `roles`). */
  rolesClaim: string;
  /** Keys from `AUTH_API_KEYS` (hashes only). */
  apiKeys: ApiKeyEntry[];
  /** JSON file with more keys (`AUTH_API_KEYS_FILE`); re-read whenever it changes. */
  apiKeysFile?: string;
}

/** Env values often carry PEM newlines as literal `\n`. */
function normalizePem(value: string): string {
  return value.replace(/\\n/g, '\n').trim();
}

function isPublicKeyPem(value: string): boolean {
  try {
    return createPublicKey(value).type === 'public';
  } catch {
    return false;
  }
}

function parseJson(value: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not valid JSON (${(error as Error).message})` });
    return z.NEVER;
  }
}

const unsetIfEmpty = (value: unknown): unknown => (value === '' ? undefined : value);
const optionalString = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

export const authEnvSchema = z
  .object({
    AUTH_JWKS_URL: optionalString(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
    AUTH_JWT_PUBLIC_KEY: optionalString(
      z
        .string()
        .transform(normalizePem)
        .refine(isPublicKeyPem, 'must be a PEM-encoded public key (-----BEGIN PUBLIC KEY-----)'),
    ),
    AUTH_JWT_ISSUER: optionalString(z.string().trim().min(1)),
    AUTH_JWT_AUDIENCE: optionalString(
      z.string().transform((value) =>
        value
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0),
      ),
    ),
    AUTH_ROLES_CLAIM: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a claim name or a dotted path such as realm_access.roles')
        .default('roles'),
    ),
    AUTH_API_KEYS: optionalString(z.string().transform(parseJson).pipe(apiKeyListSchema)),
    AUTH_API_KEYS_FILE: optionalString(z.string().trim().min(1)),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_JWKS_URL !== undefined && env.AUTH_JWT_PUBLIC_KEY !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_PUBLIC_KEY'],
        message: 'set either AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY, not both',
      });
    }
    const sources = [env.AUTH_JWKS_URL, env.AUTH_JWT_PUBLIC_KEY, env.AUTH_API_KEYS, env.AUTH_API_KEYS_FILE];
    if (sources.every((source) => source === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message:
          'no credential source: set AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY (JWTs), or AUTH_API_KEYS / AUTH_API_KEYS_FILE (API keys)',
      });
    }
  });

/** `AUTH_API_KEYS[0].hash` for a problem inside a JSON variable. */
function variableOf(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * Reads the auth env vars once at boot.
 * @throws ConfigError (from `@llmops/config`) listing every bad variable at once.
 */
export function parseAuthConfig(env: Env = process.env): AuthConfig {
  // Not `parseConfig`: cross-variable problems would be reported as a bare "Required" there.
  const result = authEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: variableOf(issue.path), message: issue.message })),
    );
  }
  const vars = result.data;
  return {
    ...(vars.AUTH_JWKS_URL !== undefined && { jwksUrl: vars.AUTH_JWKS_URL }),
    ...(vars.AUTH_JWT_PUBLIC_KEY !== undefined && { jwtPublicKey: vars.AUTH_JWT_PUBLIC_KEY }),
    ...(vars.AUTH_JWT_ISSUER !== undefined && { jwtIssuer: vars.AUTH_JWT_ISSUER }),
    ...(vars.AUTH_JWT_AUDIENCE !== undefined && { jwtAudience: vars.AUTH_JWT_AUDIENCE }),
    rolesClaim: vars.AUTH_ROLES_CLAIM,
    apiKeys: vars.AUTH_API_KEYS ?? [],
    ...(vars.AUTH_API_KEYS_FILE !== undefined && { apiKeysFile: vars.AUTH_API_KEYS_FILE }),
  };
}
