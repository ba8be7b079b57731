import {
  type AnyEventDefinition,
  CE_HEADERS,
  EVENT_DEFINITIONS,
  EventEnvelopeSchema,
  type EnvelopeAttribute,
  type ServiceName,
  TOPIC_CONSUMERS,
} from '@llmops/contracts';
import { z } from 'zod';

import { type JsonSchema, payloadJsonSchema } from './json-schemas';
import { messageName, pascalCase } from './naming';

const KAFKA_BINDING_VERSION = '0.5.0';

/** Event id used in the generated examples' headers (a fixed UUIDv7, so output stays byte-identical). */
const EXAMPLE_EVENT_ID = '0192c0de-0000-7000-8000-000000000001';
const EXAMPLE_TIME = '2025-03-14T10:00:00.000Z';

/** The CloudEvents binary-mode headers of one event version, with `ce_type` (and `ce_source`) pinned. */
function headersSchema(definition: AnyEventDefinition): JsonSchema {
  const envelope = z.toJSONSchema(EventEnvelopeSchema, { target: 'draft-7', io: 'input' }) as {
    properties: Record<EnvelopeAttribute, JsonSchema>;
    required: EnvelopeAttribute[];
  };
  const properties: Record<string, JsonSchema> = {};
  for (const attribute of Object.keys(CE_HEADERS) as EnvelopeAttribute[]) {
    properties[CE_HEADERS[attribute]] = envelope.properties[attribute];
  }
  properties[CE_HEADERS.type] = {
    type: 'string',
    const: definition.type,
    description: 'CloudEvents type of this event version.',
  };
  properties[CE_HEADERS.source] = definition.input
    ? {
        type: 'string',
        minLength: 1,
        description: "The producer's own URI-reference, e.g. /acme/crm-exporter.",
      }
    : { type: 'string', const: definition.source, description: 'The publishing service.' };
  properties[CE_HEADERS.subject] = {
    type: 'string',
    minLength: 1,
    description: `Aggregate id (${definition.aggregate}); equal to the message key.`,
  };
  return {
    type: 'object',
    description: 'CloudEvents 1.0 attributes, Kafka protocol binding, binary mode.',
    properties,
    required: envelope.required.map((attribute) => CE_HEADERS[attribute]),
  };
}

function exampleHeaders(definition: AnyEventDefinition, example: unknown): Record<string, string> {
  return {
    [CE_HEADERS.specversion]: '1.0',
    [CE_HEADERS.id]: EXAMPLE_EVENT_ID,
    [CE_HEADERS.source]: definition.input ? '/acme/example-producer' : definition.source,
    [CE_HEADERS.type]: definition.type,
    [CE_HEADERS.time]: EXAMPLE_TIME,
    [CE_HEADERS.subject]: definition.keyOf(definition.schema.parse(example)),
    [CE_HEADERS.datacontenttype]: 'application/json',
    [CE_HEADERS.traceparent]: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  };
}

function message(definition: AnyEventDefinition, example: unknown): JsonSchema {
  return {
    name: messageName(definition),
    title: `${definition.service} ${definition.event} v${String(definition.version)}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: headersSchema(definition),
    payload: payloadJsonSchema(definition, 'draft-7'),
    bindings: {
      kafka: {
        key: { type: 'string', description: `Aggregate id: ${definition.aggregate}.` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [{ name: 'fixture', headers: exampleHeaders(definition, example), payload: example }],
  };
}

function operation(
  definition: AnyEventDefinition,
  action: 'send' | 'receive',
  who: ServiceName | 'outside producers',
): JsonSchema {
  const name = messageName(definition);
  const verb = who === 'outside producers' ? 'write' : action === 'send' ? 'publishes' : 'consumes';
  return {
    action,
    channel: { $ref: `#/channels/${definition.topic}` },
    title: `${who} ${verb} ${definition.event} v${String(definition.version)}`,
    summary: `${who === 'outside producers' ? 'Systems outside llmops' : who} ${verb} ${definition.topic}.`,
    messages: [{ $ref: `#/channels/${definition.topic}/messages/${name}` }],
  };
}

/** The AsyncAPI 3.0 document of every event version, as plain data. */
export function asyncApiDocument(version: string, examples: ReadonlyMap<string, unknown>): JsonSchema {
  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  const messages: Record<string, JsonSchema> = {};
  for (const definition of EVENT_DEFINITIONS) {
    const name = messageName(definition);
    messages[name] = message(definition, examples.get(definition.topic));
    channels[definition.topic] = {
      address: definition.topic,
      title: name,
      description: `${definition.description} Message key: ${definition.aggregate}.`,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
    };
    const suffix = `${pascalCase(definition.event)}V${String(definition.version)}`;
    if (definition.input) {
      operations[`outsideProducersSend${pascalCase(definition.service)}${suffix}`] = operation(
        definition,
        'send',
        'outside producers',
      );
    } else {
      operations[`${definition.service}Send${suffix}`] = operation(definition, 'send', definition.service);
    }
    for (const consumer of TOPIC_CONSUMERS[definition.topic]) {
      operations[`${consumer}Receive${pascalCase(definition.service)}${suffix}`] = operation(
        definition,
        'receive',
        consumer,
      );
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'llmops events',
      version,
      description:
        'Every event the llmops services publish, and the two input topics outside producers write ' +
        '(llmops.ingestion.records.v1, llmops.monitoring.feedback.v1). CloudEvents 1.0 over the Kafka ' +
        'protocol binding in binary mode: attributes in ce_* headers, JSON payload as the value, message key ' +
        '= aggregate id. Generated from libs/contracts; see docs/events/README.md.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description: 'The broker `npm run stack:up` starts (KAFKA_BROKERS); other clusters work the same.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
