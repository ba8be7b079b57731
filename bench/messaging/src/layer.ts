import type { DataSource } from 'typeorm';
import { dlqTopic, type EventPayload } from '@llmops/contracts';
import {
  EventConsumer,
  type EventHandlerFn,
  EventPublisher,
  KafkaEventTransport,
  messagingTablesMigration,
  OutboxRelay,
  type OutboxRelayOptions,
  type Subscription,
} from '@llmops/messaging';
import { createServiceDataSource, initializeDataSource } from '@llmops/persistence';
import { TimedTransactionHost, TimedTransport } from './instrumented';
import { keyOf, now, seqOf, type Stopwatch, type Timeline, waitFor } from './stats';

/** The event used by every layer scenario: owned by serving, consumed here by monitoring. */
export const TOPIC = 'llmops.serving.inference-logged.v1';
export const PUBLISHER_SERVICE = 'serving';
export const CONSUMER_SERVICE = 'monitoring';

export interface LayerOptions {
  brokers: string[];
  topicPrefix: string;
  databaseUrl: string;
  partitions: number;
  poolSize: number;
  relayBatchSize: number;
  relayPollMs: number;
  payload: EventPayload<typeof TOPIC>;
  timeline: Timeline;
  stopwatch: Stopwatch;
  /** Experiment: drop the outbox NOTIFY trigger (the in-process wake-up still runs) to see what it costs. */
  withoutNotify?: boolean;
}

/**
 * The relay options MessagingModule passes for Kafka. `sendInsideTransaction` (one transaction per batch)
 * is set the way the module sets it; a variable, not a literal, so the bench also compiles against a
 * libs/messaging that does not have the option.
 */
export function relayOptions(base: OutboxRelayOptions): OutboxRelayOptions {
  const options = { ...base, sendInsideTransaction: true };
  return options;
}

export async function serviceDataSource(url: string, schema: string, poolSize: number): Promise<DataSource> {
  const ds = createServiceDataSource({
    config: { driver: 'postgres', url, poolSize },
    schema,
    migrations: [messagingTablesMigration(schema)],
  });
  await initializeDataSource(ds, schema);
  return ds;
}

/**
 * The llmops path, wired as a service host wires it (one process-wide Kafka transport; per service a
 * DataSource + TransactionHost, the outbox publisher and relay with LISTEN/NOTIFY, the idempotent consumer):
 * EventPublisher.publish (zod validation, envelope, outbox INSERT in the caller's transaction) →
 * OutboxRelay (SELECT batch, Kafka sendBatch acks=all, DELETE) → KafkaEventTransport consumer (eachBatch)
 * → EventConsumer (envelope + payload validation, processed_events INSERT + handler in one transaction).
 */
export class LayerBench {
  private pubDs?: DataSource;
  private consDs?: DataSource;
  pubTx!: TimedTransactionHost;
  /** The relay's own small pool, as MessagingModule wires it on PostgreSQL. */
  relayTx!: TimedTransactionHost;
  private relayDs?: DataSource;
  consTx!: TimedTransactionHost;
  private transport!: TimedTransport;
  relay!: OutboxRelay;
  publisher!: EventPublisher;
  consumer!: EventConsumer;
  private subscription?: Subscription;
  private readonly probes = new Map<string, () => void>();
  errors = 0;

  constructor(private readonly options: LayerOptions) {}

  /** Wires everything and starts the relay; with `consume`, also the consumer (see `consume`). */
  async start(consume = true): Promise<void> {
    const o = this.options;
    this.pubDs = await serviceDataSource(o.databaseUrl, PUBLISHER_SERVICE, o.poolSize);
    this.consDs = await serviceDataSource(o.databaseUrl, CONSUMER_SERVICE, o.poolSize);
    // Each scenario gets fresh topics; rows a previous (overloaded) scenario left behind are not its business.
    await this.pubDs.query(`TRUNCATE "${PUBLISHER_SERVICE}".outbox_events`);
    await this.pubDs.query(
      o.withoutNotify
        ? `DROP TRIGGER IF EXISTS outbox_events_notify ON "${PUBLISHER_SERVICE}".outbox_events`
        : `CREATE OR REPLACE TRIGGER outbox_events_notify AFTER INSERT ON "${PUBLISHER_SERVICE}".outbox_events
           FOR EACH STATEMENT EXECUTE FUNCTION "${PUBLISHER_SERVICE}".notify_outbox()`,
    );
    this.pubTx = new TimedTransactionHost(this.pubDs, 'publisher', o.stopwatch);
    this.relayDs = await serviceDataSource(o.databaseUrl, PUBLISHER_SERVICE, 2);
    this.relayTx = new TimedTransactionHost(this.relayDs, 'relay', o.stopwatch);
    this.consTx = new TimedTransactionHost(this.consDs, 'consumer', o.stopwatch);
    const kafka = new KafkaEventTransport({
      brokers: o.brokers,
      clientId: 'bench-layer',
      topicPrefix: o.topicPrefix,
    });
    this.transport = new TimedTransport(kafka, o.timeline, o.stopwatch, 'relay');
    await this.transport.provisionTopics([TOPIC, dlqTopic(CONSUMER_SERVICE)], o.partitions);

    this.relay = new OutboxRelay(
      this.relayTx,
      this.transport,
      relayOptions({
        schema: PUBLISHER_SERVICE,
        batchSize: o.relayBatchSize,
        pollMs: o.relayPollMs,
        listenUrl: o.databaseUrl,
      }),
    );
    this.publisher = new EventPublisher(PUBLISHER_SERVICE, this.pubTx, this.relay);

    const handler: EventHandlerFn = (event) => {
      const subject = event.envelope.subject;
      this.consTx.afterCommit(() => {
        const seq = seqOf(subject);
        if (seq >= 0) o.timeline.markDone(seq);
        else this.probes.get(subject)?.();
      });
      return Promise.resolve();
    };
    this.consumer = new EventConsumer({
      groupId: CONSUMER_SERVICE,
      schema: CONSUMER_SERVICE,
      txHost: this.consTx,
      transport: this.transport,
      handlers: new Map([[TOPIC, handler]]),
      maxAttempts: 3,
      retryBackoffMs: 100,
    });
    this.relay.start();
    if (consume) await this.consume(true);
  }

  /** Subscribes the consumer (from the beginning); with `probe`, returns once an event went end to end. */
  async consume(probe: boolean): Promise<void> {
    this.subscription = await this.transport.subscribe(CONSUMER_SERVICE, [TOPIC], this.consumer.sink);
    if (probe) await this.probe();
  }

  /** Publishes one event and waits until the consumer has handled it end to end. */
  async probe(): Promise<void> {
    const key = `probe-${Date.now()}`;
    let seen = false;
    this.probes.set(key, () => (seen = true));
    await this.pubTx.run(() => this.publisher.publish(TOPIC, this.options.payload, { key }));
    if (!(await waitFor(() => seen, 60_000)))
      throw new Error('layer consumer did not handle the probe within 60 s');
    this.probes.delete(key);
  }

  /** One transaction per event, as a service writes its state change and event together. */
  async publishEach(seqs: number[]): Promise<void> {
    await Promise.all(seqs.map((seq) => this.publishTx([seq])));
  }

  /** One transaction holding every given event (a use case that emits several events at once). */
  async publishTx(seqs: number[]): Promise<void> {
    const { timeline, payload } = this.options;
    try {
      await this.pubTx.run(async () => {
        if (seqs.length === 1) {
          await this.publisher.publish(TOPIC, payload, { key: keyOf(seqs[0] ?? 0) });
        } else {
          // Several events of one use case: one multi-row outbox INSERT.
          await this.publisher.publishMany(
            seqs.map((seq) => ({ topic: TOPIC, payload, options: { key: keyOf(seq) } })),
          );
        }
      });
      const at = now();
      for (const seq of seqs) timeline.ack[seq] = at;
    } catch {
      this.errors += seqs.length;
    }
  }

  async close(): Promise<void> {
    this.consumer.stop();
    await this.relay.stop();
    await this.subscription?.close().catch(() => undefined);
    await this.transport.close().catch(() => undefined);
    await this.pubDs?.destroy().catch(() => undefined);
    await this.relayDs?.destroy().catch(() => undefined);
    await this.consDs?.destroy().catch(() => undefined);
  }
}
