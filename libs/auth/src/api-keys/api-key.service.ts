import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import type { Principal } from '../domain/principal';
import type { Role } from '../domain/role';
import type { ApiKeyEntry } from './api-key-entry.schema';
import { readApiKeyFile } from './api-key-file.util';
import { isApiKeyFormat } from './api-key.util';

interface LoadedKey {
  name: string;
  digest: Buffer;
  roles: Role[];
}

function load(entries: readonly ApiKeyEntry[]): LoadedKey[] {
  return entries.map(({ name, hash, roles }) => ({
    name,
    digest: Buffer.from(hash.slice('sha256:'.length), 'hex'),
    roles: [...roles],
  }));
}

/**
 * Verifies presented API keys against the hashes from `AUTH_API_KEYS` and `AUTH_API_KEYS_FILE`.
 * The file is stat-ed on every verification and re-read when it changed, so adding or revoking a key
 * takes effect on the next request without a restart.
 */
@Injectable()
export class ApiKeyService implements OnModuleInit {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly envKeys: LoadedKey[];
  private fileKeys: LoadedKey[] = [];
  private fileVersion: string | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(@Inject(AUTH_CONFIG) private readonly config: AuthConfig) {
    this.envKeys = load(config.apiKeys);
  }

  /** Fails the boot when the keys file exists but is invalid. */
  async onModuleInit(): Promise<void> {
    await this.refreshFileKeys(true);
  }

  /** Whether any API key source is configured. */
  get enabled(): boolean {
    return this.envKeys.length > 0 || this.config.apiKeysFile !== undefined;
  }

  /** The principal of a valid key, or null for an unknown, revoked or malformed one. */
  async verify(presented: string): Promise<Principal | null> {
    if (!isApiKeyFormat(presented)) return null;
    await this.refreshFileKeys(false);
    const digest = createHash('sha256').update(presented, 'utf8').digest();
    let match: LoadedKey | undefined;
    // Compare against every key so the time taken does not depend on where (or whether) the key matches.
    for (const key of [...this.envKeys, ...this.fileKeys]) {
      if (timingSafeEqual(key.digest, digest) && match === undefined) match = key;
    }
    if (match === undefined) return null;
    return { subject: `api-key:${match.name}`, kind: 'api-key', roles: [...match.roles], name: match.name };
  }

  private async refreshFileKeys(strict: boolean): Promise<void> {
    this.refreshing ??= this.reloadIfChanged(strict).finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
  }

  private async reloadIfChanged(strict: boolean): Promise<void> {
    const file = this.config.apiKeysFile;
    if (file === undefined) return;
    let version: string | null = null;
    try {
      version = await this.versionOf(file);
      if (version === this.fileVersion) return;
      const { entries } = await readApiKeyFile(file);
      if (this.fileVersion !== null) this.logger.log(`reloaded ${entries.length} API key(s) from ${file}`);
      this.fileKeys = load(entries);
      this.fileVersion = version;
    } catch (error) {
      if (strict) throw error;
      // Fail closed: a broken file must not keep revoked keys alive. Remember the broken version to log once.
      this.fileKeys = [];
      const message = (error as Error).message;
      if (this.fileVersion !== (version ?? message)) {
        this.logger.error(`ignoring every key in ${file} until it is fixed: ${message}`);
      }
      this.fileVersion = version ?? message;
    }
  }

  private async versionOf(file: string): Promise<string> {
    try {
      const info = await stat(file);
      return `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw error;
    }
  }
}
