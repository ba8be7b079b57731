import type { DataSource } from 'typeorm';
import { KafkaEventTransport, OutboxRelay } from '@llmops/messaging';
import { TimedTransactionHost, TimedTransport } from './instrumented';
import { relayOptions, serviceDataSource, TOPIC } from './layer';
import { cpuBetween, type CpuReport, now, round, sampleCpu, Stopwatch, waitFor } from './stats';

export interface RelayBenchOptions {
  brokers: string[];
  /** Prefix of the relay test's own topics: nobody consumes them, so only the relay is measured. */
  topicPrefix: string;
  databaseUrl: string;
  partitions: number;
  rows: number;
  payload: string;
  /** A real envelope (encodeEnvelopeHeaders output); ce_id / ce_subject are replaced per row. */
  headers: Record<string, string>;
}

export interface RelayResult {
  batchSize: number;
  pollMs: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  batches: number;
  /** `transactions`: time inside the relay's transaction(s), which include the send when it runs in one. */
  msPerBatch: { select: number; send: number; delete: number; transactions: number };
  cpu: CpuReport;
  disrupted?: string;
}

const SCHEMA = 'relaybench';

/**
 * Outbox relay throughput: fill the outbox with `rows` committed events in one bulk INSERT (relay not
 * running), then start a relay and time until it has published and deleted them all.
 */
export class RelayBench {
  private ds?: DataSource;
  private transport?: KafkaEventTransport;

  constructor(private readonly options: RelayBenchOptions) {}

  async run(batchSize: number, pollMs: number): Promise<RelayResult> {
    const o = this.options;
    this.ds ??= await serviceDataSource(o.databaseUrl, SCHEMA, 10);
    if (!this.transport) {
      this.transport = new KafkaEventTransport({
        brokers: o.brokers,
        clientId: 'bench-relay',
        topicPrefix: o.topicPrefix,
      });
      await this.transport.provisionTopics([TOPIC], o.partitions);
    }
    const ds = this.ds;
    await ds.query(`VACUUM ANALYZE "${SCHEMA}".outbox_events`);
    await ds.query(
      `INSERT INTO "${SCHEMA}".outbox_events (event_id, topic, message_key, headers, payload)
       SELECT id, $1, 'r' || g, $2::jsonb || jsonb_build_object('ce_id', id::text, 'ce_subject', 'r' || g), $3
       FROM (SELECT g, gen_random_uuid() AS id FROM generate_series(1, $4) AS g) AS s`,
      [TOPIC, JSON.stringify(o.headers), o.payload, o.rows],
    );
    const stopwatch = new Stopwatch();
    const txHost = new TimedTransactionHost(ds, 'relay', stopwatch);
    const transport = new TimedTransport(this.transport, undefined, stopwatch, 'relay');
    const relay = new OutboxRelay(
      txHost,
      transport,
      relayOptions({ schema: SCHEMA, batchSize, pollMs, listenUrl: o.databaseUrl }),
    );
    const cpuA = sampleCpu();
    const started = now();
    relay.start();
    const finished = await waitFor(() => relay.published >= o.rows, 180_000, 2);
    const seconds = (now() - started) / 1000;
    const cpuB = sampleCpu();
    await relay.stop();
    if (!finished) throw new Error(`relay published only ${relay.published} of ${o.rows} rows in 180 s`);
    const left = await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${SCHEMA}".outbox_events`);
    if (left[0]?.n !== 0) throw new Error(`${left[0]?.n} rows left in the outbox`);
    const t = stopwatch.snapshot();
    const batches = t['relay: transport.send']?.calls ?? 0;
    const per = (label: string): number => round((t[label]?.ms ?? 0) / Math.max(1, batches), 2);
    return {
      batchSize,
      pollMs,
      rows: o.rows,
      seconds: round(seconds, 2),
      rowsPerSecond: Math.round(o.rows / seconds),
      batches,
      msPerBatch: {
        select: per('relay: SELECT outbox_events'),
        send: per('relay: transport.send'),
        delete: per('relay: DELETE outbox_events'),
        transactions: per('relay: whole transaction'),
      },
      cpu: cpuBetween(cpuA, cpuB),
    };
  }

  async close(): Promise<void> {
    await this.transport?.close().catch(() => undefined);
    await this.ds?.destroy().catch(() => undefined);
  }
}
