import { ModelRuntimeError } from '../errors/model-runtime-error';
import { type HyperparametersOf, type TrainingMethod, validateHyperparameters } from './hyperparameters';
import { trainDpo } from './train-dpo';
import { trainLanguageModel } from './train-language-model';
import type { TrainOptions, TrainResult } from './train-options';

/**
 * Trains a builtin-family model by `method`. Validates the hyperparameters first and throws
 * INVALID_HYPERPARAMETERS with every bad field. CPU-bound but cooperative: it yields to the event loop
 * every ~50 ms, so run it in a worker thread and abort through `signal`.
 */
export async function train(options: TrainOptions): Promise<TrainResult> {
  const inputs = {
    base: options.base,
    baseRef: options.baseRef,
    corpus: options.corpus,
    onProgress: options.onProgress,
    signal: options.signal,
    name: options.name,
  };
  switch (options.method) {
    case 'continued-pretraining':
      return trainLanguageModel(
        { method: options.method, hyperparameters: validated(options.method, options.hyperparameters) },
        inputs,
      );
    case 'sft':
      return trainLanguageModel(
        { method: options.method, hyperparameters: validated(options.method, options.hyperparameters) },
        inputs,
      );
    case 'lora':
      return trainLanguageModel(
        { method: options.method, hyperparameters: validated(options.method, options.hyperparameters) },
        inputs,
      );
    case 'dpo':
      return trainDpo(validated(options.method, options.hyperparameters), inputs);
  }
}

function validated<M extends TrainingMethod>(method: M, input: unknown): HyperparametersOf<M> {
  const result = validateHyperparameters(method, input);
  if (!result.ok) {
    throw new ModelRuntimeError(
      'INVALID_HYPERPARAMETERS',
      `invalid ${method} hyperparameters: ${result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      result.issues,
    );
  }
  return result.value;
}
