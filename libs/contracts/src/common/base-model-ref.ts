import { z } from 'zod';

import { ModelVersionRefSchema } from './model-version-ref';

/** The foundation a model was (or is being) fine-tuned from. */
export const BaseModelRefSchema = z
  .discriminatedUnion('kind', [
    ModelVersionRefSchema.extend({
      /** A version in the llmops registry. */
      kind: z.literal('registry').describe('A version in the llmops registry.'),
    }),
    z.object({
      /** One of the builtin model family's base checkpoints. */
      kind: z.literal('builtin').describe("One of the builtin model family's base checkpoints."),
      /** Name of the builtin base, e.g. `tiny-gpt-2l`. */
      name: z.string().min(1).describe('Name of the builtin base, e.g. tiny-gpt-2l.'),
    }),
    z.object({
      /** A model on the Hugging Face Hub (external executors only). */
      kind: z.literal('huggingface').describe('A model on the Hugging Face Hub (external executors only).'),
      /** Hub repository id, e.g. `Qwen/Qwen2.5-0.5B-Instruct`. */
      repoId: z.string().min(1).describe('Hub repository id, e.g. Qwen/Qwen2.5-0.5B-Instruct.'),
      /** Commit sha or tag pinned for reproducibility; null means the default branch at run time. */
      revision: z
        .string()
        .min(1)
        .nullable()
        .describe('Commit sha or tag pinned for reproducibility; null means the default branch at run time.'),
    }),
  ])
  .describe('The foundation a model is fine-tuned from.');

/** The foundation a model is fine-tuned from. */
export type BaseModelRef = z.output<typeof BaseModelRefSchema>;
