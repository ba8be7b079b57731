import { z } from 'zod';

import { EVENT_DEFINITIONS } from './index';

type JsonSchemaNode = Record<string, unknown>;

/** Paths of object properties that have no description, anywhere in the schema. */
function undocumented(node: unknown, at: string): string[] {
  if (node === null || typeof node !== 'object') return [];
  const schema = node as JsonSchemaNode;
  const missing: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchemaNode>;
  for (const [name, property] of Object.entries(properties)) {
    if (typeof property.description !== 'string' || property.description === '')
      missing.push(`${at}.${name}`);
    missing.push(...undocumented(property, `${at}.${name}`));
  }
  for (const key of ['items', 'additionalProperties']) missing.push(...undocumented(schema[key], `${at}[]`));
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const variants = (schema[key] ?? []) as unknown[];
    variants.forEach((variant, index) => missing.push(...undocumented(variant, `${at}<${String(index)}>`)));
  }
  return missing;
}

describe('schema documentation (other teams read contracts)', () => {
  it.each(EVENT_DEFINITIONS.map((d) => [d.topic, d.schema] as const))(
    '%s describes every field and converts to JSON Schema',
    (_topic, schema) => {
      const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
      expect(undocumented(json, '')).toEqual([]);
    },
  );
});
