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
    await this.txHost.run(async () => {
      await this.txHost.query(
        `INSERT INTO "${this.service}".outbox_events (event_id, topic, message_key, headers, payload)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, topic, options.key, JSON.stringify(headers), JSON.stringify(parsed.data)],
      );
      this.txHost.afterCommit(() => {
        this.relay.wake();
      });
    });
    return id;
  }
}
