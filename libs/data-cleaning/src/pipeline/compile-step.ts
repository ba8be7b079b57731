import { CleaningError } from '../cleaning.error';
import type { NearDuplicateDetectorFactory } from '../dedup/near-duplicate-detector';
import type { RecipeStep } from '../recipe/recipe.schema';
import { compileDedupExact } from '../steps/dedup-exact.step';
import { compileDedupNear } from '../steps/dedup-near.step';
import { compileFilterLanguage } from '../steps/filter-language.step';
import { compileFilterLength } from '../steps/filter-length.step';
import { compileFilterQuality } from '../steps/filter-quality.step';
import { compileNormalizeUnicode } from '../steps/normalize-unicode.step';
import { compileNormalizeWhitespace } from '../steps/normalize-whitespace.step';
import { compileRedactPii } from '../steps/redact-pii.step';
import { compileRemoveBoilerplateLines } from '../steps/remove-boilerplate-lines.step';
import { compileRemoveControlChars } from '../steps/remove-control-chars.step';
import type { CompiledStep } from '../steps/step-contract';
import { compileStripHtml } from '../steps/strip-html.step';
import { compileStripMarkdown } from '../steps/strip-markdown.step';

export interface CompileStepOptions {
  nearDuplicateDetector?: NearDuplicateDetectorFactory;
}

/** Compiles one parsed step; each step type has its compiler beside its schema. */
export function compileStep(step: RecipeStep, options: CompileStepOptions): CompiledStep {
  switch (step.type) {
    case 'normalize-unicode':
      return compileNormalizeUnicode(step);
    case 'remove-control-chars':
      return compileRemoveControlChars(step);
    case 'normalize-whitespace':
      return compileNormalizeWhitespace(step);
    case 'strip-html':
      return compileStripHtml(step);
    case 'strip-markdown':
      return compileStripMarkdown(step);
    case 'remove-boilerplate-lines':
      return compileRemoveBoilerplateLines(step);
    case 'filter-length':
      return compileFilterLength(step);
    case 'filter-language':
      return compileFilterLanguage(step);
    case 'filter-quality':
      return compileFilterQuality(step);
    case 'redact-pii':
      return compileRedactPii(step);
    case 'dedup-exact':
      return compileDedupExact(step);
    case 'dedup-near':
      if (!options.nearDuplicateDetector) {
        throw new CleaningError(
          'near-duplicate-detector-missing',
          'the recipe has a dedup-near step: pass compileRecipe a nearDuplicateDetector factory',
        );
      }
      return compileDedupNear(step, options.nearDuplicateDetector);
  }
}
