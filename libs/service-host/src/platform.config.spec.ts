import { ConfigError } from '@llmops/config';
import { parsePlatformConfig, standaloneDefaults } from './platform.config';

const distributed = {
  LLMOPS_MODE: 'distributed',
  DATABASE_URL: 'postgres://u:p@db:5432/llmops',
  KAFKA_BROKERS: 'kafka:9092',
  S3_ENDPOINT: 'http://s3:9000',
  S3_ACCESS_KEY: 'a',
  S3_SECRET_KEY: 'b',
  S3_BUCKET: 'llmops',
  AUTH_JWKS_URL: 'https://idp.example/jwks.json',
};

function issues(env: NodeJS.ProcessEnv): string[] {
  try {
    parsePlatformConfig(env, 3001);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((i) => `${i.variable}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('parsePlatformConfig', () => {
  it('accepts a complete distributed environment', () => {
    const config = parsePlatformConfig(distributed, 3001);
    expect(config.database.driver).toBe('postgres');
    expect(config.messaging.transport).toBe('kafka');
    expect(config.storage.driver).toBe('s3');
    expect(config.base.PORT).toBe(3001);
  });

  it('refuses to fall back to embedded parts in distributed mode, naming each variable', () => {
    const { KAFKA_BROKERS: _k, S3_ENDPOINT: _s, ...env } = distributed;
    const found = issues(env);
    expect(found.some((i) => i.startsWith('KAFKA_BROKERS'))).toBe(true);
    expect(found.some((i) => i.startsWith('S3_ENDPOINT'))).toBe(true);
  });

  it('names the variable of a bad value and lists every problem at once', () => {
    const found = issues({
      ...distributed,
      DATABASE_URL: 'mysql://x/y',
      KAFKA_TOPIC_PARTITIONS: 'many',
      PORT: '-1',
    });
    expect(found.map((i) => i.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'KAFKA_TOPIC_PARTITIONS',
      'PORT',
    ]);
  });

  it('gives standalone mode embedded defaults under the data directory', () => {
    const env = standaloneDefaults({ LLMOPS_DATA_DIR: '/tmp/x', AUTH_API_KEYS: '[]' }, '/work');
    const config = parsePlatformConfig(env, 8080);
    expect(config.database).toEqual({ driver: 'pglite', dataDir: '/tmp/x/db' });
    expect(config.messaging.transport).toBe('in-process');
    expect(config.storage.driver).toBe('fs');
  });
});
