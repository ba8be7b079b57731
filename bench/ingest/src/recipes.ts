import { DEFAULT_RECIPE, parseRecipe, type Recipe } from '@llmops/data-cleaning';
import type { RecipeScenario } from './common';

/** The near-duplicate step the product issue names: Jaccard ≥ 0.8, 128 permutations, word 5-grams. */
const DEDUP_NEAR = { type: 'dedup-near', threshold: 0.8, numPerm: 128, ngram: 5 } as const;

/**
 * The recipe each scenario runs, parsed the way the service parses a stored recipe body (`parseRecipe`).
 * `DEFAULT_RECIPE` already ends in `dedup-exact`, so `clean-exact` is that recipe unchanged.
 */
export function recipeFor(scenario: RecipeScenario): Recipe {
  switch (scenario) {
    case 'minimal':
      // Roughly the work reference.py does: one Unicode form, whitespace, exact dedup.
      return parseRecipe({
        steps: [
          { type: 'normalize-unicode', form: 'NFC' },
          { type: 'normalize-whitespace' },
          { type: 'dedup-exact' },
        ],
      });
    case 'clean-exact':
      if (!DEFAULT_RECIPE.steps.some((step) => step.type === 'dedup-exact')) {
        throw new Error('DEFAULT_RECIPE no longer has dedup-exact: update bench/ingest');
      }
      return parseRecipe(DEFAULT_RECIPE);
    case 'clean-near':
      return parseRecipe({ ...DEFAULT_RECIPE, steps: [...DEFAULT_RECIPE.steps, DEDUP_NEAR] });
  }
}
