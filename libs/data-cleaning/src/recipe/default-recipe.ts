import { RecipeSchema, type Recipe, type RecipeInput } from './recipe.schema';

/**
 * An example recipe for web text meant for pre-training, and the starting point the README documents.
 * Order matters: repair the text, remove markup and boilerplate, then filter (cheapest first), redact
 * what survives, and deduplicate last so only kept records are remembered.
 */
const DEFAULT_RECIPE_INPUT: RecipeInput = {
  formatVersion: 1,
  onRecordError: 'skip',
  rejectSampleSize: 5,
  steps: [
    // Repair: one Unicode form, no control characters, markup turned into text.
    { type: 'normalize-unicode', form: 'NFC' },
    { type: 'remove-control-chars' },
    { type: 'strip-html' },
    { type: 'remove-boilerplate-lines' },
    { type: 'normalize-whitespace', maxBlankLines: 1 },
    // Filter: a cheap size bound first, then Gopher's quality rules (which include minWords 50).
    { type: 'filter-length', maxChars: 1_000_000 },
    { type: 'filter-quality' },
    // Protect: personal data and secrets are replaced by placeholders.
    { type: 'redact-pii', action: 'redact' },
    // Deduplicate: exact copies after normalisation (add `dedup-near` after it for near-duplicates).
    { type: 'dedup-exact' },
  ],
};

/** The documented example recipe (parsed, every default filled in). */
export const DEFAULT_RECIPE: Recipe = RecipeSchema.parse(DEFAULT_RECIPE_INPUT);
