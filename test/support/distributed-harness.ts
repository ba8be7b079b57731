import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import {
  createFreshDatabase,
  freePort,
  requireStackEnv,
  sql,
  startServiceProcess,
  waitFor,
  type ServiceProcess,
  type StackEnv,
} from '@llmops/testing';

const ROOT = path.resolve(__dirname, '..', '..');

/** The ingestion → training flow over the real stack, each service a real process. */
export class DistributedHarness {
  readonly apiKey = `llmops_${randomBytes(24).toString('base64url')}`;
  readonly topicPrefix = `t${randomBytes(4).toString('hex')}.`;
  readonly stack: StackEnv;
  databaseUrl = '';
  ingestion?: ServiceProcess;
  training?: ServiceProcess;
  private readonly ports = new Map<string, number>();

  constructor() {
    this.stack = requireStackEnv();
    if (!existsSync(path.join(ROOT, 'dist', 'apps', 'ingestion', 'src', 'main.js'))) {
      throw new Error('the apps are not built: run `npm run build` first');
    }
  }

  async init(label: string): Promise<void> {
    this.databaseUrl = await createFreshDatabase(this.stack.DATABASE_URL, label);
    for (const service of ['ingestion', 'training']) this.ports.set(service, await freePort());
  }

  env(): Record<string, string> {
    const hash = createHash('sha256').update(this.apiKey).digest('hex');
    return {
      ...this.stack,
      DATABASE_URL: this.databaseUrl,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      AUTH_API_KEYS: JSON.stringify([{ name: 'test-admin', hash: `sha256:${hash}`, roles: ['admin'] }]),
      EVENT_RETRY_BACKOFF_MS: '50',
      // Small consumer transactions, so a kill can land between two of them (test (a)).
      EVENT_CONSUMER_BATCH_SIZE: '5',
      LOG_LEVEL: 'warn',
    };
  }

  async start(service: 'ingestion' | 'training'): Promise<ServiceProcess> {
    const proc = await startServiceProcess(service, this.env(), { port: this.ports.get(service) ?? 0 });
    this[service] = proc;
    return proc;
  }

  async stopAll(): Promise<void> {
    await Promise.all([this.ingestion?.kill('SIGTERM'), this.training?.kill('SIGTERM')]);
  }

  async request<T>(
    service: ServiceProcess,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const res = await fetch(`${service.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async createDataset(name: string): Promise<string> {
    const ingestion = this.required('ingestion');
    const res = await this.request<{ id: string }>(ingestion, 'POST', '/v1/datasets', { name });
    if (res.status !== 201) throw new Error(`create dataset: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  async registerVersion(datasetId: string): Promise<number> {
    const res = await this.request<{ version: number }>(
      this.required('ingestion'),
      'POST',
      `/v1/datasets/${datasetId}/versions`,
      versionBody(),
    );
    if (res.status !== 201) throw new Error(`register version: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.version;
  }

  /** Rows training has recorded from `dataset-version-created` (its effect of each event). */
  async trainingVersions(): Promise<{ dataset_id: string; version: number }[]> {
    return sql(
      this.databaseUrl,
      'SELECT dataset_id, version FROM training.dataset_versions ORDER BY received_at, version',
    );
  }

  async trainingVersionId(datasetId: string, version: number): Promise<string> {
    const [row] = await sql<{ version_id: string }>(
      this.databaseUrl,
      'SELECT version_id FROM training.dataset_versions WHERE dataset_id = $1 AND version = $2',
      [datasetId, version],
    );
    if (!row) throw new Error(`training has no version ${version} of ${datasetId}`);
    return row.version_id;
  }

  /** The contract fixture of `dataset-version-created`, for building raw events. */
  versionEvent(): Record<string, unknown> {
    return JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  }

  async trainingCount(): Promise<number> {
    const [row] = await sql<{ n: string }>(
      this.databaseUrl,
      'SELECT count(*) AS n FROM training.dataset_versions',
    );
    return Number(row?.n ?? 0);
  }

  async countersByDataset(): Promise<Map<string, number>> {
    const rows = await sql<{ dataset_id: string; versions_received: number }>(
      this.databaseUrl,
      'SELECT dataset_id, versions_received FROM training.datasets',
    );
    return new Map(rows.map((r) => [r.dataset_id, r.versions_received]));
  }

  /** Events of `topic` still waiting in ingestion's outbox (every topic when omitted). */
  async outboxPending(topic?: string): Promise<number> {
    const [row] = await sql<{ n: string }>(
      this.databaseUrl,
      'SELECT count(*) AS n FROM ingestion.outbox_events WHERE $1::text IS NULL OR topic = $1',
      [topic ?? null],
    );
    return Number(row?.n ?? 0);
  }

  async waitForTrainingCount(expected: number, timeoutMs = 90_000): Promise<void> {
    await waitFor(
      `training to record ${expected} versions`,
      async () => ((await this.trainingCount()) >= expected ? true : undefined),
      { timeoutMs, intervalMs: 200 },
    );
  }

  kafka(): Kafka {
    return new Kafka({
      clientId: 'llmops-test',
      brokers: this.stack.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
  }

  /** Reads every message currently on a topic (from the beginning) with a throwaway consumer group. */
  async readTopic(
    topic: string,
    minimum: number,
    timeoutMs = 30_000,
  ): Promise<{ key: string; value: string; headers: Record<string, string> }[]> {
    const consumer = this.kafka().consumer({
      groupId: `reader-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    const seen: { key: string; value: string; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topicPrefix + topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push({
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headers(message.headers),
        });
        return Promise.resolve();
      },
    });
    try {
      await waitFor(`${minimum} messages on ${topic}`, () => (seen.length >= minimum ? true : undefined), {
        timeoutMs,
      });
      await new Promise((resolve) => setTimeout(resolve, 500)); // let stragglers arrive: more than expected is a failure too
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }

  private required(service: 'ingestion' | 'training'): ServiceProcess {
    const proc = this[service];
    if (!proc) throw new Error(`${service} is not running`);
    return proc;
  }
}

function headers(h: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}

const FIXTURE = path.join(
  ROOT,
  'libs',
  'contracts',
  'fixtures',
  'llmops.ingestion.dataset-version-created.v1.json',
);

/** A valid version registration body: the contract fixture without the fields the platform assigns. */
export function versionBody(): Record<string, unknown> {
  const {
    datasetId: _d,
    datasetName: _n,
    versionId: _v,
    version: _num,
    createdAt: _c,
    ...body
  } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
  return body;
}

/** tools/stack/stack.sh, for fault injection (stop/start a component). */
export function stack(...args: string[]): void {
  execFileSync('bash', [path.join(ROOT, 'tools', 'stack', 'stack.sh'), ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
