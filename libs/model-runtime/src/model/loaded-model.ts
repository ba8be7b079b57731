import type { BaseModelRef } from '@llmops/contracts';

import type { TrainingMethod } from '../training/hyperparameters';
import type { BpeTokenizer } from '../tokenizer/bpe-tokenizer';
import type { LoraAdapter } from './lora-adapter';
import type { ModelArchitecture } from './model-architecture';
import type { ModelWeights } from './model-weights';

/** The exact base an adapter was trained on. */
export interface BaseReference {
  /** How the platform names the base (builtin name or registry version), when the trainer was told. */
  readonly ref: BaseModelRef | null;
  /** sha256 of the base's weights.bin: the adapter applies to exactly these weights and no others. */
  readonly weightsSha256: string;
  /** sha256 of the base's tokenizer.json. */
  readonly tokenizerSha256: string;
}

/** What produced a model; stored in model.json. */
export interface TrainingRecord {
  readonly method: TrainingMethod;
  /** The validated hyperparameters, defaults filled in. */
  readonly hyperparameters: Readonly<Record<string, unknown>>;
  readonly steps: number;
  readonly epochs: number;
  /** Target tokens (DPO: completion tokens) forward- and backward-passed, summed over steps. */
  readonly tokensSeen: number;
  /** Mean training loss over the last epoch. */
  readonly trainLoss: number;
  /** Mean eval loss after the last epoch, or null without an eval split. */
  readonly evalLoss: number | null;
  /** Trainer identity, e.g. `llmops-builtin-trainer@1.0.0`. */
  readonly trainer: string;
}

/**
 * A model ready for inference and for further training. For an adapter, `weights` are the base's with
 * the adapter merged in (what inference runs on) and `adapter` holds what saveModel stores.
 */
export interface LoadedModel {
  /** Builtin base name, or the name given to train; null if none. */
  readonly name: string | null;
  readonly architecture: ModelArchitecture;
  readonly tokenizer: BpeTokenizer;
  readonly weights: ModelWeights;
  readonly adapter: { readonly lora: LoraAdapter; readonly base: BaseReference } | null;
  readonly training: TrainingRecord | null;
}

/** Trainer identity recorded in artifacts and lineage. */
export const TRAINER_VERSION = 'llmops-builtin-trainer@1.0.0';

/**
 * The adapter model as a full model: same weights (already merged), saved as a complete artifact that no
 * longer needs its base. Use it to fine-tune on top of an adapter or to ship without the base.
 */
export function mergeAdapter(model: LoadedModel): LoadedModel {
  return { ...model, adapter: null };
}
