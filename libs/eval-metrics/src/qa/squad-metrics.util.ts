import { normalizeSquadAnswer, splitPythonWhitespace } from './squad-normalize.util';

/** 1 when the normalised prediction equals the normalised answer, else 0. */
export function exactMatch(prediction: string, answer: string): number {
  return normalizeSquadAnswer(prediction) === normalizeSquadAnswer(answer) ? 1 : 0;
}

/** SQuAD v1.1 token F1 over normalised tokens; 0 without common tokens (so also when both are empty). */
export function tokenF1(prediction: string, answer: string): number {
  const predictionTokens = splitPythonWhitespace(normalizeSquadAnswer(prediction));
  const answerTokens = splitPythonWhitespace(normalizeSquadAnswer(answer));
  const answerCounts = new Map<string, number>();
  for (const t of answerTokens) answerCounts.set(t, (answerCounts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of predictionTokens) {
    const left = answerCounts.get(t) ?? 0;
    if (left > 0) {
      common++;
      answerCounts.set(t, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predictionTokens.length;
  const recall = common / answerTokens.length;
  return (2 * precision * recall) / (precision + recall);
}

function maxOverAnswers(
  metric: (p: string, a: string) => number,
  prediction: string,
  answers: readonly string[],
): number {
  if (answers.length === 0) throw new RangeError('SQuAD metrics need at least one gold answer');
  return Math.max(...answers.map((a) => metric(prediction, a)));
}

/** `metric_max_over_ground_truths(exact_match_score, …)`, as 0 or 1. */
export const exactMatchMax = (prediction: string, answers: readonly string[]): number =>
  maxOverAnswers(exactMatch, prediction, answers);

/** `metric_max_over_ground_truths(f1_score, …)`. */
export const tokenF1Max = (prediction: string, answers: readonly string[]): number =>
  maxOverAnswers(tokenF1, prediction, answers);
