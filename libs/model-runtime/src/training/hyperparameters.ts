import type { TrainingMethodSchema } from '@llmops/contracts';
import { z } from 'zod';

import type { ModelRuntimeIssue } from '../errors/model-runtime-error';

/** Fine-tuning method, as the contracts name them. */
export type TrainingMethod = z.output<typeof TrainingMethodSchema>;

const int = (min: number, max: number) => z.int().min(min).max(max);
const positive = (max: number) => z.number().positive().max(max);

/** Fields every method has. Defaults suit the demo corpora on two CPU cores. */
const optimization = {
  /** Peak learning rate of AdamW, reached after warmup. */
  learningRate: positive(1).describe('Peak AdamW learning rate, reached after warmup.'),
  /** Passes over the training examples. */
  epochs: int(1, 1000).default(3).describe('Passes over the training examples.'),
  /** Stop after this many optimizer steps even if epochs remain. */
  maxSteps: int(1, 10_000_000)
    .optional()
    .describe('Stop after this many optimizer steps even if epochs remain.'),
  /** Steps of linear warmup from 0 to the peak learning rate. */
  warmupSteps: int(0, 1_000_000)
    .default(20)
    .describe('Steps of linear warmup from 0 to the peak learning rate.'),
  /** Decay after warmup: cosine or linear down to minLearningRateRatio × peak, or constant. */
  lrSchedule: z
    .enum(['cosine', 'linear', 'constant'])
    .default('cosine')
    .describe('Decay after warmup: cosine or linear to minLearningRateRatio × peak, or constant.'),
  /** Final learning rate as a fraction of the peak. */
  minLearningRateRatio: z
    .number()
    .min(0)
    .max(1)
    .default(0.1)
    .describe('Final learning rate as a fraction of the peak.'),
  /** Decoupled (AdamW) weight decay on weight matrices; biases and embeddings are not decayed. */
  weightDecay: z
    .number()
    .min(0)
    .max(1)
    .default(0.01)
    .describe('AdamW decoupled weight decay on weight matrices.'),
  /** Global gradient-norm clip. */
  gradientClip: positive(1000).default(1).describe('Global gradient L2-norm clip.'),
  /** Seeds initialisation, the eval split, shuffling and dropout. */
  seed: int(0, 2 ** 32 - 1)
    .default(42)
    .describe('Seeds initialisation, the eval split, shuffling and dropout.'),
  /** Share of examples held out to measure eval loss each epoch; 0 disables it. */
  evalFraction: z
    .number()
    .min(0)
    .max(0.5)
    .default(0.1)
    .describe('Share of examples held out for eval loss; 0 disables it.'),
  /** Report progress every this many steps (and at every epoch end). */
  logEvery: int(1, 100_000)
    .default(10)
    .describe('Report progress every this many steps, and at every epoch end.'),
  /** Probability of zeroing a hidden activation during training. */
  dropout: z
    .number()
    .min(0)
    .max(0.9)
    .default(0)
    .describe('Probability of zeroing a hidden activation during training.'),
};

/** Token positions per step for the language-modelling methods. */
const tokenBatch = {
  /** Target tokens per optimizer step (each with its own context window). */
  batchSize: int(1, 4096).default(64).describe('Target tokens per optimizer step.'),
};

/**
 * Architecture fields: used when training from scratch (no base); with a base they may be given only if
 * they equal the base's, so a run spec cannot silently claim a shape it did not get.
 */
const architecture = {
  /** Tokenizer vocabulary, bytes and the 3 special tokens included. */
  vocabSize: int(260, 8192).optional().describe('Tokenizer vocabulary, bytes and 3 special tokens included.'),
  /** Tokens of context the model sees. */
  contextSize: int(1, 64).optional().describe('Tokens of context the model sees.'),
  /** Size of each token embedding. */
  embeddingSize: int(2, 512).optional().describe('Size of each token embedding.'),
  /** Width of each hidden layer. */
  hiddenSize: int(4, 2048).optional().describe('Width of each hidden layer.'),
  /** Number of hidden tanh layers. */
  hiddenLayers: int(1, 4).optional().describe('Number of hidden tanh layers.'),
  /** Earlier tokens averaged into one extra input; 0 turns the bag off. */
  bagSize: int(0, 512).optional().describe('Earlier tokens averaged into one extra input; 0 turns it off.'),
};

const lora = {
  /** Rank of each adapter. */
  loraRank: int(1, 256).default(8).describe('Rank of each LoRA adapter.'),
  /** Adapter scaling numerator: the update is (loraAlpha / loraRank)·B·A. */
  loraAlpha: positive(4096)
    .default(16)
    .describe('LoRA scale numerator: the update is (loraAlpha / loraRank)·B·A.'),
  /** Layers that get adapters. */
  loraTargets: z
    .array(z.enum(['hidden', 'output']))
    .min(1)
    .default(['hidden', 'output'])
    .describe('Layers that get adapters: hidden (every hidden layer), output, or both.'),
};

function withStepChecks<T extends z.ZodType<{ warmupSteps: number; maxSteps?: number | undefined }>>(
  schema: T,
): T {
  return schema.superRefine((value, ctx) => {
    if (value.maxSteps !== undefined && value.warmupSteps >= value.maxSteps) {
      ctx.addIssue({ code: 'custom', path: ['warmupSteps'], message: 'must be smaller than maxSteps' });
    }
  });
}

export const ContinuedPretrainingHyperparametersSchema = withStepChecks(
  z
    .strictObject({
      ...optimization,
      learningRate: optimization.learningRate.default(1e-2),
      ...tokenBatch,
      ...architecture,
    })
    .describe('Hyperparameters of continued pre-training (loss on every token).'),
);

export const SftHyperparametersSchema = withStepChecks(
  z
    .strictObject({
      ...optimization,
      learningRate: optimization.learningRate.default(5e-3),
      ...tokenBatch,
      ...architecture,
    })
    .describe('Hyperparameters of supervised fine-tuning (loss on completion tokens only).'),
);

export const LoraHyperparametersSchema = withStepChecks(
  z
    .strictObject({
      ...optimization,
      learningRate: optimization.learningRate.default(1e-2),
      weightDecay: optimization.weightDecay.default(0),
      ...tokenBatch,
      ...lora,
    })
    .describe('Hyperparameters of LoRA fine-tuning (adapters only; the base is frozen).'),
);

export const DpoHyperparametersSchema = withStepChecks(
  z
    .strictObject({
      ...optimization,
      learningRate: optimization.learningRate.default(1e-3),
      epochs: optimization.epochs.default(3),
      warmupSteps: optimization.warmupSteps.default(5),
      /** Preference pairs per optimizer step. */
      batchSize: int(1, 512).default(8).describe('Preference pairs per optimizer step.'),
      /** DPO temperature: how far the policy may move from the reference to fit the preferences. */
      beta: positive(10).default(0.1).describe('DPO beta: larger keeps the policy closer to the reference.'),
    })
    .describe('Hyperparameters of direct preference optimisation against the frozen base.'),
);

/** The schema per method; the training service validates run specs with these. */
export const HYPERPARAMETER_SCHEMAS = {
  'continued-pretraining': ContinuedPretrainingHyperparametersSchema,
  sft: SftHyperparametersSchema,
  lora: LoraHyperparametersSchema,
  dpo: DpoHyperparametersSchema,
} as const satisfies Record<TrainingMethod, z.ZodType>;

export type ContinuedPretrainingHyperparameters = z.output<typeof ContinuedPretrainingHyperparametersSchema>;
export type SftHyperparameters = z.output<typeof SftHyperparametersSchema>;
export type LoraHyperparameters = z.output<typeof LoraHyperparametersSchema>;
export type DpoHyperparameters = z.output<typeof DpoHyperparametersSchema>;
/** Validated hyperparameters of method M, defaults filled in. */
export type HyperparametersOf<M extends TrainingMethod> = z.output<(typeof HYPERPARAMETER_SCHEMAS)[M]>;
/** What a run spec may give for method M (every field has a default). */
export type HyperparameterInputOf<M extends TrainingMethod> = z.input<(typeof HYPERPARAMETER_SCHEMAS)[M]>;

/** Result of validating a run spec's hyperparameters: the filled-in values, or every bad field. */
export type HyperparameterValidation<M extends TrainingMethod> =
  | { readonly ok: true; readonly value: HyperparametersOf<M> }
  | { readonly ok: false; readonly issues: readonly ModelRuntimeIssue[] };

/** Validates `input` for `method`, reporting every bad or unknown field at once. */
export function validateHyperparameters<M extends TrainingMethod>(
  method: M,
  input: unknown,
): HyperparameterValidation<M> {
  const schema: z.ZodType = HYPERPARAMETER_SCHEMAS[method];
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as HyperparametersOf<M> };
  return { ok: false, issues: toIssues(parsed.error.issues, method) };
}

function toIssues(issues: readonly z.core.$ZodIssue[], method: TrainingMethod): ModelRuntimeIssue[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message: `not a hyperparameter of method ${method}`,
      }));
    }
    return [{ path: path === '' ? '(root)' : path, message: issue.message }];
  });
}
