import { StorageConfigError } from './errors/storage-config.error';
import { DEFAULT_FS_DIR, parseStorageConfig } from './storage.config';

const s3Env = {
  S3_ENDPOINT: 'http://127.0.0.1:19000',
  S3_ACCESS_KEY: 'llmops',
  S3_SECRET_KEY: 'llmops-secret-key',
  S3_BUCKET: 'llmops',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  try {
    parseStorageConfig(env);
  } catch (error) {
    if (error instanceof StorageConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a StorageConfigError');
}

describe('parseStorageConfig', () => {
  it('defaults to the fs driver under .llmops when nothing is set', () => {
    expect(parseStorageConfig({})).toEqual({ driver: 'fs', dir: DEFAULT_FS_DIR, bucket: 'llmops' });
    expect(parseStorageConfig({ STORAGE_FS_DIR: '/data/objects' })).toEqual({
      driver: 'fs',
      dir: '/data/objects',
      bucket: 'llmops',
    });
  });

  it('picks s3 when S3_ENDPOINT is set, with defaults for region and part size', () => {
    expect(parseStorageConfig(s3Env)).toEqual({
      driver: 's3',
      endpoint: 'http://127.0.0.1:19000',
      accessKey: 'llmops',
      secretKey: 'llmops-secret-key',
      bucket: 'llmops',
      region: 'us-east-1',
      partSize: 16 * 1024 * 1024,
    });
  });

  it('reads every optional s3 variable', () => {
    const config = parseStorageConfig({
      ...s3Env,
      STORAGE_DRIVER: 's3',
      S3_PUBLIC_ENDPOINT: 'https://s3.example.com',
      S3_REGION: 'eu-west-1',
      S3_PART_SIZE_MB: '64',
    });
    expect(config).toMatchObject({
      publicEndpoint: 'https://s3.example.com',
      region: 'eu-west-1',
      partSize: 64 * 1024 * 1024,
    });
  });

  it('lets STORAGE_DRIVER=fs win over S3 variables', () => {
    expect(parseStorageConfig({ ...s3Env, STORAGE_DRIVER: 'fs' })).toEqual({
      driver: 'fs',
      dir: DEFAULT_FS_DIR,
      bucket: s3Env.S3_BUCKET,
    });
  });

  it('lists every bad variable at once, without echoing secrets', () => {
    const problems = problemsOf({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: 'ftp://nowhere',
      S3_SECRET_KEY: '',
      S3_BUCKET: 'Not_A_Bucket',
      S3_PART_SIZE_MB: '2',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'S3_ENDPOINT must use http or https',
        'S3_ACCESS_KEY is required',
        'S3_SECRET_KEY is required',
        expect.stringContaining('S3_BUCKET must be a valid bucket name'),
        expect.stringContaining('S3_PART_SIZE_MB must be at least 5'),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('rejects an unknown driver', () => {
    expect(problemsOf({ STORAGE_DRIVER: 'gcs' })).toEqual(['STORAGE_DRIVER must be "s3" or "fs"']);
  });

  it('throws a typed error with a stable code', () => {
    let caught: unknown;
    try {
      parseStorageConfig({ STORAGE_DRIVER: 's3' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(StorageConfigError);
    expect(caught).toMatchObject({ code: 'STORAGE_INVALID_CONFIG' });
  });
});
