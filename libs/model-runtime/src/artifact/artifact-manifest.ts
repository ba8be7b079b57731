import { BaseModelRefSchema, Sha256HexSchema } from '@llmops/contracts';
import { z } from 'zod';

/** Value of model.json's `format`: what this runtime reads. */
export const ARTIFACT_FORMAT = 'llmops-builtin-lm';
/** Newest model.json layout this runtime writes and the only one it reads. */
export const ARTIFACT_FORMAT_VERSION = 1;

/** Artifact file names. */
export const MODEL_FILE = 'model.json';
export const TOKENIZER_FILE = 'tokenizer.json';
export const WEIGHTS_FILE = 'weights.bin';

const positiveInt = z.int().positive();

const FileRefSchema = z.strictObject({
  /** File name within the artifact. */
  file: z.string().min(1),
  /** SHA-256 of the file's bytes, checked on load. */
  sha256: Sha256HexSchema,
  /** Size in bytes. */
  bytes: z.int().nonnegative(),
});

/** model.json, format version 1. Never change a field's meaning: add a version instead. */
export const ModelManifestV1Schema = z.strictObject({
  format: z.literal(ARTIFACT_FORMAT),
  formatVersion: z.literal(1),
  /** `model`: complete weights; `adapter`: LoRA tensors only, applied to the base named in `adapter.base`. */
  kind: z.enum(['model', 'adapter']),
  name: z.string().min(1).nullable(),
  architecture: z.strictObject({
    type: z.literal('mlp-lm'),
    vocabSize: positiveInt,
    contextSize: positiveInt,
    embeddingSize: positiveInt,
    hiddenSize: positiveInt,
    hiddenLayers: positiveInt,
    bagSize: z.int().nonnegative(),
    activation: z.literal('tanh'),
  }),
  /** tokenizer.json; null for an adapter, which uses its base's tokenizer. */
  tokenizer: FileRefSchema.nullable(),
  weights: FileRefSchema.extend({
    dtype: z.literal('float32'),
    byteOrder: z.literal('little-endian'),
    tensors: z
      .array(
        z.strictObject({
          name: z.string().min(1),
          shape: z.array(positiveInt).min(1),
          /** Byte offset of the tensor's first value in weights.bin. */
          offset: z.int().nonnegative(),
        }),
      )
      .min(1),
  }),
  adapter: z
    .strictObject({
      method: z.literal('lora'),
      rank: positiveInt,
      alpha: z.number().positive(),
      targets: z.array(z.enum(['hidden', 'output'])).min(1),
      base: z.strictObject({
        /** How the platform names the base, if the trainer was told. */
        ref: BaseModelRefSchema.nullable(),
        /** SHA-256 of the base's weights.bin. */
        weightsSha256: Sha256HexSchema,
        /** SHA-256 of the base's tokenizer.json. */
        tokenizerSha256: Sha256HexSchema,
      }),
    })
    .nullable(),
  training: z
    .strictObject({
      method: z.enum(['sft', 'lora', 'dpo', 'continued-pretraining']),
      hyperparameters: z.record(z.string(), z.unknown()),
      steps: z.int().nonnegative(),
      epochs: z.number().nonnegative(),
      tokensSeen: z.int().nonnegative(),
      trainLoss: z.number().nullable(),
      evalLoss: z.number().nullable(),
      trainer: z.string().min(1),
    })
    .nullable(),
});

export type ModelManifestV1 = z.output<typeof ModelManifestV1Schema>;

/** tokenizer.json. */
export const TokenizerFileSchema = z.strictObject({
  type: z.literal('byte-bpe'),
  pretokenizer: z.literal('llmops-words-v1'),
  specialTokens: z.strictObject({ pad: z.literal(256), bos: z.literal(257), eos: z.literal(258) }),
  merges: z.array(z.tuple([z.int().nonnegative(), z.int().nonnegative()])),
});

/** Read first, so an unknown format or version gets a clear error rather than a list of schema issues. */
export const FormatHeaderSchema = z.looseObject({
  format: z.string(),
  formatVersion: z.number(),
});
