import { z } from 'zod';

import { RecordMappingSchema } from '@llmops/data-formats';

import { DedupExactStepSchema } from '../steps/dedup-exact.step';
import { DedupNearStepSchema } from '../steps/dedup-near.step';
import { FilterLanguageStepSchema } from '../steps/filter-language.step';
import { FilterLengthStepSchema } from '../steps/filter-length.step';
import { FilterQualityStepSchema } from '../steps/filter-quality.step';
import { NormalizeUnicodeStepSchema } from '../steps/normalize-unicode.step';
import { NormalizeWhitespaceStepSchema } from '../steps/normalize-whitespace.step';
import { RedactPiiStepSchema } from '../steps/redact-pii.step';
import { RemoveBoilerplateLinesStepSchema } from '../steps/remove-boilerplate-lines.step';
import { RemoveControlCharsStepSchema } from '../steps/remove-control-chars.step';
import { StripHtmlStepSchema } from '../steps/strip-html.step';
import { StripMarkdownStepSchema } from '../steps/strip-markdown.step';
import { enumParam, intParam, listParam, objectParam, recipeIssueMessage } from './recipe-params';

const STEP_SCHEMAS = [
  NormalizeUnicodeStepSchema,
  RemoveControlCharsStepSchema,
  NormalizeWhitespaceStepSchema,
  StripHtmlStepSchema,
  StripMarkdownStepSchema,
  RemoveBoilerplateLinesStepSchema,
  FilterLengthStepSchema,
  FilterLanguageStepSchema,
  FilterQualityStepSchema,
  RedactPiiStepSchema,
  DedupExactStepSchema,
  DedupNearStepSchema,
] as const;

/** Every step type a recipe can use, in the order the README documents them. */
export const STEP_TYPES = STEP_SCHEMAS.map((schema) => schema.shape.type.value);

export const RecipeStepSchema = z.discriminatedUnion('type', STEP_SCHEMAS, {
  error: (issue) => {
    // The union reports a bad `type` (or a step that is not an object); parameters are the members' issues.
    const input = issue.input;
    const expected = `expected one of ${STEP_TYPES.join(', ')}`;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return 'expected a step object such as { type: "filter-length", minWords: 5 }';
    }
    const type = (input as Record<string, unknown>)['type'];
    return type === undefined
      ? `missing step type; ${expected}`
      : `unknown step type ${JSON.stringify(type)}; ${expected}`;
  },
});

export type RecipeStep = z.output<typeof RecipeStepSchema>;
export type StepType = RecipeStep['type'];

// Steps that can drop a record: `dedup-near` must come after all of them (see the superRefine below).
function canDrop(step: RecipeStep): boolean {
  switch (step.type) {
    case 'filter-length':
    case 'filter-language':
    case 'filter-quality':
    case 'dedup-exact':
    case 'dedup-near':
      return true;
    case 'redact-pii':
      return step.action === 'drop';
    case 'normalize-unicode':
    case 'remove-control-chars':
    case 'normalize-whitespace':
    case 'strip-html':
    case 'strip-markdown':
    case 'remove-boilerplate-lines':
      return false;
  }
}

/**
 * A cleaning recipe: an ordered list of steps, each `{ type, ...params }` with defaults for every
 * parameter left out. Written as JSON or YAML; unknown step types and parameters are rejected with the
 * path named (`steps[2].minWords: expected a number`).
 */
export const RecipeSchema = objectParam({
  /** Version of this recipe format; only 1 exists. Stored recipes keep parsing when the format grows. */
  formatVersion: z.literal(1, { error: 'expected 1 (the only recipe format version)' }).default(1),
  /** How raw rows become records (shape, fields, id, metadata) for sources that need it. */
  mapping: RecordMappingSchema.optional(),
  /** `skip` drops a record a step fails on (reason `error:<step>`) and goes on; `fail` stops the run. */
  onRecordError: enumParam(['skip', 'fail']).default('skip'),
  /** Dropped records kept as examples in the report, per drop reason. */
  rejectSampleSize: intParam(0).max(1000, { error: recipeIssueMessage }).default(5),
  /** The steps, applied in order to every record. */
  steps: listParam(RecipeStepSchema).default([]),
}).superRefine((recipe, ctx) => {
  const near = recipe.steps.findIndex((step) => step.type === 'dedup-near');
  if (near < 0) return;
  recipe.steps.forEach((step, index) => {
    if (index > near && canDrop(step)) {
      ctx.addIssue({
        code: 'custom',
        path: ['steps', index],
        message: `${step.type} can drop records, so it must come before dedup-near (steps[${near}]): the near-duplicate index would otherwise hold records the pipeline drops`,
      });
    }
  });
});

/** A parsed recipe, every default filled in: what `compileRecipe` takes. */
export type Recipe = z.output<typeof RecipeSchema>;

/** A recipe as written (parameters with defaults may be left out). */
export type RecipeInput = z.input<typeof RecipeSchema>;
