import { Logger } from '@nestjs/common';
import { decodeEnvelopeHeaders, parseEventData, type EventMessage } from '@llmops/contracts';
import { childTraceparent, newTraceparent, RequestContext } from '@llmops/observability';
import type { TransactionHost } from '@llmops/persistence';
import type { EventTransport, MessageSink, ReceivedMessage } from '../transport/event-transport';
import { deadLetterMessage } from './dead-letter';
import { EventContext } from './event-context';
import { classifyFailure, errorCode, errorMessage } from './failure-policy';
import { noMessagingMetrics, type MessagingMetrics } from '../messaging-metrics';

export type EventHandlerFn = (message: EventMessage, context: EventContext) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  /** Schema of the service's idempotency store. */
  schema: string;
  txHost: TransactionHost;
  transport: EventTransport;
  handlers: ReadonlyMap<string, EventHandlerFn>;
  maxAttempts: number;
  retryBackoffMs: number;
  metrics?: MessagingMetrics;
}

export type DeliveryOutcome = 'handled' | 'duplicate' | 'dead-lettered' | 'ignored';

/** A message that passed validation and has a handler. */
interface Prepared {
  message: ReceivedMessage;
  event: EventMessage;
  handler: EventHandlerFn;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns delivered messages into exactly one effect each: validate against the contract, then run the
 * handler and record the event id in one transaction (a redelivery finds the id and is skipped).
 *
 * A fetched batch is first applied in ONE transaction (one multi-row claim, the handlers in order, one
 * commit) — the common case, and the cheap one. If any handler fails, that transaction rolls back and the
 * batch is replayed message by message: each failing message is retried with backoff, then dead-lettered
 * with the error in headers, while the others go through. Infrastructure outages are waited out, so no
 * good message is dead-lettered because Postgres restarted.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private stopping = false;
  readonly counts: Record<'handled' | 'duplicate' | 'deadLettered' | 'ignored', number> = {
    handled: 0,
    duplicate: 0,
    deadLettered: 0,
    ignored: 0,
  };

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = new Logger(`EventConsumer:${options.groupId}`);
  }

  /** Handles a batch from one partition (or one key lane), in order. */
  readonly sink: MessageSink = async (messages, keepAlive) => {
    const started = performance.now();
    const outcomes = await this.deliverBatch(messages, keepAlive);
    const seconds = (performance.now() - started) / 1000 / Math.max(1, messages.length);
    const metrics = this.options.metrics ?? noMessagingMetrics;
    outcomes.forEach((outcome, i) => {
      this.count(outcome);
      metrics.delivered(this.options.groupId, messages[i]?.topic ?? '', outcome, seconds);
    });
  };

  stop(): void {
    this.stopping = true;
  }

  /** One message on its own (the slow path, and what tests drive directly). */
  async deliver(message: ReceivedMessage, keepAlive: () => Promise<void>): Promise<DeliveryOutcome> {
    const prepared = await this.prepare(message, keepAlive);
    return 'outcome' in prepared ? prepared.outcome : this.deliverWithRetries(prepared, keepAlive);
  }

  async deliverBatch(
    messages: readonly ReceivedMessage[],
    keepAlive: () => Promise<void>,
  ): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = new Array<DeliveryOutcome>(messages.length).fill('ignored');
    const ready: { index: number; prepared: Prepared }[] = [];
    for (const [index, message] of messages.entries()) {
      const prepared = await this.prepare(message, keepAlive);
      if ('outcome' in prepared) outcomes[index] = prepared.outcome;
      else ready.push({ index, prepared });
    }
    if (ready.length > 1) {
      const together = await this.tryBatchTransaction(
        ready.map((r) => r.prepared),
        keepAlive,
      );
      if (together) {
        together.forEach((outcome, i) => (outcomes[ready[i]?.index ?? 0] = outcome));
        return outcomes;
      }
    }
    for (const { index, prepared } of ready)
      outcomes[index] = await this.deliverWithRetries(prepared, keepAlive);
    return outcomes;
  }

  private count(outcome: DeliveryOutcome): void {
    switch (outcome) {
      case 'handled':
        this.counts.handled++;
        break;
      case 'duplicate':
        this.counts.duplicate++;
        break;
      case 'dead-lettered':
        this.counts.deadLettered++;
        break;
      case 'ignored':
        this.counts.ignored++;
        break;
    }
  }

  /** Validates one message; an invalid one is dead-lettered at once (no retry can fix it). */
  private async prepare(
    message: ReceivedMessage,
    keepAlive: () => Promise<void>,
  ): Promise<Prepared | { outcome: DeliveryOutcome }> {
    const handler = this.options.handlers.get(message.topic);
    if (!handler) return { outcome: 'ignored' };
    const envelope = decodeEnvelopeHeaders(message.headers);
    if (!envelope.ok) {
      return {
        outcome: await this.deadLetter(message, 'EVENT_ENVELOPE_INVALID', envelope.error, 1, keepAlive),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(message.value);
    } catch {
      return {
        outcome: await this.deadLetter(
          message,
          'EVENT_NOT_JSON',
          'the message value is not JSON',
          1,
          keepAlive,
        ),
      };
    }
    const data = parseEventData(message.topic, json);
    if (!data.ok)
      return { outcome: await this.deadLetter(message, 'EVENT_SCHEMA_INVALID', data.error, 1, keepAlive) };
    return { message, handler, event: { envelope: envelope.envelope, data: data.data } };
  }

  /**
   * The fast path: the whole batch in one transaction. Returns undefined when a handler failed (the
   * transaction rolled back; the caller isolates the failing message).
   */
  private async tryBatchTransaction(
    batch: Prepared[],
    keepAlive: () => Promise<void>,
  ): Promise<DeliveryOutcome[] | undefined> {
    const { txHost, schema, groupId } = this.options;
    for (let outage = 0; ;) {
      try {
        return await txHost.run(async () => {
          const claimed = await txHost.query<{ event_id: string }[]>(
            `INSERT INTO "${schema}".processed_events (consumer_group, event_id, topic)
             SELECT $1, id, topic FROM unnest($2::uuid[], $3::text[]) AS t(id, topic)
             ON CONFLICT DO NOTHING RETURNING event_id`,
            [groupId, batch.map((p) => p.event.envelope.id), batch.map((p) => p.message.topic)],
          );
          const fresh = new Set(claimed.map((row) => row.event_id.toLowerCase()));
          const outcomes: DeliveryOutcome[] = [];
          for (const prepared of batch) {
            // delete: the same id twice in one batch is applied once
            if (!fresh.delete(prepared.event.envelope.id.toLowerCase())) {
              outcomes.push('duplicate');
              continue;
            }
            await this.runHandler(prepared, 1);
            outcomes.push('handled');
          }
          return outcomes;
        });
      } catch (error) {
        if (classifyFailure(error) !== 'infrastructure') return undefined;
        outage++;
        if (outage === 1 || outage % 20 === 0)
          this.logger.warn(`waiting out an outage (${outage}): ${errorMessage(error)}`);
        await this.pause(Math.min(5000, this.options.retryBackoffMs * 2 ** Math.min(outage, 6)), keepAlive);
      }
    }
  }

  private async deliverWithRetries(
    prepared: Prepared,
    keepAlive: () => Promise<void>,
  ): Promise<DeliveryOutcome> {
    const { message } = prepared;
    for (let attempt = 1, outage = 0; ;) {
      try {
        return await this.handleOnce(prepared, attempt);
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === 'infrastructure') {
          outage++;
          if (outage === 1 || outage % 20 === 0) {
            this.logger.warn(`waiting out an outage (${outage}): ${errorMessage(error)}`);
          }
          await this.pause(Math.min(5000, this.options.retryBackoffMs * 2 ** Math.min(outage, 6)), keepAlive);
          continue;
        }
        if (kind === 'permanent' || attempt >= this.options.maxAttempts) {
          return this.deadLetter(message, errorCode(error), errorMessage(error), attempt, keepAlive);
        }
        await this.pause(this.options.retryBackoffMs * 2 ** (attempt - 1), keepAlive);
        attempt++;
      }
    }
  }

  private async handleOnce(prepared: Prepared, attempt: number): Promise<DeliveryOutcome> {
    const { txHost, schema, groupId } = this.options;
    return txHost.run(async () => {
      const claimed = await txHost.query<unknown[]>(
        `INSERT INTO "${schema}".processed_events (consumer_group, event_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, prepared.event.envelope.id, prepared.message.topic],
      );
      if (claimed.length === 0) return 'duplicate';
      await this.runHandler(prepared, attempt);
      return 'handled';
    });
  }

  /** Runs the handler in a request context built from the event, so what it publishes is linked to it. */
  private async runHandler({ message, event, handler }: Prepared, attempt: number): Promise<void> {
    const { envelope } = event;
    const context = new EventContext(
      message.topic,
      message.partition,
      message.offset,
      this.options.groupId,
      attempt,
    );
    await RequestContext.run(
      {
        correlationId: envelope.correlationid ?? envelope.id,
        traceparent: envelope.traceparent ? childTraceparent(envelope.traceparent) : newTraceparent(),
        causationId: envelope.id,
      },
      () => handler(event, context),
    );
  }

  private async deadLetter(
    message: ReceivedMessage,
    code: string,
    text: string,
    attempts: number,
    keepAlive: () => Promise<void>,
  ): Promise<DeliveryOutcome> {
    this.logger.warn(
      `dead-lettering ${message.topic}/${message.partition}@${message.offset}: ${code} ${text}`,
    );
    const dead = deadLetterMessage(message, this.options.groupId, { code, message: text, attempts });
    for (let failures = 0; ; failures++) {
      try {
        await this.options.transport.send([dead]);
        return 'dead-lettered';
      } catch (error) {
        if (failures === 0) this.logger.warn(`dead-letter topic unreachable: ${errorMessage(error)}`);
        await this.pause(Math.min(5000, 200 * 2 ** Math.min(failures, 5)), keepAlive);
      }
    }
  }

  /** Waits, keeping the group membership alive; gives up the message when the consumer is stopping. */
  private async pause(ms: number, keepAlive: () => Promise<void>): Promise<void> {
    let left = ms;
    while (left > 0) {
      if (this.stopping) throw new Error('consumer stopping: message left for redelivery');
      const step = Math.min(left, 1000);
      await sleep(step);
      left -= step;
      await keepAlive();
    }
  }
}
