import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { TransactionHost } from '@llmops/persistence';
import type { EventTransport } from '../transport/event-transport';
import { outboxChannel } from './messaging-tables.migration';
import type { MessagingMetrics } from '../messaging-metrics';

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

export interface OutboxRelayOptions {
  schema: string;
  batchSize: number;
  pollMs: number;
  /** PostgreSQL URL to LISTEN on; absent for the embedded database (wake-ups are in-process there). */
  listenUrl?: string;
  metrics?: MessagingMetrics;
}

/**
 * Moves committed outbox rows to the transport in `seq` order and deletes them once sent. Woken at
 * once by in-process commits and by LISTEN/NOTIFY, with polling as the fallback; when the broker is down
 * the rows wait in the table and the relay retries with backoff.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private pending = false;
  private listener?: Client;
  private publishedTotal = 0;

  constructor(
    private readonly txHost: TransactionHost,
    private readonly transport: EventTransport,
    private readonly options: OutboxRelayOptions,
  ) {
    this.logger = new Logger(`OutboxRelay:${options.schema}`);
  }

  get published(): number {
    return this.publishedTotal;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    if (this.options.listenUrl) void this.listen(this.options.listenUrl);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }

  /** Something was committed: publish now instead of at the next poll. */
  wake(): void {
    this.pending = true;
    this.wakeUp?.();
  }

  /** Publishes one batch; returns how many rows went out. */
  async publishBatch(): Promise<number> {
    const s = `"${this.options.schema}"`;
    const rows = await this.txHost.run(() =>
      this.txHost.query<OutboxRow[]>(
        `SELECT seq, topic, message_key, headers, payload FROM ${s}.outbox_events ORDER BY seq LIMIT $1`,
        [this.options.batchSize],
      ),
    );
    if (rows.length === 0) return 0;
    await this.transport.send(
      rows.map((r) => ({ topic: r.topic, key: r.message_key, headers: r.headers, value: r.payload })),
    );
    await this.txHost.run(() =>
      this.txHost.query(`DELETE FROM ${s}.outbox_events WHERE seq = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]),
    );
    this.publishedTotal += rows.length;
    this.options.metrics?.published(this.options.schema, rows.length);
    return rows.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.pending = false;
      let sent = 0;
      try {
        sent = await this.publishBatch();
        if (failures > 0) this.logger.log(`publishing again after ${failures} failed attempts`);
        failures = 0;
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(`outbox publish failed (attempt ${failures}): ${String(error)}`);
        }
        await this.sleep(Math.min(5000, 100 * 2 ** Math.min(failures, 6)));
        continue;
      }
      if (sent < this.options.batchSize && !this.hasPendingWork()) await this.sleep(this.options.pollMs);
    }
  }

  // Read through methods: wake() and stop() change these while the loop awaits, which flow analysis cannot see.
  private hasPendingWork(): boolean {
    return this.pending;
  }

  private isRunning(): boolean {
    return this.running;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async listen(url: string): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: url,
        application_name: `llmops-relay-${this.options.schema}`,
      });
      this.listener = client;
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => {
            resolve();
          });
          client.on('end', () => {
            resolve();
          });
        });
        client.on('notification', () => {
          this.wake();
        });
        await client.connect();
        await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
        this.wake(); // catch up on anything committed while we were not listening
        await closed;
      } catch {
        // the database is down: polling keeps the relay going; try listening again shortly
      }
      await client.end().catch(() => undefined);
      if (this.isRunning()) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
