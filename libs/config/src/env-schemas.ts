import { z } from 'zod';

// Environment variables are always strings; these schemas turn them into typed values with the error
// messages an operator needs (which spelling is accepted, which range is allowed).

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** `true/false/1/0/yes/no/on/off`, any case. Not `z.coerce.boolean()`, which reads "false" as true. */
export function envBoolean() {
  return z.string().transform((raw, ctx) => {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    ctx.addIssue({
      code: 'custom',
      message: `Expected a boolean (true/false, 1/0, yes/no, on/off), got "${raw}"`,
    });
    return z.NEVER;
  });
}

/** A base-10 integer within [min, max]; rejects `12abc` and `1.5` that `Number()`/`parseInt` would bend. */
export function envInt(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .trim()
    .regex(/^[+-]?\d+$/, 'Expected an integer')
    .transform(Number)
    .pipe(
      z.number().int().min(min, `Expected an integer >= ${min}`).max(max, `Expected an integer <= ${max}`),
    );
}

/** An absolute URL, kept as a string; `protocols` (e.g. `['postgres:', 'postgresql:']`) narrows the scheme. */
export function envUrl(protocols?: readonly string[]) {
  return z
    .string()
    .trim()
    .superRefine((raw, ctx) => {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Expected an absolute URL' });
        return;
      }
      if (protocols && !protocols.includes(url.protocol)) {
        ctx.addIssue({ code: 'custom', message: `Expected a URL with scheme ${protocols.join(' or ')}` });
      }
    });
}

/** Comma-separated list, entries trimmed, empty entries dropped; `item` validates (and may convert) each entry. */
export function envList(): z.ZodType<string[], string>;
export function envList<T>(item: z.ZodType<T, string>): z.ZodType<T[], string>;
export function envList<T>(item?: z.ZodType<T, string>): z.ZodType<string[] | T[], string> {
  const entries = z.string().transform((raw) =>
    raw
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0),
  );
  return item ? entries.pipe(z.array(item)) : entries;
}
