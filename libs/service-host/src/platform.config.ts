import * as path from 'node:path';
import { parseAuthConfig, type AuthConfig } from '@llmops/auth';
import {
  baseServiceConfigSchema,
  ConfigError,
  parseConfig,
  type BaseServiceConfig,
  type ConfigIssue,
} from '@llmops/config';
import { messagingConfigFromEnv, type MessagingConfig } from '@llmops/messaging';
import { databaseConfigFromEnv, type DatabaseConfig } from '@llmops/persistence';
import { parseStorageConfig, type StorageConfig } from '@llmops/storage';

/** Everything a process hosting one or more services needs, parsed from env once at boot. */
export interface PlatformConfig {
  base: BaseServiceConfig;
  database: DatabaseConfig;
  messaging: MessagingConfig;
  storage: StorageConfig;
  auth: AuthConfig;
  /** Standalone only: where the embedded database, objects and API key file live. */
  dataDir?: string;
  /** The environment the config was parsed from; each service parses its own settings from it at boot. */
  env: NodeJS.ProcessEnv;
}

/**
 * Standalone fills in the embedded defaults (PGlite, filesystem store, in-process bus, key file under
 * `./.llmops/`) for whatever the environment does not set, so `npm start` needs no set-up.
 */
export function standaloneDefaults(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  const dataDir = path.resolve(cwd, env['LLMOPS_DATA_DIR'] ?? '.llmops');
  return {
    PGLITE_DIR: env['DATABASE_URL'] ? undefined : path.join(dataDir, 'db'),
    STORAGE_DRIVER: env['S3_ENDPOINT'] ? 's3' : 'fs',
    STORAGE_FS_DIR: path.join(dataDir, 'objects'),
    AUTH_API_KEYS_FILE: path.join(dataDir, 'api-keys.json'),
    LLMOPS_DATA_DIR: dataDir,
    ...env,
    LLMOPS_MODE: 'standalone',
  };
}

function collect<T>(issues: ConfigIssue[], parse: () => T): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError) issues.push(...error.issues);
    else
      issues.push({
        variable: 'environment',
        message: error instanceof Error ? error.message : String(error),
      });
    return undefined;
  }
}

/** Distributed mode means the real infrastructure: a missing endpoint must fail the boot, not fall back. */
function distributedModeIssues(config: Omit<PlatformConfig, 'dataDir' | 'env'>): ConfigIssue[] {
  if (config.base.LLMOPS_MODE !== 'distributed') return [];
  const issues: ConfigIssue[] = [];
  if (config.messaging.transport !== 'kafka') {
    issues.push({ variable: 'KAFKA_BROKERS', message: 'Required in distributed mode' });
  }
  if (config.database.driver !== 'postgres') {
    issues.push({
      variable: 'DATABASE_URL',
      message: 'Required in distributed mode (PGLITE_DIR is standalone only)',
    });
  }
  if (config.storage.driver !== 's3') {
    issues.push({ variable: 'S3_ENDPOINT', message: 'Required in distributed mode (STORAGE_DRIVER=s3)' });
  }
  return issues;
}

/** Parses every section, reporting all problems at once rather than the first. */
export function parsePlatformConfig(env: NodeJS.ProcessEnv, defaultPort: number): PlatformConfig {
  const issues: ConfigIssue[] = [];
  const base = collect(issues, () => parseConfig(baseServiceConfigSchema(defaultPort), env));
  const database = collect(issues, () => databaseConfigFromEnv(env));
  const messaging = collect(issues, () => messagingConfigFromEnv(env));
  const storage = collect(issues, () => parseStorageConfig(env));
  const auth = collect(issues, () => parseAuthConfig(env));
  if (!base || !database || !messaging || !storage || !auth) throw new ConfigError(issues);
  const config = { base, database, messaging, storage, auth };
  const modeIssues = distributedModeIssues(config);
  if (modeIssues.length > 0) throw new ConfigError(modeIssues);
  return { ...config, dataDir: env['LLMOPS_DATA_DIR'], env };
}
