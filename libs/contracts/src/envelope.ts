import { z } from 'zod';

/**
 * CloudEvents 1.0 attributes as Kafka headers (Kafka protocol binding, binary mode): the payload is the
 * message value, the attributes travel as headers. Keyed by CloudEvents attribute name.
 */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  datacontenttype: 'content-type',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
} as const;

/** A CloudEvents attribute carried by llmops events. */
export type EnvelopeAttribute = keyof typeof CE_HEADERS;

/** A Kafka header name used by the envelope. */
export type EnvelopeHeaderName = (typeof CE_HEADERS)[EnvelopeAttribute];

/** The CloudEvents attributes of one event. */
export const EventEnvelopeSchema = z
  .object({
    /** CloudEvents spec version; always `1.0`. */
    specversion: z.literal('1.0').describe('CloudEvents spec version; always 1.0.'),
    /** Unique event id, a UUID (producers mint UUIDv7); consumers deduplicate on it. */
    id: z.uuid().describe('Unique event id, a UUID (producers mint UUIDv7); consumers deduplicate on it.'),
    /** Producer: `/llmops/<service>` for platform events, the producer's own URI-reference on input topics. */
    source: z
      .string()
      .min(1)
      .describe(
        "Producer: /llmops/<service> for platform events, the producer's own URI-reference on input topics.",
      ),
    /** Event type, `io.llmops.<service>.<event>.v<N>`; must match the topic. */
    type: z
      .string()
      .regex(/^io\.llmops\.[a-z]+\.[a-z0-9-]+\.v[1-9][0-9]*$/, 'expected io.llmops.<service>.<event>.v<N>')
      .describe('Event type, io.llmops.<service>.<event>.v<N>; must match the topic.'),
    /** When the fact happened (RFC 3339). */
    time: z.iso.datetime({ offset: true }).describe('When the fact happened (RFC 3339).'),
    /** Aggregate id, equal to the Kafka message key. */
    subject: z.string().min(1).describe('Aggregate id, equal to the Kafka message key.'),
    /** Media type of the value; always `application/json`. */
    datacontenttype: z
      .literal('application/json')
      .describe('Media type of the value; always application/json.'),
    /** W3C trace context `traceparent` of the producing span. */
    traceparent: z
      .string()
      .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/, 'expected a W3C traceparent')
      .optional()
      .describe('W3C trace context traceparent of the producing span.'),
    /** W3C trace context `tracestate`. */
    tracestate: z.string().optional().describe('W3C trace context tracestate.'),
    /** Id shared by every event and request of one flow (e.g. the originating HTTP request id). */
    correlationid: z
      .string()
      .min(1)
      .optional()
      .describe('Id shared by every event and request of one flow (e.g. the originating HTTP request id).'),
    /** Id of the event (or request) that directly caused this one. */
    causationid: z
      .string()
      .min(1)
      .optional()
      .describe('Id of the event (or request) that directly caused this one.'),
  })
  .describe('CloudEvents 1.0 attributes of an llmops event.');

/** The CloudEvents attributes of one event. */
export type EventEnvelope = z.output<typeof EventEnvelopeSchema>;

/** One header value as Kafka clients deliver it (kafkajs: string, Buffer, or an array when repeated). */
export type HeaderValue = string | Uint8Array | (string | Uint8Array)[] | undefined;

/** The outcome of decoding headers; never an exception. */
export type DecodeEnvelopeResult = { ok: true; envelope: EventEnvelope } | { ok: false; error: string };

const ATTRIBUTES = Object.keys(CE_HEADERS) as EnvelopeAttribute[];
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Kafka headers for an envelope; absent optional attributes produce no header. */
export function encodeEnvelopeHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const attribute of ATTRIBUTES) {
    const value = envelope[attribute];
    if (value !== undefined) headers[CE_HEADERS[attribute]] = value;
  }
  return headers;
}

function isEnvelopeAttribute(value: unknown): value is EnvelopeAttribute {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CE_HEADERS, value);
}

function headerText(name: string, value: HeaderValue): { text: string | undefined } | { error: string } {
  let single: string | Uint8Array | undefined;
  if (Array.isArray(value)) {
    if (value.length > 1) return { error: `header ${name} appears ${String(value.length)} times` };
    [single] = value;
  } else {
    single = value;
  }
  if (single === undefined || typeof single === 'string') return { text: single };
  try {
    return { text: utf8.decode(single) };
  } catch {
    return { error: `header ${name} is not valid UTF-8` };
  }
}

/**
 * Reads and validates the envelope from Kafka headers. Never throws: a missing or malformed header is
 * reported in `error`, naming the header (the consumer dead-letters the message).
 */
export function decodeEnvelopeHeaders(headers: Readonly<Record<string, HeaderValue>>): DecodeEnvelopeResult {
  const attributes: Partial<Record<EnvelopeAttribute, string>> = {};
  const errors: string[] = [];
  for (const attribute of ATTRIBUTES) {
    const name = CE_HEADERS[attribute];
    const read = headerText(
      name,
      Object.prototype.hasOwnProperty.call(headers, name) ? headers[name] : undefined,
    );
    if ('error' in read) errors.push(read.error);
    else if (read.text !== undefined) attributes[attribute] = read.text;
  }
  if (errors.length > 0) return { ok: false, error: errors.join('; ') };
  const parsed = EventEnvelopeSchema.safeParse(attributes);
  if (parsed.success) return { ok: true, envelope: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const attribute = issue.path[0];
    if (!isEnvelopeAttribute(attribute)) return issue.message;
    const header = CE_HEADERS[attribute];
    return attributes[attribute] === undefined
      ? `missing header ${header}`
      : `header ${header}: ${issue.message}`;
  });
  return { ok: false, error: problems.join('; ') };
}
