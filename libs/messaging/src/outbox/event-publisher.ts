import { v7 as uuidv7 } from 'uuid';
import {
  encodeEnvelopeHeaders,
  getEventDefinition,
  parseEventData,
  type EventPayload,
  type TopicName,
} from '@llmops/contracts';
import { childTraceparent, newTraceparent, RequestContext } from '@llmops/observability';
import type { TransactionHost } from '@llmops/persistence';
import type { OutboxRelay } from './outbox-relay';

export interface PublishOptions {
  /** Message key: the aggregate id, so one aggregate's events stay in order. */
  key: string;
  /** CloudEvents subject; defaults to the key. */
  subject?: string;
}

/** One event for `publishMany`. */
export interface OutgoingEvent<T extends TopicName = TopicName> {
  topic: T;
  payload: EventPayload<T>;
  options: PublishOptions;
}

/** A payload that breaks its own contract: a programming error in the publishing service. */
export class EventContractError extends Error {
  readonly code = 'EVENT_CONTRACT_VIOLATION';
}

/**
 * Publishes a service's events through its transactional outbox: the event row commits (or rolls back)
 * with the state change of the surrounding `TransactionHost.run`, and the relay sends it afterwards.
 */
export class EventPublisher {
  constructor(
    private readonly service: string,
    private readonly txHost: TransactionHost,
    private readonly relay: OutboxRelay,
  ) {}

  /** Validates, stamps the CloudEvents attributes and writes the outbox row; returns the event id. */
  async publish<T extends TopicName>(
    topic: T,
    payload: EventPayload<T>,
    options: PublishOptions,
  ): Promise<string> {
    const [id] = await this.publishMany([{ topic, payload, options }]);
    return id ?? '';
  }

  /**
   * Several events in one outbox INSERT (one round trip), in the given order — for use cases that
   * announce many facts at once. All or none are written, with the surrounding transaction.
   */
  async publishMany(events: readonly OutgoingEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = events.map((event) => this.toRow(event));
    await this.txHost.run(async () => {
      await this.txHost.query(
        `INSERT INTO "${this.service}".outbox_events (event_id, topic, message_key, headers, payload)
         SELECT id, topic, message_key, headers, payload
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
           WITH ORDINALITY AS t(id, topic, message_key, headers, payload, ord)
         ORDER BY ord`, // seq follows the given order: it is the publish order per key
        [
          rows.map((r) => r.id),
          rows.map((r) => r.topic),
          rows.map((r) => r.key),
          rows.map((r) => r.headers),
          rows.map((r) => r.payload),
        ],
      );
      this.txHost.afterCommit(() => {
        this.relay.wake();
      });
    });
    return rows.map((r) => r.id);
  }

  private toRow({ topic, payload, options }: OutgoingEvent): {
    id: string;
    topic: string;
    key: string;
    headers: string;
    payload: string;
  } {
    const definition = getEventDefinition(topic as string); // callers may bypass the types (plain JS, casts)
    if (!definition) throw new EventContractError(`unknown topic ${topic}`);
    if (definition.service !== this.service) {
      throw new EventContractError(
        `${this.service} cannot publish ${topic}: it belongs to ${definition.service}`,
      );
    }
    const parsed = parseEventData(topic, payload);
    if (!parsed.ok) throw new EventContractError(`${topic}: ${parsed.error}`);

    const context = RequestContext.current();
    const id = uuidv7();
    const headers = encodeEnvelopeHeaders({
      specversion: '1.0',
      id,
      source: definition.source,
      type: definition.type,
      time: new Date().toISOString(),
      subject: options.subject ?? options.key,
      datacontenttype: 'application/json',
      traceparent: context?.traceparent ? childTraceparent(context.traceparent) : newTraceparent(),
      correlationid: context?.correlationId ?? id,
      ...(context?.causationId ? { causationid: context.causationId } : {}),
    });
    return {
      id,
      topic,
      key: options.key,
      headers: JSON.stringify(headers),
      payload: JSON.stringify(parsed.data),
    };
  }
}
