import { createHash, randomBytes } from 'node:crypto';

/** Every platform API key starts with this, so a bearer value can be told apart from a JWT. */
export const API_KEY_PREFIX = 'llmops_';

/** Shortest random part accepted for a preset key (`LLMOPS_ADMIN_API_KEY`). */
export const MIN_API_KEY_SECRET_LENGTH = 16;

export interface GeneratedApiKey {
  /** The plaintext key; show it once, never store it. */
  key: string;
  /** What goes into `AUTH_API_KEYS` / the keys file: `sha256:<hex>`. */
  hash: string;
}

export function isApiKeyFormat(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && value.length > API_KEY_PREFIX.length;
}

/** `sha256:<hex>` of the key. Keys carry 256 bits of entropy, so a plain (unsalted) digest is enough. */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** A new `llmops_<43 base64url chars>` key (256 random bits) and its hash. */
export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key) };
}
