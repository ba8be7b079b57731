import { readApiKeyFile, writeApiKeyFile } from './api-key-file.util';
import { API_KEY_PREFIX, generateApiKey, hashApiKey, MIN_API_KEY_SECRET_LENGTH } from './api-key.util';

/** Name of the entry the standalone bootstrap writes into the keys file. */
export const BOOTSTRAP_ADMIN_KEY_NAME = 'bootstrap-admin';

export interface EnsureBootstrapAdminKeyOptions {
  /** The keys file (`AUTH_API_KEYS_FILE`), created with mode 0600 when missing. */
  file: string;
  /** Operator-chosen key (`LLMOPS_ADMIN_API_KEY`): its hash is stored and it is never printed. */
  presetKey?: string;
  /** Receives one line about what happened; never the key itself. */
  log: (message: string) => void;
}

export type BootstrapAdminKeyResult =
  /** A new key was generated; `key` is the only copy of the plaintext — print it once. */
  | { outcome: 'generated'; key: string }
  /** The preset key's hash was stored. */
  | { outcome: 'preset-stored' }
  /** Nothing to do: an admin key (or the preset key) is already in the file. */
  | { outcome: 'already-present' };

function assertPresetKey(key: string): void {
  if (!key.startsWith(API_KEY_PREFIX) || key.length < API_KEY_PREFIX.length + MIN_API_KEY_SECRET_LENGTH) {
    throw new Error(
      `LLMOPS_ADMIN_API_KEY must start with "${API_KEY_PREFIX}" followed by at least ${MIN_API_KEY_SECRET_LENGTH} characters`,
    );
  }
}

/**
 * Standalone first start: make sure the keys file holds an admin key, storing only its hash.
 *
 * - No preset key: if any admin key exists nothing happens; otherwise a key is generated and returned once.
 * - Preset key: if its hash is already stored nothing happens; otherwise it replaces the previous
 *   `bootstrap-admin` entry (so changing `LLMOPS_ADMIN_API_KEY` rotates the key) and is not returned.
 *
 * Throws when the file exists but is not a valid keys file, rather than overwriting it.
 */
export async function ensureBootstrapAdminKey(
  options: EnsureBootstrapAdminKeyOptions,
): Promise<BootstrapAdminKeyResult> {
  const { file, presetKey, log } = options;
  if (presetKey !== undefined) assertPresetKey(presetKey);
  // `raw` is index-aligned with `entries`; rewriting `raw` keeps fields this version does not know.
  const { entries, raw } = await readApiKeyFile(file);

  if (presetKey !== undefined) {
    const hash = hashApiKey(presetKey);
    if (entries.some((entry) => entry.hash === hash)) {
      log(`admin API key from LLMOPS_ADMIN_API_KEY already registered in ${file}`);
      return { outcome: 'already-present' };
    }
    const kept = raw.filter((_, index) => entries[index]?.name !== BOOTSTRAP_ADMIN_KEY_NAME);
    await writeApiKeyFile(file, [...kept, { name: BOOTSTRAP_ADMIN_KEY_NAME, hash, roles: ['admin'] }]);
    log(`stored the hash of LLMOPS_ADMIN_API_KEY as "${BOOTSTRAP_ADMIN_KEY_NAME}" in ${file}`);
    return { outcome: 'preset-stored' };
  }

  if (entries.some((entry) => entry.roles.includes('admin'))) {
    log(`admin API key already present in ${file}`);
    return { outcome: 'already-present' };
  }
  const { key, hash } = generateApiKey();
  const kept = raw.filter((_, index) => entries[index]?.name !== BOOTSTRAP_ADMIN_KEY_NAME);
  await writeApiKeyFile(file, [...kept, { name: BOOTSTRAP_ADMIN_KEY_NAME, hash, roles: ['admin'] }]);
  log(`generated admin API key "${BOOTSTRAP_ADMIN_KEY_NAME}"; only its hash is stored in ${file}`);
  return { outcome: 'generated', key };
}
