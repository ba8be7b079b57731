import { z } from 'zod';

/** Lifecycle stages of a model version, in order; registry allows only its documented transitions. */
export const MODEL_STAGES = [
  'registered',
  'candidate',
  'staging',
  'production',
  'deprecated',
  'archived',
] as const;

/** A model version's lifecycle stage. */
export const ModelStageSchema = z
  .enum(MODEL_STAGES)
  .describe('Lifecycle stage: registered, candidate, staging, production, deprecated or archived.');

/** A model version's lifecycle stage. */
export type ModelStage = z.output<typeof ModelStageSchema>;

/** How a model's weights are stored, which decides which runtime can load them. */
export const ModelFormatSchema = z
  .enum(['builtin', 'huggingface', 'adapter', 'gguf'])
  .describe(
    'Weights format: builtin (the platform runtime), huggingface (full model), adapter (LoRA/PEFT over a base), gguf.',
  );

/** How a model's weights are stored. */
export type ModelFormat = z.output<typeof ModelFormatSchema>;

/** Fine-tuning methods. */
export const TrainingMethodSchema = z
  .enum(['sft', 'lora', 'dpo', 'continued-pretraining'])
  .describe('Fine-tuning method: sft, lora, dpo or continued-pretraining.');

/** Where training runs. */
export const TrainingExecutorSchema = z
  .enum(['builtin', 'process', 'kubernetes'])
  .describe(
    'Where the run executes: builtin (in-process worker), process (local command), kubernetes (batch Job).',
  );
