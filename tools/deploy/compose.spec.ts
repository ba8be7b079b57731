import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { dlqTopic, EVENTS, SERVICE_NAMES, type ServiceName } from '@llmops/contracts';
import {
  parsePlatformConfig,
  SERVICE_PORTS,
  STANDALONE_PORT,
  standaloneDefaults,
} from '@llmops/service-host';
import {
  argv,
  type ComposeFile,
  type ComposeService,
  type ComposeVars,
  dependsOn,
  interpolate,
  loadCompose,
  loadComposeRaw,
  publishedPorts,
  serviceEnvironment,
} from './support/compose-file';
import { readRepoFile, repoPath } from './support/repo-files';

const INFRA = ['kafka', 'postgres', 's3'] as const;

/** What a user might put in `.env`: every default overridden, to prove the wiring follows the variables. */
const OVERRIDES: ComposeVars = {
  POSTGRES_USER: 'alice',
  POSTGRES_PASSWORD: 'pg-pass',
  POSTGRES_DB: 'platform',
  S3_ACCESS_KEY: 'AKIAOVERRIDE',
  S3_SECRET_KEY: 'override-secret',
  S3_BUCKET: 'llmops-artifacts',
  S3_REGION: 'eu-west-1',
  S3_HOST_PORT: '19000',
  KAFKA_TOPIC_PARTITIONS: '6',
  LOG_LEVEL: 'debug',
};

function service(compose: ComposeFile, name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

function healthcheckCommand(target: ComposeService): string {
  return argv(target.healthcheck?.test).join(' ');
}

describe('compose interpolation (the helper the other tests rely on)', () => {
  it('handles defaults, required values, alternatives, escapes and nesting like docker compose', () => {
    const vars = { SET: 'x', EMPTY: '' };
    expect(interpolate('${SET:-d} ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}', vars)).toBe('x d d  d');
    expect(interpolate('$SET/${SET}/$${SET}/$$', vars)).toBe('x/x/${SET}/$');
    expect(interpolate('${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}', vars)).toBe('alt||alt');
    expect(interpolate('${UNSET:-a-${SET:-b}}', vars)).toBe('a-x');
    expect(() => interpolate('${UNSET:?is required}', vars)).toThrow(/UNSET/);
  });
});

describe.each([
  ['defaults', {}],
  ['overridden variables', OVERRIDES],
] as [string, ComposeVars][])('docker-compose.yml with %s', (_label, vars) => {
  const compose = loadCompose(vars);

  it('has the infrastructure, the init job and exactly the seven services (+ optional standalone)', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      [...INFRA, 'init', ...SERVICE_NAMES, 'standalone'].sort(),
    );
  });

  describe.each(SERVICE_NAMES.map((name): [ServiceName, number] => [name, SERVICE_PORTS[name]]))(
    '%s (port %d)',
    (name, port) => {
      const target = service(compose, name);
      const env = serviceEnvironment(target);

      it('runs its app from the image built from ./Dockerfile', () => {
        expect(argv(target.command)).toEqual(['node', `dist/apps/${name}/src/main.js`]);
        expect(target.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
        expect(target.image).toBe(service(compose, 'ingestion').image);
        expect(target.profiles).toBeUndefined();
      });

      it(`publishes ${port}`, () => {
        expect(publishedPorts(target)).toEqual([{ host: String(port), container: port }]);
      });

      it('gets an environment the platform config accepts: postgres + kafka + s3', () => {
        const config = parsePlatformConfig(env, port);
        expect(config.base.PORT).toBe(port);
        expect(config.base.HOST).toBe('0.0.0.0');
        expect(config.base.LLMOPS_MODE).toBe('distributed');
        expect(config.base.LOG_LEVEL).toBe(vars['LOG_LEVEL'] ?? 'info');
        expect(config.database.driver).toBe('postgres');
        expect(config.messaging.transport).toBe('kafka');
        expect(config.messaging.partitions).toBe(Number(vars['KAFKA_TOPIC_PARTITIONS'] ?? 3));
        expect(config.storage.driver).toBe('s3');
        expect(config.auth.apiKeys.map((key) => key.roles)).toEqual([['admin']]);
      });

      it('shares the x-llmops-env anchor with every other service', () => {
        const shared = serviceEnvironment(service(compose, 'ingestion'));
        const own = new Set(['PORT', 'KAFKA_CLIENT_ID']);
        const strip = (values: Record<string, string>): Record<string, string> =>
          Object.fromEntries(Object.entries(values).filter(([key]) => !own.has(key)));
        expect(strip(env)).toEqual(strip(shared));
        expect(env['KAFKA_CLIENT_ID']).toBe(`llmops-${name}`);
      });

      it('reports ready through /health/ready on its own port', () => {
        const command = healthcheckCommand(target);
        expect(command).toContain(`http://127.0.0.1:${port}/health/ready`);
      });

      it('waits for healthy kafka, postgres and s3 and a finished init', () => {
        expect(dependsOn(target)).toEqual({
          kafka: 'service_healthy',
          postgres: 'service_healthy',
          s3: 'service_healthy',
          init: 'service_completed_successfully',
        });
      });
    },
  );

  it('wires the services to the infrastructure with the same names, ports and credentials', () => {
    const env = serviceEnvironment(service(compose, 'ingestion'));
    const postgres = serviceEnvironment(service(compose, 'postgres'));
    const database = new URL(env['DATABASE_URL'] ?? '');
    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    expect(decodeURIComponent(database.username)).toBe(postgres['POSTGRES_USER']);
    expect(decodeURIComponent(database.password)).toBe(postgres['POSTGRES_PASSWORD']);
    expect(database.pathname).toBe(`/${postgres['POSTGRES_DB'] ?? ''}`);

    const kafka = serviceEnvironment(service(compose, 'kafka'));
    const internal = (kafka['KAFKA_ADVERTISED_LISTENERS'] ?? '')
      .split(',')
      .find((listener) => listener.startsWith(`${kafka['KAFKA_INTER_BROKER_LISTENER_NAME'] ?? ''}://`));
    expect(internal).toBe(
      `${kafka['KAFKA_INTER_BROKER_LISTENER_NAME'] ?? ''}://${env['KAFKA_BROKERS'] ?? ''}`,
    );

    const s3 = serviceEnvironment(service(compose, 's3'));
    const endpoint = new URL(env['S3_ENDPOINT'] ?? '');
    expect(endpoint.hostname).toBe('s3');
    expect(new URL(s3['S3PROXY_ENDPOINT'] ?? '').port || '80').toBe(endpoint.port || '80');
    expect(s3['S3PROXY_IDENTITY']).toBe(env['S3_ACCESS_KEY']);
    expect(s3['S3PROXY_CREDENTIAL']).toBe(env['S3_SECRET_KEY']);
    expect(s3['S3PROXY_AUTHORIZATION']).toMatch(/v4/);
    // Presigned URLs are for clients on the host: signed for the published port.
    const published = publishedPorts(service(compose, 's3'))[0];
    expect(env['S3_PUBLIC_ENDPOINT']).toBe(`http://localhost:${published?.host ?? ''}`);
    expect(published?.container).toBe(Number(endpoint.port || 80));
  });

  it('runs Kafka 4.x in KRaft mode with an internal listener and no topic auto-creation', () => {
    const kafka = service(compose, 'kafka');
    expect(kafka.image).toMatch(/^apache\/kafka:4\./);
    const env = serviceEnvironment(kafka);
    expect(env['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(env['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
    expect(env['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR']).toBe('1');
    // KRaft wants a base64url-encoded UUID: 16 bytes.
    expect(Buffer.from(env['CLUSTER_ID'] ?? '', 'base64url')).toHaveLength(16);
    expect(env['KAFKA_LISTENERS']).toContain(`${env['KAFKA_INTER_BROKER_LISTENER_NAME'] ?? '?'}://:9092`);
    expect(healthcheckCommand(kafka)).toContain('kafka-broker-api-versions.sh');
  });

  it('runs PostgreSQL 15 with a pg_isready healthcheck', () => {
    const postgres = service(compose, 'postgres');
    expect(postgres.image).toBe('postgres:15');
    expect(healthcheckCommand(postgres)).toContain('pg_isready');
  });

  it('runs an S3-compatible server that is not MinIO, with a healthcheck', () => {
    const s3 = service(compose, 's3');
    expect(s3.image).toMatch(/^(andrewgaul\/s3proxy|versity\/versitygw):/);
    expect(s3.image).not.toMatch(/minio/i);
    expect(healthcheckCommand(s3)).not.toBe('');
  });

  it('runs init once, from the Kafka image, after kafka and s3 are healthy', () => {
    const init = service(compose, 'init');
    expect(init.image).toBe(service(compose, 'kafka').image);
    expect(init.restart).toBe('no');
    expect(argv(init.entrypoint)).toEqual(['/bin/sh', '/llmops-init/init.sh']);
    expect(dependsOn(init)).toEqual({ kafka: 'service_healthy', s3: 'service_healthy' });
    const env = serviceEnvironment(init);
    const shared = serviceEnvironment(service(compose, 'ingestion'));
    expect(env['BOOTSTRAP_SERVER']).toBe(shared['KAFKA_BROKERS']);
    expect(env['TOPIC_PARTITIONS']).toBe(shared['KAFKA_TOPIC_PARTITIONS']);
    expect(env['S3_BUCKET']).toBe(shared['S3_BUCKET']);
    expect(env['TOPIC_PREFIX'] ?? '').toBe(shared['KAFKA_TOPIC_PREFIX'] ?? '');
    // The bucket directory goes into the volume S3Proxy serves as its filesystem basedir.
    const s3 = service(compose, 's3');
    const s3Env = serviceEnvironment(s3);
    const volumeOf = (target: ComposeService, mountPoint: string): string | undefined =>
      (Array.isArray(target.volumes) ? target.volumes : [])
        .map(String)
        .find((volume) => volume.split(':')[1] === mountPoint)
        ?.split(':')[0];
    expect(volumeOf(init, env['S3_DATA_DIR'] ?? '?')).toBeDefined();
    expect(volumeOf(init, env['S3_DATA_DIR'] ?? '?')).toBe(
      volumeOf(s3, s3Env['JCLOUDS_FILESYSTEM_BASEDIR'] ?? '?'),
    );
    expect(volumeOf(init, '/llmops-init')).toBe('./tools/compose');
  });

  it('offers the single-process host behind the standalone profile, on 8080, with embedded defaults', () => {
    const standalone = service(compose, 'standalone');
    expect(standalone.profiles).toEqual(['standalone']);
    expect(argv(standalone.command)).toEqual(['node', 'dist/apps/standalone/src/main.js']);
    expect(healthcheckCommand(standalone)).toContain(`http://127.0.0.1:${STANDALONE_PORT}/health/ready`);
    expect(publishedPorts(standalone)[0]?.container).toBe(STANDALONE_PORT);
    const env = serviceEnvironment(standalone);
    const config = parsePlatformConfig(standaloneDefaults(env, '/app'), STANDALONE_PORT);
    expect(config.base.PORT).toBe(STANDALONE_PORT);
    expect(config.base.LLMOPS_MODE).toBe('standalone');
    expect(config.database.driver).toBe('pglite');
    expect(config.messaging.transport).toBe('in-process');
    expect(config.storage.driver).toBe('fs');
    // Its state lives in the volume mounted at LLMOPS_DATA_DIR.
    const mounts = (Array.isArray(standalone.volumes) ? standalone.volumes : []).map(String);
    expect(mounts.some((volume) => volume.split(':')[1] === env['LLMOPS_DATA_DIR'])).toBe(true);
  });

  it('gives every long-running container a healthcheck and declares every named volume', () => {
    const declared = Object.keys(compose.volumes ?? {});
    for (const [name, target] of Object.entries(compose.services)) {
      if (name !== 'init')
        expect({ name, healthcheck: healthcheckCommand(target) !== '' }).toEqual({ name, healthcheck: true });
      for (const volume of (Array.isArray(target.volumes) ? target.volumes : []).map(String)) {
        const source = volume.split(':')[0] ?? '';
        if (!source.startsWith('.') && !source.startsWith('/')) expect(declared).toContain(source);
      }
    }
  });
});

describe('docker-compose.yml as written', () => {
  const raw = loadComposeRaw();

  it('defines the shared environment once, in the x-llmops-env anchor', () => {
    expect(raw['x-llmops-env']).toBeDefined();
    const text = readRepoFile('docker-compose.yml');
    expect(text).toMatch(/^x-llmops-env: &llmops-env$/m);
    expect(text.match(/<<: \*llmops-env/g)).toHaveLength(SERVICE_NAMES.length);
  });

  it('uses only strings and numbers as environment values (compose rejects booleans)', () => {
    for (const target of Object.values(raw.services)) expect(() => serviceEnvironment(target)).not.toThrow();
  });
});

describe('Kafka topics created by init (tools/compose)', () => {
  const expected = [...Object.keys(EVENTS), ...SERVICE_NAMES.map((name) => dlqTopic(name))];
  const listed = readRepoFile('tools/compose/kafka-topics.txt')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);

  it('lists exactly the topics the services provision (EVENTS + one DLQ per service)', () => {
    const message = `tools/compose/kafka-topics.txt is stale; its topic lines should be:\n${expected.join('\n')}`;
    expect({ message, listed: [...listed].sort() }).toEqual({ message, listed: [...expected].sort() });
  });

  describe('init.sh (against a stand-in kafka-topics.sh that records its calls)', () => {
    let work: string;
    beforeEach(() => {
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'llmops-init-'));
      fs.mkdirSync(path.join(work, 'bin'));
      fs.mkdirSync(path.join(work, 's3data'));
      // Lists `existing` for --list; appends each --create call's arguments to calls.log.
      fs.writeFileSync(
        path.join(work, 'bin', 'kafka-topics.sh'),
        [
          '#!/bin/sh',
          'case " $* " in',
          `  *" --list "*) cat "${path.join(work, 'existing')}" ;;`,
          `  *" --create "*) echo "$*" >>"${path.join(work, 'calls.log')}" ;;`,
          '  *) exit 2 ;;',
          'esac',
        ].join('\n'),
        { mode: 0o755 },
      );
    });
    afterEach(() => {
      fs.rmSync(work, { recursive: true, force: true });
    });

    function runInit(existing: string[], extraEnv: Record<string, string> = {}): string[] {
      fs.writeFileSync(path.join(work, 'existing'), existing.map((topic) => `${topic}\n`).join(''));
      execFileSync('sh', [repoPath('tools/compose/init.sh')], {
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          KAFKA_BIN: path.join(work, 'bin'),
          BOOTSTRAP_SERVER: 'kafka:9092',
          TOPIC_PARTITIONS: '3',
          S3_BUCKET: 'llmops',
          S3_DATA_DIR: path.join(work, 's3data'),
          ...extraEnv,
        },
        stdio: 'pipe',
      });
      const log = path.join(work, 'calls.log');
      return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
    }

    it('creates every missing topic idempotently with the configured partitions, and the bucket', () => {
      const existing = expected.slice(0, 5);
      const calls = runInit(existing);
      const created = calls.map((call) => /--topic (\S+)/.exec(call)?.[1]).sort();
      expect(created).toEqual(expected.slice(5).sort());
      for (const call of calls) {
        expect(call).toContain('--bootstrap-server kafka:9092');
        expect(call).toContain('--if-not-exists');
        expect(call).toContain('--partitions 3');
        expect(call).toContain('--replication-factor 1');
      }
      expect(fs.statSync(path.join(work, 's3data', 'llmops')).isDirectory()).toBe(true);
    });

    it('does nothing to Kafka when every topic exists, and honours TOPIC_PREFIX', () => {
      expect(runInit(expected)).toEqual([]);
      const prefixed = runInit(expected, { TOPIC_PREFIX: 'tenant-a.' });
      expect(prefixed).toHaveLength(expected.length);
      expect(prefixed.every((call) => call.includes('--topic tenant-a.llmops.'))).toBe(true);
    });
  });
});
