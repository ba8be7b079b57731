import type { DataSource } from 'typeorm';
import { EventTransport, type MessageSink, type Subscription, type WireMessage } from '@llmops/messaging';
import { TransactionHost } from '@llmops/persistence';
import { now, seqOf, type Stopwatch, type Timeline } from './stats';

const labels = new Map<string, string>();

/** Short label of a SQL statement: verb and table (`INSERT outbox_events`); cached, the texts are constants. */
function sqlLabel(sql: string): string {
  let label = labels.get(sql);
  if (label === undefined) {
    const text = sql.trim();
    const verb = /^\w+/.exec(text)?.[0].toUpperCase() ?? '?';
    const table = /(outbox_events|processed_events)/.exec(text)?.[1] ?? 'other';
    label = `${verb} ${table}`;
    labels.set(sql, label);
  }
  return label;
}

/**
 * The production TransactionHost, unchanged, plus timing: each top-level transaction (pool checkout,
 * BEGIN, the work, COMMIT) and each statement are added to a stopwatch.
 */
export class TimedTransactionHost extends TransactionHost {
  constructor(
    dataSource: DataSource,
    private readonly label: string,
    private readonly stopwatch: Stopwatch,
  ) {
    super(dataSource);
  }

  override async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return super.run(work);
    const started = now();
    try {
      return await super.run(work);
    } finally {
      this.stopwatch.add(`${this.label}: whole transaction`, now() - started);
    }
  }

  override async query<R = unknown>(sql: string, parameters?: unknown[]): Promise<R> {
    const started = now();
    try {
      return await super.query<R>(sql, parameters);
    } finally {
      this.stopwatch.add(`${this.label}: ${sqlLabel(sql)}`, now() - started);
    }
  }
}

/**
 * Wraps the production Kafka transport to timestamp each event when the relay's send is acknowledged
 * and when the consumer's sink receives it. Everything is delegated unchanged.
 */
export class TimedTransport extends EventTransport {
  constructor(
    private readonly inner: EventTransport,
    private readonly timeline: Timeline | undefined,
    private readonly stopwatch: Stopwatch,
    private readonly label: string,
  ) {
    super();
  }

  provisionTopics(topics: readonly string[], partitions: number): Promise<void> {
    return this.inner.provisionTopics(topics, partitions);
  }

  async send(messages: readonly WireMessage[]): Promise<void> {
    const started = now();
    await this.inner.send(messages);
    const at = now();
    this.stopwatch.add(`${this.label}: transport.send`, at - started);
    const timeline = this.timeline;
    if (!timeline) return;
    for (const m of messages) {
      const seq = seqOf(m.key);
      if (seq >= 0) timeline.sent[seq] = at;
    }
  }

  subscribe(groupId: string, topics: readonly string[], sink: MessageSink): Promise<Subscription> {
    const timeline = this.timeline;
    return this.inner.subscribe(groupId, topics, (messages, keepAlive) => {
      if (timeline) {
        const at = now();
        for (const message of messages) {
          const seq = seqOf(message.key);
          if (seq >= 0 && timeline.recv[seq] === 0) timeline.recv[seq] = at;
        }
      }
      return sink(messages, keepAlive);
    });
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
