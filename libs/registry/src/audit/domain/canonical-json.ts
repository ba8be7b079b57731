/**
 * Canonical JSON for hashing (the RFC 8785 "JCS" rules for the values audit entries hold): object keys
 * sorted by UTF-16 code units, no whitespace, strings and finite numbers serialised exactly as
 * ECMAScript's `JSON.stringify` does (shortest round-trip numbers, `-0` as `0`). Arrays keep their order.
 * The same value always yields the same text, whatever key order the producer used or the database
 * returned, so a hash over it is reproducible years later by any JCS implementation.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${String(value)}`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

function canonicalArray(items: readonly unknown[]): string {
  return `[${items.map((item) => canonicalJson(item)).join(',')}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  // Plain `<` on strings compares UTF-16 code units, which is exactly the JCS key order.
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}
