import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import {
  buildEnvelope,
  encodeEnvelopeHeaders,
  getEventDefinition,
  type EventPayload,
  type ServiceName,
  type TopicName,
} from '@llmops/contracts';
import { createFreshDatabase, dropDatabase, sql } from './fresh-database';
import { freePort } from './free-port';
import { startServiceProcess, type ServiceProcess } from './service-process';
import { requireStackEnv, type StackEnv } from './stack-env';
import { waitFor } from './wait-for';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface TopicMessageRead {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Roles of the API keys every harness configures: `keys.admin`, `keys.approver`, … */
const KEY_ROLES = [
  'admin',
  'data-engineer',
  'annotator',
  'ml-engineer',
  'approver',
  'viewer',
  'service',
] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/**
 * Runs compiled services as real processes over the real stack, isolated per test file: a fresh
 * PostgreSQL database, a Kafka topic prefix, one API key per role (plus a second approver, for four-eyes
 * rules). Also injects events as an outside producer would and reads topics back.
 */
export class PlatformHarness {
  readonly topicPrefix = `t${randomBytes(4).toString('hex')}.`;
  readonly keys: Record<KeyRole | 'approver2', string>;
  readonly stack: StackEnv;
  databaseUrl = '';
  readonly processes = new Map<ServiceName, ServiceProcess>();
  private readonly ports = new Map<ServiceName, number>();
  private kafkaClient?: Kafka;

  constructor(private readonly extraEnv: Record<string, string> = {}) {
    this.stack = requireStackEnv();
    if (!existsSync(path.join(ROOT, 'dist', 'apps', 'ingestion', 'src', 'main.js'))) {
      throw new Error('the apps are not built: run `npm run build` first');
    }
    const key = (): string => `llmops_${randomBytes(24).toString('base64url')}`;
    this.keys = Object.fromEntries(
      [...KEY_ROLES, 'approver2'].map((r) => [r, key()]),
    ) as PlatformHarness['keys'];
  }

  /** Creates the database; call once in beforeAll. */
  async init(label: string): Promise<void> {
    this.databaseUrl = await createFreshDatabase(this.stack.DATABASE_URL, label);
  }

  env(): Record<string, string> {
    const entries = Object.entries(this.keys).map(([name, key]) => ({
      name,
      hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
      roles: [name === 'approver2' ? 'approver' : name],
    }));
    return {
      ...this.stack,
      DATABASE_URL: this.databaseUrl,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      AUTH_API_KEYS: JSON.stringify(entries),
      EVENT_RETRY_BACKOFF_MS: '50',
      LOG_LEVEL: 'warn',
      ...this.extraEnv,
    };
  }

  async start(service: ServiceName): Promise<ServiceProcess> {
    const port = this.ports.get(service) ?? (await freePort());
    this.ports.set(service, port);
    const proc = await startServiceProcess(service, this.env(), { port });
    this.processes.set(service, proc);
    return proc;
  }

  service(name: ServiceName): ServiceProcess {
    const proc = this.processes.get(name);
    if (!proc) throw new Error(`${name} is not running`);
    return proc;
  }

  /**
   * Stops the services, then removes what this test file created on the shared stack (its database and
   * its prefixed topics), so repeated runs on one machine do not pile up databases and partitions.
   */
  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((p) => p.kill('SIGTERM')));
    await this.dropTopics().catch(() => undefined);
    if (this.databaseUrl)
      await dropDatabase(this.stack.DATABASE_URL, this.databaseUrl).catch(() => undefined);
  }

  private async dropTopics(): Promise<void> {
    const admin = this.kafka().admin();
    await admin.connect();
    try {
      const mine = (await admin.listTopics()).filter((t) => t.startsWith(this.topicPrefix));
      if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 10_000 });
    } finally {
      await admin.disconnect();
    }
  }

  /** An HTTP call as the key of `as` (default admin); the body is parsed JSON (or undefined). */
  async request<T = unknown>(
    service: ServiceName,
    method: string,
    url: string,
    body?: unknown,
    as: KeyRole | 'approver2' | null = 'admin',
  ): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (as) headers['authorization'] = `Bearer ${this.keys[as]}`;
    const res = await fetch(`${this.service(service).url}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  sql<R = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<R[]> {
    return sql<R>(this.databaseUrl, text, params);
  }

  kafka(): Kafka {
    this.kafkaClient ??= new Kafka({
      clientId: 'llmops-test',
      brokers: this.stack.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    return this.kafkaClient;
  }

  /**
   * Produces a contract-valid event as the owning service would (CloudEvents headers, key = the
   * aggregate id); returns the event id.
   */
  async produce<T extends TopicName>(
    topic: T,
    data: EventPayload<T>,
    options: { id?: string } = {},
  ): Promise<string> {
    const id = options.id ?? uuidv7();
    const envelope = buildEnvelope(topic, data, { id, time: new Date().toISOString() });
    const producer = this.kafka().producer();
    await producer.connect();
    try {
      await producer.send({
        topic: this.topicPrefix + topic,
        messages: [
          {
            key: getEventDefinition(topic).keyOf(data as never),
            value: JSON.stringify(data),
            headers: encodeEnvelopeHeaders(envelope),
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    return id;
  }

  /** Every message on a topic from the beginning, once at least `minimum` arrived (plus a short settle). */
  async readTopic(topic: string, minimum: number, timeoutMs = 30_000): Promise<TopicMessageRead[]> {
    const consumer = this.kafka().consumer({
      groupId: `reader-${randomBytes(4).toString('hex')}`,
      maxWaitTimeInMs: 100,
    });
    const seen: TopicMessageRead[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topicPrefix + topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push({
          key: message.key?.toString() ?? '',
          value: message.value?.toString() ?? '',
          headers: headerValues(message.headers),
        });
        return Promise.resolve();
      },
    });
    try {
      await waitFor(`${minimum} messages on ${topic}`, () => (seen.length >= minimum ? true : undefined), {
        timeoutMs,
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      await consumer.disconnect();
    }
    return seen;
  }
}

function headerValues(h: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first.toString();
  }
  return out;
}
