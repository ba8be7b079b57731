import type { BaseModelRef } from '@llmops/contracts';

import type { TrainingExample } from '../data/training-example';
import type { LoadedModel } from '../model/loaded-model';
import type { HyperparameterInputOf, TrainingMethod } from './hyperparameters';
import type { TrainingMetrics, TrainingProgress } from './training-progress';

interface TrainOptionsFor<M extends TrainingMethod> {
  readonly method: M;
  /** Run-spec hyperparameters; validated against the method's schema, defaults filled in. */
  readonly hyperparameters?: HyperparameterInputOf<M>;
  /** Model to start from. Required for lora and dpo; without it cpt/sft train a tokenizer and model from scratch. */
  readonly base?: LoadedModel;
  /** How the platform names `base`, recorded in adapters' model.json for lineage. */
  readonly baseRef?: BaseModelRef;
  readonly corpus: readonly TrainingExample[];
  /** Called synchronously from the training loop; keep it cheap (post a message, append to a buffer). */
  readonly onProgress?: (progress: TrainingProgress) => void;
  /** Stops the run at the next yield (every ~50 ms) with TRAINING_ABORTED. */
  readonly signal?: AbortSignal;
  /** Name given to the trained model. */
  readonly name?: string;
}

/** Options of `train`, one shape per method so hyperparameters type-check against that method. */
export type TrainOptions = { [M in TrainingMethod]: TrainOptionsFor<M> }[TrainingMethod];

/** A trained model and the run's final figures. */
export interface TrainResult {
  readonly model: LoadedModel;
  readonly metrics: TrainingMetrics;
}
