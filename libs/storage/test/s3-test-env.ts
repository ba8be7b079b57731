import { Client } from 'minio';
import { parseS3Endpoint } from '../src/drivers/s3-endpoint';
import type { S3ObjectStoreOptions } from '../src/drivers/s3-object-store';

const REQUIRED = ['S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'S3_BUCKET'] as const;

/**
 * Connection settings of the real S3-compatible server the stack scripts start. Missing settings fail
 * the suite loudly: a skipped integration test reads as a pass.
 */
export function s3OptionsFromEnv(overrides: Partial<S3ObjectStoreOptions> = {}): S3ObjectStoreOptions {
  const missing = REQUIRED.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `S3 integration tests need a real S3 server, but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} ` +
        `not set. Start the stack and load its env with: eval "$(bash tools/stack/stack.sh up)"`,
    );
  }
  const env = (name: (typeof REQUIRED)[number]): string => process.env[name] ?? '';
  return {
    endpoint: env('S3_ENDPOINT'),
    accessKey: env('S3_ACCESS_KEY'),
    secretKey: env('S3_SECRET_KEY'),
    bucket: env('S3_BUCKET'),
    region: process.env['S3_REGION'] || 'us-east-1',
    partSize: 5 * 1024 * 1024,
    ...overrides,
  };
}

/** A plain minio client on the same server, to act behind the store's back. */
export function rawClient(options: S3ObjectStoreOptions): Client {
  const endpoint = parseS3Endpoint(options.endpoint);
  if (typeof endpoint === 'string') throw new Error(`S3_ENDPOINT ${endpoint}`);
  return new Client({
    ...endpoint,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    region: options.region,
    pathStyle: true,
  });
}
