import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { TransactionHost } from '@llmops/persistence';
import type { EventTransport, WireMessage } from '../transport/event-transport';
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
  /** True for Kafka (one transaction per batch); false for the in-process transport. */
  sendInsideTransaction?: boolean;
}

function toWire(r: OutboxRow): WireMessage {
  return { topic: r.topic, key: r.message_key, headers: r.headers, value: r.payload };
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
    const sent = this.options.sendInsideTransaction
      ? await this.publishInOneTransaction()
      : await this.publishInTwo();
    if (sent > 0) {
      this.publishedTotal += sent;
      this.options.metrics?.published(this.options.schema, sent);
    }
    return sent;
  }

  /**
   * Kafka: lock, read, send, delete and commit in one transaction. The advisory lock makes one relay per
   * schema the leader, so replicas never interleave a key's events; a failed send rolls everything back.
   */
  private publishInOneTransaction(): Promise<number> {
    return this.txHost.run(async () => {
      const [lock] = await this.txHost.query<{ leader: boolean }[]>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS leader',
        [`llmops-outbox:${this.options.schema}`],
      );
      if (!lock?.leader) return 0;
      const rows = await this.readBatch();
      if (rows.length === 0) return 0;
      await this.transport.send(rows.map(toWire));
      await this.deleteRows(rows);
      return rows.length;
    });
  }

  /**
   * In-process transport: `send` runs the consumers' own transactions, which on the embedded database
   * wait for this one to end — so read, send and delete are separate steps (a crash in between resends).
   */
  private async publishInTwo(): Promise<number> {
    const rows = await this.txHost.run(() => this.readBatch());
    if (rows.length === 0) return 0;
    await this.transport.send(rows.map(toWire));
    await this.txHost.run(() => this.deleteRows(rows));
    return rows.length;
  }

  private readBatch(): Promise<OutboxRow[]> {
    return this.txHost.query<OutboxRow[]>(
      `SELECT seq, topic, message_key, headers, payload FROM "${this.options.schema}".outbox_events
       ORDER BY seq LIMIT $1`,
      [this.options.batchSize],
    );
  }

  private async deleteRows(rows: OutboxRow[]): Promise<void> {
    await this.txHost.query(
      `DELETE FROM "${this.options.schema}".outbox_events WHERE seq = ANY($1::bigint[])`,
      [rows.map((r) => r.seq)],
    );
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
