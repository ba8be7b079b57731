import { generalEnglishParagraphs } from '../../corpus/general-english';
import { ModelRuntimeError } from '../errors/model-runtime-error';
import type { LoadedModel } from '../model/loaded-model';
import type { ContinuedPretrainingHyperparameters } from '../training/hyperparameters';
import { train } from '../training/train';
import type { TrainResult } from '../training/train-options';
import type { TrainingProgress } from '../training/training-progress';

/** How each builtin base is made: a corpus shipped in this lib and a fixed recipe. */
export const BUILTIN_BASES = {
  'tiny-mlp-en': {
    description:
      'General-English base: 512-token byte-level BPE, 6-token window plus a 32-token bag, 24-wide embeddings, one 64-wide tanh layer; 2 epochs on the ~29 KB demo corpus.',
    corpus: generalEnglishParagraphs,
    hyperparameters: {
      vocabSize: 512,
      contextSize: 6,
      embeddingSize: 24,
      hiddenSize: 64,
      hiddenLayers: 1,
      bagSize: 32,
      epochs: 2,
      learningRate: 0.02,
      batchSize: 64,
      warmupSteps: 20,
      seed: 42,
      evalFraction: 0.1,
    } satisfies Partial<ContinuedPretrainingHyperparameters>,
  },
} as const;

export type BuiltinBaseName = keyof typeof BUILTIN_BASES;

/** Names of the builtin bases, for BaseModelRef `{ kind: 'builtin', name }`. */
export const BUILTIN_BASE_NAMES = Object.keys(BUILTIN_BASES) as BuiltinBaseName[];

export function isBuiltinBaseName(name: string): name is BuiltinBaseName {
  return Object.hasOwn(BUILTIN_BASES, name);
}

/**
 * Trains a builtin base from its shipped corpus (a few seconds on one core). Deterministic for a given
 * Node.js version; Math.exp/tanh may differ in the last bit between V8 versions, so persist the result
 * (saveModel) when adapters must find the exact same base later.
 */
export async function trainBuiltinBase(
  name: string,
  options: { onProgress?: (progress: TrainingProgress) => void; signal?: AbortSignal } = {},
): Promise<TrainResult> {
  if (!isBuiltinBaseName(name)) {
    throw new ModelRuntimeError(
      'UNKNOWN_BUILTIN_BASE',
      `no builtin base is called "${name}"; known: ${BUILTIN_BASE_NAMES.join(', ')}`,
    );
  }
  const recipe = BUILTIN_BASES[name];
  return train({
    method: 'continued-pretraining',
    name,
    corpus: recipe.corpus().map((text) => ({ kind: 'text', text })),
    hyperparameters: { ...recipe.hyperparameters, logEvery: 50 },
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

const cache = new Map<string, Promise<LoadedModel>>();

/** The builtin base `name`, trained on first use and kept for the life of the process. */
export function loadBuiltinBase(name: string): Promise<LoadedModel> {
  let model = cache.get(name);
  if (model === undefined) {
    model = trainBuiltinBase(name).then((result) => result.model);
    model.catch(() => cache.delete(name));
    cache.set(name, model);
  }
  return model;
}
