import type { MigrationInterface, QueryRunner } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { encodeEnvelopeHeaders, Topics, type DatasetVersionCreatedV1 } from '@llmops/contracts';
import { createServiceDataSource, initializeDataSource, TransactionHost } from '@llmops/persistence';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EventConsumer, type EventHandlerFn } from './consumer/event-consumer';
import { TransientEventError } from './consumer/failure-policy';
import { EventPublisher } from './outbox/event-publisher';
import { messagingTablesMigration } from './outbox/messaging-tables.migration';
import { OutboxRelay } from './outbox/outbox-relay';
import type { ReceivedMessage } from './transport/event-transport';
import { InProcessEventTransport } from './transport/in-process-event-transport';
import { allTopics } from './transport.module';

/**
 * Standalone mode's guarantees, with the in-process transport and the embedded database (PGlite):
 * the same outbox, idempotency store, retry and dead-letter code paths as over Kafka.
 */

class EffectsTable1764300009000 implements MigrationInterface {
  name = 'EffectsTable1764300009000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE training.effects (version_id uuid, dataset_id uuid, version int)');
    await runner.query('CREATE TABLE ingestion.state (id uuid PRIMARY KEY)');
  }
  async down(): Promise<void> {}
}

const fixture = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', 'contracts', 'fixtures', `${Topics.datasetVersionCreated}.json`),
    'utf8',
  ),
) as DatasetVersionCreatedV1;

function event(datasetId: string, version: number): DatasetVersionCreatedV1 {
  return { ...fixture, datasetId, versionId: uuidv7(), version };
}

function message(data: unknown, key: string, id = uuidv7()): ReceivedMessage {
  return {
    topic: Topics.datasetVersionCreated,
    key,
    partition: 0,
    offset: '0',
    value: JSON.stringify(data),
    headers: encodeEnvelopeHeaders({
      specversion: '1.0',
      id,
      source: '/llmops/ingestion',
      type: 'io.llmops.ingestion.dataset-version-created.v1',
      time: new Date().toISOString(),
      subject: key,
      datacontenttype: 'application/json',
    }),
  };
}

describe('messaging in standalone mode (in-process transport, PGlite)', () => {
  let txHost: TransactionHost;
  let transport: InProcessEventTransport;
  const deadLetters: ReceivedMessage[] = [];
  const keepAlive = (): Promise<void> => Promise.resolve();

  async function effects(): Promise<{ version_id: string; dataset_id: string; version: number }[]> {
    return txHost.run(() => txHost.query('SELECT version_id, dataset_id, version FROM training.effects'));
  }

  const recordEffect: EventHandlerFn = async (msg) => {
    const data = msg.data as DatasetVersionCreatedV1;
    await txHost.query('INSERT INTO training.effects VALUES ($1, $2, $3)', [
      data.versionId,
      data.datasetId,
      data.version,
    ]);
  };

  function consumer(handler: EventHandlerFn, groupId = 'training'): EventConsumer {
    return new EventConsumer({
      groupId,
      schema: 'training',
      txHost,
      transport,
      handlers: new Map([[Topics.datasetVersionCreated, handler]]),
      maxAttempts: 3,
      retryBackoffMs: 1,
    });
  }

  beforeAll(async () => {
    const dataSource = createServiceDataSource({
      config: { driver: 'pglite', dataDir: 'memory://' },
      schema: 'training',
      migrations: [messagingTablesMigration('training')],
    });
    await initializeDataSource(dataSource, 'training');
    // The publishing side (ingestion) shares the embedded database, as in standalone mode.
    await dataSource.query('CREATE SCHEMA IF NOT EXISTS ingestion');
    const IngestionTables = messagingTablesMigration('ingestion');
    await new IngestionTables().up(dataSource.createQueryRunner());
    await new EffectsTable1764300009000().up(dataSource.createQueryRunner());
    txHost = new TransactionHost(dataSource);
    transport = new InProcessEventTransport();
    await transport.provisionTopics(allTopics(), 3);
    await transport.subscribe('dlq-reader', ['llmops.dlq.training'], (batch) => {
      deadLetters.push(...batch);
      return Promise.resolve();
    });
  }, 60_000);

  afterAll(async () => {
    await transport.close();
    await txHost.dataSource.destroy();
  });

  beforeEach(async () => {
    deadLetters.length = 0;
    await txHost.run(() => txHost.query('DELETE FROM training.effects'));
  });

  it('applies a redelivered event once', async () => {
    const sut = consumer(recordEffect);
    const m = message(event(uuidv7(), 1), 'k');
    expect(await sut.deliver(m, keepAlive)).toBe('handled');
    expect(await sut.deliver(m, keepAlive)).toBe('duplicate');
    expect(await effects()).toHaveLength(1);
  });

  it('dead-letters a message that breaks its schema at once, naming the field', async () => {
    const sut = consumer(recordEffect);
    const outcome = await sut.deliver(message({ datasetId: 'not-a-uuid' }, 'k'), keepAlive);
    expect(outcome).toBe('dead-lettered');
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.headers['llmops_dlq_error_code']).toBe('EVENT_SCHEMA_INVALID');
    expect(deadLetters[0]?.headers['llmops_dlq_error_message']).toMatch(/datasetId/);
    expect(deadLetters[0]?.headers['llmops_dlq_attempts']).toBe('1');
  });

  it('retries a failing handler, rolling back each failed attempt, then succeeds', async () => {
    let calls = 0;
    const sut = consumer(async (msg, ctx) => {
      calls++;
      await recordEffect(msg, ctx);
      if (ctx.attempt < 3) throw new Error('flaky');
    });
    expect(await sut.deliver(message(event(uuidv7(), 1), 'k'), keepAlive)).toBe('handled');
    expect(calls).toBe(3);
    expect(await effects()).toHaveLength(1); // the two failed attempts left nothing behind
    expect(deadLetters).toHaveLength(0);
  });

  it('dead-letters a poison message after the bounded retries and keeps the key flowing', async () => {
    const datasetId = uuidv7();
    const sut = consumer(async (msg, ctx) => {
      if ((msg.data as DatasetVersionCreatedV1).version === 1) throw new Error('cannot apply version 1');
      await recordEffect(msg, ctx);
    });
    expect(await sut.deliver(message(event(datasetId, 1), datasetId), keepAlive)).toBe('dead-lettered');
    expect(await sut.deliver(message(event(datasetId, 2), datasetId), keepAlive)).toBe('handled');
    expect(deadLetters[0]?.headers['llmops_dlq_error_code']).toBe('HANDLER_FAILED');
    expect(deadLetters[0]?.headers['llmops_dlq_attempts']).toBe('3');
    expect(deadLetters[0]?.headers['llmops_dlq_error_message']).toBe('cannot apply version 1');
    expect((await effects()).map((e) => e.version)).toEqual([2]);
  });

  it('applies a clean batch in one go and a redelivered batch not at all', async () => {
    const sut = consumer(recordEffect);
    const datasetId = uuidv7();
    const batch = [1, 2, 3].map((v) => message(event(datasetId, v), datasetId));
    expect(await sut.deliverBatch([...batch, batch[0]!], keepAlive)).toEqual([
      'handled',
      'handled',
      'handled',
      'duplicate',
    ]);
    expect(await sut.deliverBatch(batch, keepAlive)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await effects()).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('isolates a poison message inside a batch: it is dead-lettered, the rest applied once, in order', async () => {
    const datasetId = uuidv7();
    const sut = consumer(async (msg, ctx) => {
      await recordEffect(msg, ctx); // the failing attempt's effect must roll back
      if ((msg.data as DatasetVersionCreatedV1).version === 2) throw new Error('cannot apply version 2');
    });
    const batch = [1, 2, 3, 4].map((v) => message(event(datasetId, v), datasetId));
    const invalid = message({ datasetId }, datasetId);
    const outcomes = await sut.deliverBatch([batch[0]!, invalid, batch[1]!, batch[2]!, batch[3]!], keepAlive);
    expect(outcomes).toEqual(['handled', 'dead-lettered', 'dead-lettered', 'handled', 'handled']);
    expect((await effects()).map((e) => e.version)).toEqual([1, 3, 4]);
    expect(deadLetters.map((d) => d.headers['llmops_dlq_error_code'])).toEqual([
      'EVENT_SCHEMA_INVALID',
      'HANDLER_FAILED',
    ]);
  });

  it('waits out an infrastructure outage instead of dead-lettering', async () => {
    let outage = 5;
    const sut = consumer(async (msg, ctx) => {
      if (outage-- > 0) throw new TransientEventError('database unreachable');
      await recordEffect(msg, ctx);
    });
    expect(await sut.deliver(message(event(uuidv7(), 1), 'k'), keepAlive)).toBe('handled');
    expect(deadLetters).toHaveLength(0);
  });

  it('publishes through the outbox only when the transaction commits, and delivers in order per key', async () => {
    const relay = new OutboxRelay(txHost, transport, { schema: 'ingestion', batchSize: 100, pollMs: 20 });
    const publisher = new EventPublisher('ingestion', txHost, relay);
    const sut = consumer(recordEffect, 'training-e2e');
    const subscription = await transport.subscribe('training-e2e', [Topics.datasetVersionCreated], sut.sink);
    relay.start();
    try {
      const datasetId = uuidv7();
      await expect(
        txHost.run(async () => {
          await txHost.query('INSERT INTO ingestion.state VALUES ($1)', [uuidv7()]);
          await publisher.publish(Topics.datasetVersionCreated, event(datasetId, 99), { key: datasetId });
          throw new Error('the use case fails after publishing');
        }),
      ).rejects.toThrow('the use case fails');
      for (let version = 1; version <= 20; version++) {
        await txHost.run(async () => {
          await txHost.query('INSERT INTO ingestion.state VALUES ($1)', [uuidv7()]);
          await publisher.publish(Topics.datasetVersionCreated, event(datasetId, version), {
            key: datasetId,
          });
        });
      }
      const deadline = Date.now() + 10_000;
      while ((await effects()).length < 20 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect((await effects()).map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const [state] = await txHost.run(() =>
        txHost.query<{ n: string }[]>('SELECT count(*) AS n FROM ingestion.state'),
      );
      expect(Number(state?.n)).toBe(20); // the rolled-back state change and its event are both gone
    } finally {
      await relay.stop();
      await subscription.close();
    }
  });

  it('publishes many events with one outbox insert, in order, all or none', async () => {
    const relay = new OutboxRelay(txHost, transport, { schema: 'ingestion', batchSize: 100, pollMs: 20 });
    const publisher = new EventPublisher('ingestion', txHost, relay);
    const sut = consumer(recordEffect, 'training-many');
    const subscription = await transport.subscribe('training-many', [Topics.datasetVersionCreated], sut.sink);
    relay.start();
    try {
      const datasetId = uuidv7();
      const events = [1, 2, 3, 4, 5].map((version) => ({
        topic: Topics.datasetVersionCreated,
        payload: event(datasetId, version),
        options: { key: datasetId },
      }));
      await expect(
        publisher.publishMany([
          ...events,
          { ...events[0]!, payload: { datasetId: 'x' } as unknown as DatasetVersionCreatedV1 },
        ]),
      ).rejects.toMatchObject({ code: 'EVENT_CONTRACT_VIOLATION' });
      const ids = await txHost.run(() => publisher.publishMany(events));
      expect(new Set(ids).size).toBe(5);
      const deadline = Date.now() + 10_000;
      const mine = async (): Promise<number[]> =>
        (await effects()).filter((e) => e.dataset_id === datasetId).map((e) => e.version);
      while ((await mine()).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await mine()).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await relay.stop();
      await subscription.close();
    }
  });

  it('refuses to publish a payload that breaks its contract', async () => {
    const relay = new OutboxRelay(txHost, transport, { schema: 'ingestion', batchSize: 100, pollMs: 20 });
    const publisher = new EventPublisher('ingestion', txHost, relay);
    await expect(
      publisher.publish(
        Topics.datasetVersionCreated,
        { datasetId: 'x' } as unknown as DatasetVersionCreatedV1,
        { key: 'x' },
      ),
    ).rejects.toMatchObject({ code: 'EVENT_CONTRACT_VIOLATION' });
  });
});
