import { existsSync } from 'node:fs';

/** Endpoints of the real stack the integration tests talk to. */
export interface StackEnv {
  KAFKA_BROKERS: string;
  DATABASE_URL: string;
  S3_ENDPOINT: string;
  S3_ACCESS_KEY: string;
  S3_SECRET_KEY: string;
  S3_BUCKET: string;
  S3_REGION: string;
}

const REQUIRED = [
  'KAFKA_BROKERS',
  'DATABASE_URL',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY',
  'S3_SECRET_KEY',
  'S3_BUCKET',
] as const;

/**
 * Endpoints come from env first (tools/stack prints them). Without them the tests cannot run: they never
 * fall back to mocks of things this machine can run.
 */
export function requireStackEnv(env: NodeJS.ProcessEnv = process.env): StackEnv {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    const docker = existsSync('/var/run/docker.sock')
      ? ' (a Docker engine is present: `docker compose up kafka postgres s3` also provides them)'
      : '';
    throw new Error(
      `integration tests need the real stack; missing ${missing.join(', ')}.\n` +
        `Start it with: eval "$(bash tools/stack/stack.sh up)"${docker}`,
    );
  }
  return {
    KAFKA_BROKERS: env['KAFKA_BROKERS'] ?? '',
    DATABASE_URL: env['DATABASE_URL'] ?? '',
    S3_ENDPOINT: env['S3_ENDPOINT'] ?? '',
    S3_ACCESS_KEY: env['S3_ACCESS_KEY'] ?? '',
    S3_SECRET_KEY: env['S3_SECRET_KEY'] ?? '',
    S3_BUCKET: env['S3_BUCKET'] ?? '',
    S3_REGION: env['S3_REGION'] ?? 'us-east-1',
  };
}
