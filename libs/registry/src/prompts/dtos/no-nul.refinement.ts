/**
 * PostgreSQL text and jsonb cannot hold U+0000: a NUL anywhere in a stored body would fail the insert
 * (a 500). Bodies are refused up front instead, naming the first field that holds one.
 */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A zod `superRefine` check: adds an issue at the first NUL. */
export function refuseNul(
  value: unknown,
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void },
): void {
  const path = findNul(value);
  if (path) ctx.addIssue({ code: 'custom', message: 'must not contain the NUL character (U+0000)', path });
}
