import type { z } from 'zod';

import { CleaningError } from '../cleaning.error';
import { RecipeSchema, type Recipe } from './recipe.schema';

/** A zod path as a person writes it: `steps[2].minWords`, `rejectSampleSize`, `(recipe)` for the root. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(recipe)' : out;
}

/**
 * One line per issue: `steps[2].minWords: expected a number`. Unknown parameters are reported at their
 * own path (`steps[0].minWord: unknown parameter ...`), one line each.
 */
export function formatRecipeIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys.length > 1
      ? issue.keys.map((key) => `${formatIssuePath([...issue.path, key])}: unknown parameter`)
      : issue.code === 'unrecognized_keys'
        ? [`${formatIssuePath([...issue.path, ...issue.keys])}: ${issue.message}`]
        : [`${formatIssuePath(issue.path)}: ${issue.message}`],
  );
}

/** Parses a recipe (from JSON or YAML), filling defaults; throws `invalid-recipe` naming every bad path. */
export function parseRecipe(input: unknown): Recipe {
  const result = RecipeSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = formatRecipeIssues(result.error);
  throw new CleaningError('invalid-recipe', `invalid recipe: ${issues.join('; ')}`, { issues });
}
