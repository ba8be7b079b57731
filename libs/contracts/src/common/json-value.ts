import { z } from 'zod';

/** Any value JSON can carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** True when `value` survives a JSON round trip unchanged (finite numbers, plain objects, no undefined). */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value).every(isJsonValue);
  }
  return false;
}

/**
 * Any JSON value. Validated by a predicate rather than a recursive schema so that the generated JSON Schema
 * stays flat (`{}`, "any value") and embeds cleanly in the AsyncAPI document.
 */
export const JsonValueSchema = z
  .unknown()
  .refine(isJsonValue, 'expected a JSON value')
  .describe('Any JSON value.') as z.ZodType<JsonValue>;

/** A JSON object with free-form values, for metadata and parameters. */
export const JsonObjectSchema = z
  .record(z.string(), JsonValueSchema)
  .describe('A JSON object with free-form values.');
