import { z } from 'zod';
import { baseServiceConfigSchema } from './base-service-config.schema';
import { ConfigError } from './config-error';
import { envBoolean, envInt, envList, envUrl } from './env-schemas';
import { parseConfig } from './parse-config';

const schema = baseServiceConfigSchema(3001).extend({
  DATABASE_URL: envUrl(['postgres:', 'postgresql:']),
  KAFKA_BROKERS: envList(),
  FEATURE_X: envBoolean().default(false),
});

function captureError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies defaults and coerces values', () => {
    const config = parseConfig(schema, {
      DATABASE_URL: 'postgres://db:5432/llmops',
      KAFKA_BROKERS: 'k1:9092, k2:9092,,',
      FEATURE_X: 'YES',
    });
    expect(config).toEqual({
      PORT: 3001,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      LLMOPS_MODE: 'distributed',
      SHUTDOWN_GRACE_MS: 10_000,
      DATABASE_URL: 'postgres://db:5432/llmops',
      KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
      FEATURE_X: true,
    });
  });

  it('lists every invalid or missing variable in one error', () => {
    const error = captureError(() =>
      parseConfig(schema, {
        PORT: '70000',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        FEATURE_X: 'maybe',
      }),
    );
    expect(error.issues.map((issue) => issue.variable).sort()).toEqual(
      ['DATABASE_URL', 'FEATURE_X', 'KAFKA_BROKERS', 'LOG_LEVEL', 'PORT'].sort(),
    );
    expect(error.message).toContain('Invalid configuration:');
    expect(error.message).toContain('- KAFKA_BROKERS: Required');
    expect(error.message).toContain('- PORT: Expected an integer <= 65535');
    expect(error.message).toContain('- DATABASE_URL: Expected a URL with scheme postgres: or postgresql:');
    expect(error.message).toContain('- FEATURE_X: Expected a boolean');
  });

  it('treats empty strings as unset so defaults apply and required vars are reported', () => {
    const error = captureError(() => parseConfig(schema, { PORT: '', DATABASE_URL: '' }));
    expect(error.message).toContain('- DATABASE_URL: Required');
    expect(error.issues.some((issue) => issue.variable === 'PORT')).toBe(false);
  });

  it('lets prefixed variables override shared ones and names the prefixed variable in errors', () => {
    const env = {
      PORT: '3000',
      INGESTION_PORT: '4001',
      DATABASE_URL: 'postgres://shared/db',
      KAFKA_BROKERS: 'k',
    };
    expect(parseConfig(schema, env, { prefix: 'INGESTION_' }).PORT).toBe(4001);
    const error = captureError(() =>
      parseConfig(schema, { ...env, INGESTION_PORT: 'abc' }, { prefix: 'INGESTION_' }),
    );
    expect(error.message).toContain('- INGESTION_PORT: Expected an integer');
  });

  it('reads process.env by default', () => {
    process.env['LLMOPS_SPEC_PROBE'] = '7';
    try {
      expect(parseConfig(z.object({ LLMOPS_SPEC_PROBE: envInt(1, 9) })).LLMOPS_SPEC_PROBE).toBe(7);
    } finally {
      delete process.env['LLMOPS_SPEC_PROBE'];
    }
  });
});

describe('env schemas', () => {
  it('envInt rejects non-integers and out-of-range values', () => {
    const port = envInt(1, 10);
    expect(port.parse(' 5 ')).toBe(5);
    expect(port.safeParse('1.5').success).toBe(false);
    expect(port.safeParse('12abc').success).toBe(false);
    expect(port.safeParse('0').success).toBe(false);
  });

  it('envBoolean reads the usual spellings and rejects the rest', () => {
    expect(['true', 'ON', '1', 'yes'].map((raw) => envBoolean().parse(raw))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['false', 'off', '0', 'No'].map((raw) => envBoolean().parse(raw))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(envBoolean().safeParse('nah').success).toBe(false);
  });

  it('envList validates each entry with an item schema', () => {
    expect(envList(envInt(0, 10)).parse('1, 2,3')).toEqual([1, 2, 3]);
    expect(envList(envInt(0, 10)).safeParse('1,x').success).toBe(false);
  });

  it('envUrl requires an absolute URL', () => {
    expect(envUrl().parse('http://minio:9000')).toBe('http://minio:9000');
    expect(envUrl().safeParse('not a url').success).toBe(false);
  });
});
