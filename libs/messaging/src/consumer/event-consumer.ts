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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Turns a delivered message into exactly one effect: validate it against its contract, then run the
 * handler and record the event id in one transaction (a redelivery finds the id and is skipped).
 * Handler failures are retried with backoff, then dead-lettered with the error in headers;
 * infrastructure outages are waited out so no good message is dead-lettered because Postgres restarted.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private stopping = false;
  readonly counts = { handled: 0, duplicate: 0, deadLettered: 0, ignored: 0 };

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = new Logger(`EventConsumer:${options.groupId}`);
  }

  readonly sink: MessageSink = async (message, keepAlive) => {
    const started = performance.now();
    const outcome = await this.deliver(message, keepAlive);
    const metrics = this.options.metrics ?? noMessagingMetrics;
    metrics.delivered(this.options.groupId, message.topic, outcome, (performance.now() - started) / 1000);
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
  };

  stop(): void {
    this.stopping = true;
  }

  async deliver(message: ReceivedMessage, keepAlive: () => Promise<void>): Promise<DeliveryOutcome> {
    const handler = this.options.handlers.get(message.topic);
    if (!handler) return 'ignored';

    const envelope = decodeEnvelopeHeaders(message.headers);
    if (!envelope.ok) return this.deadLetter(message, 'EVENT_ENVELOPE_INVALID', envelope.error, 1, keepAlive);
    let json: unknown;
    try {
      json = JSON.parse(message.value);
    } catch {
      return this.deadLetter(message, 'EVENT_NOT_JSON', 'the message value is not JSON', 1, keepAlive);
    }
    const data = parseEventData(message.topic, json);
    if (!data.ok) return this.deadLetter(message, 'EVENT_SCHEMA_INVALID', data.error, 1, keepAlive);
    const event: EventMessage = { envelope: envelope.envelope, data: data.data };

    for (let attempt = 1, outage = 0; ;) {
      try {
        return await this.handleOnce(message, event, handler, attempt);
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

  private async handleOnce(
    message: ReceivedMessage,
    event: EventMessage,
    handler: EventHandlerFn,
    attempt: number,
  ): Promise<DeliveryOutcome> {
    const { txHost, schema, groupId } = this.options;
    const context = new EventContext(message.topic, message.partition, message.offset, groupId, attempt);
    return txHost.run(async () => {
      const claimed = await txHost.query<unknown[]>(
        `INSERT INTO "${schema}".processed_events (consumer_group, event_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [groupId, event.envelope.id, message.topic],
      );
      if (claimed.length === 0) return 'duplicate';
      const { envelope } = event;
      await RequestContext.run(
        {
          correlationId: envelope.correlationid ?? envelope.id,
          traceparent: envelope.traceparent ? childTraceparent(envelope.traceparent) : newTraceparent(),
          causationId: envelope.id,
        },
        () => handler(event, context),
      );
      return 'handled';
    });
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
