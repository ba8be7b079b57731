import type { EvalPrompt } from '../items/eval-item';

/** A model the harness can ask: the candidate or the champion. */
export interface Predictor {
  /** How reports name it, e.g. `builtin support-bot v3` or `endpoint http://vllm:8000/v1 (llama)`. */
  readonly label: string;
  /** The model's answer to one prompt. Throws an {@link EvaluationError} when it cannot answer. */
  generate(prompt: EvalPrompt, signal?: AbortSignal): Promise<string>;
  /** Perplexity on texts (prompt + reference), where the model exposes likelihoods (builtin models). */
  perplexity?(texts: readonly string[]): number;
}

/** Generation settings shared by every predictor of a suite. */
export interface GenerationSettings {
  /** Most tokens per answer. */
  readonly maxTokens: number;
  /** Extra stop strings (chat prompts also stop at the next `User:` turn). */
  readonly stop: readonly string[];
}
