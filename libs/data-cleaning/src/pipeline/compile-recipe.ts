import type { NearDuplicateDetectorFactory } from '../dedup/near-duplicate-detector';
import type { Recipe } from '../recipe/recipe.schema';
import { RecipePipeline, type CleaningPipeline, type PipelineStep } from './cleaning-pipeline';
import { compileStep } from './compile-step';

export interface CompileRecipeOptions {
  /** Builds the detector for `dedup-near` steps; required when the recipe has one. */
  nearDuplicateDetector?: NearDuplicateDetectorFactory;
}

/**
 * Compiles a parsed recipe (`RecipeSchema.parse` / `parseRecipe`) into a pipeline: regexes, tables and
 * lazily loaded libraries (tokenizer, language detector, HTML parser) are prepared once, here, and only
 * for the steps the recipe uses. Each pipeline has its own dedup state: use one per dataset build.
 */
export function compileRecipe(recipe: Recipe, options: CompileRecipeOptions = {}): CleaningPipeline {
  const seen = new Map<string, number>();
  const steps: PipelineStep[] = recipe.steps.map((step) => {
    const occurrence = (seen.get(step.type) ?? 0) + 1;
    seen.set(step.type, occurrence);
    return {
      label: occurrence === 1 ? step.type : `${step.type}#${occurrence}`,
      compiled: compileStep(step, options),
    };
  });
  return new RecipePipeline(steps, {
    onRecordError: recipe.onRecordError,
    rejectSampleSize: recipe.rejectSampleSize,
  });
}
