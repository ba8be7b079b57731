import { EvaluationError } from '../evaluation-error';
import { promptText, type EvalItem } from '../items/eval-item';
import type { GenerationSettings, Predictor } from '../predictors/predictor';
import { predictAll } from '../predictors/predict-all';

/** How a judge answers: a short explanation, then `Score: N`. */
export const JUDGE_GENERATION: GenerationSettings = { maxTokens: 256, stop: [] };

const SCORE = /score\s*[:=]\s*(10|[1-9])(?:\s*\/\s*10)?\b/i;

/** The judge's instructions for one answer; it must end its reply with `Score: N` (1–10). */
export function judgePrompt(rubric: string, item: EvalItem, answer: string): string {
  return [
    'You grade an AI assistant. Rubric:',
    rubric,
    '',
    `Question:\n${promptText(item.prompt)}`,
    `Reference answer:\n${item.references[0] ?? ''}`,
    `Assistant's answer:\n${answer}`,
    '',
    'Explain briefly, then finish with a line "Score: N" where N is an integer from 1 to 10.',
  ].join('\n');
}

/** A 1–10 score per answer from an LLM judge; a reply without a parsable score fails the evaluation. */
export async function judgeAnswers(
  judge: Predictor,
  rubric: string,
  items: readonly EvalItem[],
  answers: readonly string[],
  options: { concurrency: number; signal?: AbortSignal },
): Promise<number[]> {
  const replies = await predictAll(
    judge,
    items.map((item, i) => judgePrompt(rubric, item, answers[i] ?? '')),
    options,
  );
  return replies.map((reply, i) => {
    const match = SCORE.exec(reply);
    if (!match?.[1]) {
      throw new EvaluationError(
        'EVAL_JUDGE_FAILED',
        `the judge's reply for item ${items[i]?.id ?? String(i)} has no "Score: N" line: ${reply.slice(0, 120)}`,
      );
    }
    return Number(match[1]);
  });
}
