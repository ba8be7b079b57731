import * as fs from 'node:fs';
import { listFiles, readRepoFile, repoPath } from './repo-files';

/**
 * Every environment variable that `parsePlatformConfig` (libs/service-host) reads, directly or through
 * the parsers it calls, plus the standalone host's own. Kept by hand so that docs/deployment.md and the
 * manifests have one list to agree with, and checked against the code both ways by env-vars.spec.ts:
 * each name must occur in the sources, and each name the config parsers mention must be here.
 */
export const PLATFORM_ENV_VARS = [
  // libs/config/src/base-service-config.schema.ts
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'LLMOPS_MODE',
  'SHUTDOWN_GRACE_MS',
  // libs/persistence/src/database.config.ts
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'PGLITE_DIR',
  // libs/messaging/src/messaging.config.ts
  'KAFKA_BROKERS',
  'KAFKA_CLIENT_ID',
  'KAFKA_TOPIC_PREFIX',
  'KAFKA_TOPIC_PARTITIONS',
  'EVENT_MAX_ATTEMPTS',
  'EVENT_RETRY_BACKOFF_MS',
  'OUTBOX_BATCH_SIZE',
  'OUTBOX_POLL_MS',
  'EVENT_CONSUMER_BATCH_SIZE',
  // libs/storage/src/storage.config.ts
  'STORAGE_DRIVER',
  'STORAGE_FS_DIR',
  'S3_ENDPOINT',
  'S3_PUBLIC_ENDPOINT',
  'S3_ACCESS_KEY',
  'S3_SECRET_KEY',
  'S3_BUCKET',
  'S3_REGION',
  'S3_PART_SIZE_MB',
  // libs/auth/src/auth.config.ts
  'AUTH_JWKS_URL',
  'AUTH_JWT_PUBLIC_KEY',
  'AUTH_JWT_ISSUER',
  'AUTH_JWT_AUDIENCE',
  'AUTH_ROLES_CLAIM',
  'AUTH_API_KEYS',
  'AUTH_API_KEYS_FILE',
  // libs/service-host/src/platform.config.ts (standalone defaults) and libs/auth (bootstrap admin key)
  'LLMOPS_DATA_DIR',
  'LLMOPS_ADMIN_API_KEY',
] as const;

export type PlatformEnvVar = (typeof PLATFORM_ENV_VARS)[number];

/** The infrastructure libs whose config parsers `parsePlatformConfig` calls. */
const PLATFORM_LIBS = ['config', 'persistence', 'messaging', 'storage', 'auth', 'service-host'];

// `env['NAME']`, `env.NAME`, an indented object key `NAME:` (zod object shapes, defaults maps) and a
// lower-case helper called with the name (`int('NAME')`, `required('NAME')`); not `Symbol('NAME')`.
const NAME_PATTERNS = [
  /\benv\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]/g,
  /\benv\.([A-Z][A-Z0-9_]*)\b/g,
  /^\s+([A-Z][A-Z0-9_]*)\s*:/gm,
  /\b[a-z][A-Za-z0-9]*\(\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\)/g,
];

function isConfigSource(file: string): boolean {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return (
    name.endsWith('.ts') && name.includes('config') && !name.includes('.spec.') && !name.includes('error')
  );
}

/** Non-spec `*config*.ts` files under `libs/<lib>/src` for the given libs (all libs when omitted). */
export function configSources(libs?: readonly string[]): string[] {
  const names = libs ?? fs.readdirSync(repoPath('libs'));
  return names
    .filter((lib) => fs.existsSync(repoPath('libs', lib, 'src')))
    .flatMap((lib) => listFiles(`libs/${lib}/src`, () => true).filter(isConfigSource));
}

/** Variable names mentioned by the given source files, with the files that mention each. */
export function envNamesIn(files: readonly string[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const file of files) {
    const text = readRepoFile(file);
    for (const pattern of NAME_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const name = match[1];
        if (name === undefined) continue;
        names.set(name, [...new Set([...(names.get(name) ?? []), file])]);
      }
    }
  }
  return names;
}

/** Names the platform config parsers read (the infra libs' config files). */
export function platformParserEnvNames(): Map<string, string[]> {
  return envNamesIn(configSources(PLATFORM_LIBS));
}

/**
 * Every name a manifest may set: the platform list plus whatever the other libs' config files read
 * (service-specific settings such as a training executor's), found by the same scan.
 */
export function allowedEnvNames(): Set<string> {
  return new Set<string>([...PLATFORM_ENV_VARS, ...envNamesIn(configSources()).keys()]);
}

/** Non-spec TypeScript sources under libs/ and apps/, to check that a listed name is real. */
export function sourceFiles(): string[] {
  return ['libs', 'apps'].flatMap((dir) =>
    listFiles(dir, (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.int.ts')),
  );
}
