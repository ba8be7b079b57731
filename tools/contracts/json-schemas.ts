import { type AnyEventDefinition, EVENT_DEFINITIONS } from '@llmops/contracts';
import { z } from 'zod';

import { messageName } from './naming';

/** A JSON Schema document, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** JSON Schema of a payload, without `$schema`, in the given draft. Fails on anything not representable. */
export function payloadJsonSchema(
  definition: AnyEventDefinition,
  target: 'draft-2020-12' | 'draft-7',
): JsonSchema {
  // io 'input': what a producer may send. Objects carry no `additionalProperties: false`: consumers ignore
  // unknown fields, so adding an optional field is not a breaking change.
  const schema = {
    ...(z.toJSONSchema(definition.schema, { target, io: 'input', unrepresentable: 'throw' }) as JsonSchema),
  };
  delete schema.$schema;
  return schema;
}

/** The standalone JSON Schema (draft 2020-12) of one event version, with the fixture as its example. */
export function eventJsonSchema(definition: AnyEventDefinition, example: unknown): JsonSchema {
  const schema = payloadJsonSchema(definition, 'draft-2020-12');
  delete schema.description;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:llmops:events:${definition.topic}`,
    title: messageName(definition),
    description: `${definition.description} Topic ${definition.topic}; CloudEvents type ${definition.type}; key: ${definition.aggregate}.`,
    ...schema,
    examples: [example],
  };
}

/** Repo-relative path of an event's JSON Schema file. */
export function jsonSchemaPath(topic: string): string {
  return `docs/events/schemas/${topic}.json`;
}

/** Every event's JSON Schema file, in registry order. */
export function jsonSchemaFiles(examples: ReadonlyMap<string, unknown>): { path: string; content: string }[] {
  return EVENT_DEFINITIONS.map((definition) => ({
    path: jsonSchemaPath(definition.topic),
    content: `${JSON.stringify(eventJsonSchema(definition, examples.get(definition.topic)), null, 2)}\n`,
  }));
}
