import type { FieldCoercion } from './record-mapping';

/** The coerced value, or why the value could not be coerced. */
export type CoerceResult = { ok: true; value: unknown } | { ok: false; expected: string; detail?: string };

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', 'f']);

/**
 * Coerce one source value. An empty string becomes null for number, boolean and json: in CSV an empty
 * cell means "no value", not a zero or a parse error.
 */
export function coerceField(value: unknown, to: FieldCoercion): CoerceResult {
  if (value === undefined || value === null) return { ok: true, value };
  switch (to) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
        return { ok: true, value: String(value) };
      }
      return { ok: true, value: JSON.stringify(value) };
    case 'number': {
      if (typeof value === 'number') return { ok: true, value };
      if (typeof value === 'bigint') return { ok: true, value: Number(value) };
      if (typeof value !== 'string') return { ok: false, expected: 'number' };
      if (value.trim() === '') return { ok: true, value: null };
      const parsed = Number(value);
      return Number.isFinite(parsed) ? { ok: true, value: parsed } : { ok: false, expected: 'number' };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      if (typeof value === 'number') return coerceField(String(value), 'boolean');
      if (typeof value !== 'string') return { ok: false, expected: 'boolean' };
      const word = value.trim().toLowerCase();
      if (word === '') return { ok: true, value: null };
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, expected: 'boolean' };
    }
    case 'json': {
      if (typeof value !== 'string') return { ok: true, value };
      if (value.trim() === '') return { ok: true, value: null };
      try {
        return { ok: true, value: JSON.parse(value) as unknown };
      } catch (error) {
        return { ok: false, expected: 'a JSON string', detail: (error as Error).message };
      }
    }
  }
}

/** A short description of a value's type for reject messages ("a number", "an array"). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
