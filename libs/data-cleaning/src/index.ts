// Recipes: the format, its parsing and the example.
export * from './recipe/recipe.schema';
export { formatIssuePath, formatRecipeIssues, parseRecipe } from './recipe/parse-recipe';
export { DEFAULT_RECIPE } from './recipe/default-recipe';

// Compiling and running.
export { compileRecipe, type CompileRecipeOptions } from './pipeline/compile-recipe';
export type { CleaningOutcome, CleaningPipeline } from './pipeline/cleaning-pipeline';
export type { CleaningReport, RejectSample } from './pipeline/cleaning-report';
export type { CleaningAnnotations } from './steps/step-contract';
export { CleaningError, type CleaningErrorCode, type CleaningErrorDetails } from './cleaning.error';

// Near-duplicate detection is injected (a MinHash index lives elsewhere).
export type {
  NearDuplicateDetector,
  NearDuplicateDetectorFactory,
  NearDuplicateParams,
} from './dedup/near-duplicate-detector';

// Vocabulary steps expose for docs and UIs.
export { PII_TYPES, DEFAULT_PII_REPLACEMENTS, type PiiType } from './pii/pii-type';
export { DEFAULT_BOILERPLATE_PATTERNS } from './steps/boilerplate-patterns';
export { DETECTABLE_LANGUAGES } from './steps/detectable-languages';
export { GOPHER_STOP_WORDS } from './quality/stop-word-matcher';

// PII detection on its own (no redaction), for callers that only need to know what a text leaks.
export { countPii } from './pii/count-pii';
export type { PiiHits } from './pii/pii-redactor';
