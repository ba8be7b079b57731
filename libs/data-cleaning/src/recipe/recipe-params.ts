import { z } from 'zod';

// Recipes are written by hand (JSON or YAML), so every schema here carries messages phrased for a person
// editing a file (`expected a number`), not zod's defaults. Callers that only read `issue.message` (the
// ingestion API does) get the same wording as `formatRecipeIssues`.

const ARTICLES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

function describeBound(
  origin: string,
  bound: number | bigint,
  inclusive: boolean,
  side: 'min' | 'max',
): string {
  if (origin === 'array') {
    return side === 'min' ? `needs at least ${bound} item(s)` : `takes at most ${bound} item(s)`;
  }
  if (origin === 'string') {
    if (side === 'min' && bound === 1) return 'must not be empty';
    return side === 'min' ? `needs at least ${bound} characters` : `takes at most ${bound} characters`;
  }
  if (side === 'min') return inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
  return inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
}

/** Error map for recipe schemas: plain wording, one message per issue. */
export function recipeIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'required';
      return `expected ${ARTICLES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return describeBound(issue.origin, issue.minimum, issue.inclusive ?? true, 'min');
    case 'too_big':
      return describeBound(issue.origin, issue.maximum, issue.inclusive ?? true, 'max');
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `unknown parameter "${issue.keys.join('')}"`
        : `unknown parameters ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'custom':
    case 'invalid_element':
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return undefined;
  }
}

/** Pass to zod checks (`.min(1, recipeMessages)`) to get recipe wording instead of zod's. */
export const recipeMessages = { error: recipeIssueMessage };
const withMessages = recipeMessages;

/** A step's parameter object: unknown keys are rejected and named, listing the ones the step takes. */
export function stepObject<T extends z.core.$ZodLooseShape>(type: string, shape: T) {
  const known = Object.keys(shape).filter((key) => key !== 'type');
  const takes = known.length > 0 ? `${type} takes ${known.join(', ')}` : `${type} takes no parameters`;
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `${recipeIssueMessage(issue) ?? ''} (${takes})`;
      return recipeIssueMessage(issue);
    },
  });
}

/** A whole number ≥ `min`. */
export const intParam = (min = 0) => z.number(withMessages).int(withMessages).min(min, withMessages);

/** A finite number ≥ 0. */
export const nonNegativeParam = () => z.number(withMessages).min(0, withMessages);

/** A fraction in [0, 1]. */
export const fractionParam = () => z.number(withMessages).min(0, withMessages).max(1, withMessages);

export const booleanParam = () => z.boolean(withMessages);

export const stringParam = (minLength = 1) => z.string(withMessages).min(minLength, withMessages);

export const enumParam = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, withMessages);

export const listParam = <T extends z.ZodType>(item: T) => z.array(item, withMessages);

/** A JavaScript regular expression source; checked here so a bad pattern fails validation, not a build. */
export const regexParam = (flags: string) =>
  stringParam().superRefine((source, ctx) => {
    try {
      new RegExp(source, flags);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

export const objectParam = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape, withMessages);
