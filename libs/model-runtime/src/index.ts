// The builtin model family: a small neural language model in plain TypeScript that the training service
// fine-tunes and that evaluation and serving load. One lib, so all three read the same artifact format
// and run the same numerics. The artifact format is documented in ../README.md.

// Models and artifacts
export type { LoadedModel, BaseReference, TrainingRecord } from './model/loaded-model';
export { mergeAdapter, TRAINER_VERSION } from './model/loaded-model';
export type { ModelArchitecture } from './model/model-architecture';
export type { LoraAdapter, LoraTarget } from './model/lora-adapter';
export { saveModel, type ArtifactFile } from './artifact/save-model';
export { loadModel, type ArtifactFileBytes, type LoadModelOptions } from './artifact/load-model';
export { saveModelToDirectory, loadModelFromDirectory } from './artifact/model-directory';
export {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  MODEL_FILE,
  TOKENIZER_FILE,
  WEIGHTS_FILE,
  ModelManifestV1Schema,
  type ModelManifestV1,
} from './artifact/artifact-manifest';

// Tokenizer
export { BpeTokenizer, type TokenizerSpec } from './tokenizer/bpe-tokenizer';
export { PAD_ID, BOS_ID, EOS_ID } from './tokenizer/special-tokens';

// Training
export { train } from './training/train';
export type { TrainOptions, TrainResult } from './training/train-options';
export type { TrainingProgress, TrainingMetrics } from './training/training-progress';
export {
  HYPERPARAMETER_SCHEMAS,
  ContinuedPretrainingHyperparametersSchema,
  SftHyperparametersSchema,
  LoraHyperparametersSchema,
  DpoHyperparametersSchema,
  validateHyperparameters,
  type TrainingMethod,
  type HyperparametersOf,
  type HyperparameterInputOf,
  type HyperparameterValidation,
  type ContinuedPretrainingHyperparameters,
  type SftHyperparameters,
  type LoraHyperparameters,
  type DpoHyperparameters,
} from './training/hyperparameters';
export { DEFAULT_ARCHITECTURE } from './training/resolve-architecture';
export type { TrainingExample } from './data/training-example';
export { exampleText } from './data/example-text';
export { renderChatPrompt, CHAT_STOP_SEQUENCES } from './data/chat-template';

// Inference
export { perplexity, type PerplexityResult } from './inference/perplexity';
export { logProb, type LogProbResult, type LogProbOptions } from './inference/log-prob';
export { generate, generateStream, type GenerationEvent, type GenerationResult } from './inference/generate';
export {
  GenerateOptionsSchema,
  type GenerateOptions,
  type GenerateOptionsInput,
} from './inference/generate-options';

// Builtin bases and demo corpora
export {
  BUILTIN_BASES,
  BUILTIN_BASE_NAMES,
  isBuiltinBaseName,
  trainBuiltinBase,
  loadBuiltinBase,
  type BuiltinBaseName,
} from './builtin/builtin-bases';
export { GENERAL_ENGLISH_TEXT, generalEnglishParagraphs } from '../corpus/general-english';
export { SUPPORT_QA, supportDemoCorpus, supportPrompt, type SupportDemoCorpus } from '../corpus/support-qa';

// Errors
export {
  ModelRuntimeError,
  type ModelRuntimeErrorCode,
  type ModelRuntimeIssue,
} from './errors/model-runtime-error';
