import { decodeEnvelopeHeaders, type EventEnvelope, type HeaderValue } from './envelope';
import { parseEventData } from './parse-event-data';
import type { FieldIssue } from './format-issues';
import {
  type AnyEventDefinition,
  type EventPayload,
  getEventDefinition,
  type TopicName,
} from './topic-registry';

/** One event as handlers see it: validated envelope and payload of type `T` (e.g. `DatasetVersionCreatedV1`). */
export interface EventMessage<T = unknown> {
  /** CloudEvents attributes. */
  readonly envelope: EventEnvelope;
  /** The validated payload. */
  readonly data: T;
}

/** The message of a registered topic: `TopicMessage<'llmops.training.run-completed.v1'>`. */
export type TopicMessage<K extends TopicName> = EventMessage<EventPayload<K>>;

/** Attributes a producer supplies; the rest is derived from the topic and the payload. */
export interface EnvelopeFields {
  /** Event id, a UUIDv7 minted by the producer (the outbox row id). */
  readonly id: string;
  /** When the fact happened, RFC 3339. */
  readonly time: string;
  /** W3C traceparent of the producing span. */
  readonly traceparent?: string;
  /** W3C tracestate. */
  readonly tracestate?: string;
  /** Flow id shared with the originating request. */
  readonly correlationid?: string;
  /** Id of the event or request that caused this one. */
  readonly causationid?: string;
}

/**
 * The envelope a platform service writes for `data` on `topic`: `source`, `type` and content type come
 * from the definition, `subject` is the payload's aggregate id (also the Kafka message key).
 */
export function buildEnvelope<T extends TopicName>(
  topic: T,
  data: EventPayload<T>,
  fields: EnvelopeFields,
): EventEnvelope {
  const definition: AnyEventDefinition = getEventDefinition<TopicName>(topic);
  const envelope: EventEnvelope = {
    specversion: '1.0',
    id: fields.id,
    source: definition.source,
    type: definition.type,
    time: fields.time,
    subject: definition.keyOf(data),
    datacontenttype: 'application/json',
  };
  if (fields.traceparent !== undefined) envelope.traceparent = fields.traceparent;
  if (fields.tracestate !== undefined) envelope.tracestate = fields.tracestate;
  if (fields.correlationid !== undefined) envelope.correlationid = fields.correlationid;
  if (fields.causationid !== undefined) envelope.causationid = fields.causationid;
  return envelope;
}

/** The outcome of decoding a whole Kafka message; never an exception. */
export type DecodeEventMessageResult<T extends TopicName> =
  | { ok: true; message: TopicMessage<T> }
  | {
      ok: false;
      /** Which part was bad: unknown topic, headers, or the value. */
      stage: 'topic' | 'envelope' | 'data';
      /** One line for logs and the dead-letter header. */
      error: string;
      /** Failing payload fields, when stage is `data` and the value was JSON. */
      issues: readonly FieldIssue[];
    };

/**
 * Decodes a consumed Kafka message: headers → envelope (its `ce_type` must match the topic), value → JSON
 * → validated payload. Anything wrong is reported, never thrown, so the consumer can dead-letter it.
 */
export function decodeEventMessage<T extends TopicName>(
  topic: T,
  headers: Readonly<Record<string, HeaderValue>>,
  value: string | Uint8Array | null,
): DecodeEventMessageResult<T> {
  const definition = getEventDefinition(topic as string);
  if (definition === undefined)
    return { ok: false, stage: 'topic', error: `unknown topic ${topic}`, issues: [] };
  const decoded = decodeEnvelopeHeaders(headers);
  if (!decoded.ok) return { ok: false, stage: 'envelope', error: decoded.error, issues: [] };
  if (decoded.envelope.type !== definition.type) {
    return {
      ok: false,
      stage: 'envelope',
      error: `header ce_type: expected ${definition.type} on topic ${topic}, got ${decoded.envelope.type}`,
      issues: [],
    };
  }
  if (value === null) return { ok: false, stage: 'data', error: 'message has no value', issues: [] };
  let json: unknown;
  try {
    json = JSON.parse(
      typeof value === 'string' ? value : new TextDecoder('utf-8', { fatal: true }).decode(value),
    );
  } catch (error) {
    return { ok: false, stage: 'data', error: `value is not UTF-8 JSON: ${describe(error)}`, issues: [] };
  }
  const parsed = parseEventData(topic, json);
  if (!parsed.ok) return { ok: false, stage: 'data', error: parsed.error, issues: parsed.issues };
  return { ok: true, message: { envelope: decoded.envelope, data: parsed.data } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
