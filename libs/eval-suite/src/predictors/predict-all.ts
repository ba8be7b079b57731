import { EvaluationError } from '../evaluation-error';
import type { EvalPrompt } from '../items/eval-item';
import type { Predictor } from './predictor';

export interface PredictAllOptions {
  /** Prompts in flight at once (endpoints); builtin models run one at a time anyway. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
  readonly onAnswer?: (done: number, total: number) => void;
}

/** Answers every prompt, in order, with at most `concurrency` requests in flight; the first error wins. */
export async function predictAll(
  predictor: Predictor,
  prompts: readonly EvalPrompt[],
  options: PredictAllOptions,
): Promise<string[]> {
  const answers = new Array<string>(prompts.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed) {
      if (options.signal?.aborted) throw new EvaluationError('EVAL_CANCELLED', 'cancelled');
      const index = next;
      next += 1;
      const prompt = prompts[index];
      if (prompt === undefined) return;
      try {
        answers[index] = await predictor.generate(prompt, options.signal);
      } catch (error) {
        failed = true; // the others stop taking prompts
        throw error;
      }
      done += 1;
      options.onAnswer?.(done, prompts.length);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, prompts.length)) }, worker);
  await Promise.all(workers);
  return answers;
}
