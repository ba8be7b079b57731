import { fmeasure, lcsIndices, lcsLength, ZERO_SCORE } from './rouge-lcs.util';
import { tokenizeRouge } from './rouge-tokenizer.util';
import { ROUGE_TYPES, type RougeOptions, type RougeScore, type RougeScores } from './rouge.types';

function countNgrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  // Tokens are [a-z0-9]+, so a space joins n-grams without ambiguity.
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** rouge-score `_score_ngrams`: clipped overlap; empty sides divide by 1, giving 0 not NaN. */
export function scoreNgrams(target: readonly string[], prediction: readonly string[], n: number): RougeScore {
  const targetCounts = countNgrams(target, n);
  const predictionCounts = countNgrams(prediction, n);
  let overlap = 0;
  let targetTotal = 0;
  let predictionTotal = 0;
  for (const [gram, count] of targetCounts) {
    overlap += Math.min(count, predictionCounts.get(gram) ?? 0);
    targetTotal += count;
  }
  for (const count of predictionCounts.values()) predictionTotal += count;
  const precision = overlap / Math.max(predictionTotal, 1);
  const recall = overlap / Math.max(targetTotal, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** rouge-score `_score_lcs` (ROUGE-L). */
export function scoreLcs(target: readonly string[], prediction: readonly string[]): RougeScore {
  if (target.length === 0 || prediction.length === 0) return { ...ZERO_SCORE };
  const lcs = lcsLength(target, prediction);
  const precision = lcs / prediction.length;
  const recall = lcs / target.length;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

const countTokens = (sentences: readonly (readonly string[])[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const t of sentence) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
};

/**
 * rouge-score `_summary_level_lcs` (ROUGE-Lsum): per reference sentence, the union of its LCS
 * with every candidate sentence; hits are clipped by token counts so nothing counts twice.
 */
export function scoreSummaryLcs(
  targetSentences: readonly (readonly string[])[],
  predictionSentences: readonly (readonly string[])[],
): RougeScore {
  if (targetSentences.length === 0 || predictionSentences.length === 0) return { ...ZERO_SCORE };
  const m = targetSentences.reduce((sum, s) => sum + s.length, 0);
  const n = predictionSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return { ...ZERO_SCORE };
  const targetCounts = countTokens(targetSentences);
  const predictionCounts = countTokens(predictionSentences);
  let hits = 0;
  for (const ref of targetSentences) {
    const union = new Set<number>();
    for (const can of predictionSentences) for (const index of lcsIndices(ref, can)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index] ?? '';
      const inPrediction = predictionCounts.get(token) ?? 0;
      const inTarget = targetCounts.get(token) ?? 0;
      if (inPrediction > 0 && inTarget > 0) {
        hits++;
        predictionCounts.set(token, inPrediction - 1);
        targetCounts.set(token, inTarget - 1);
      }
    }
  }
  const recall = hits / m;
  const precision = hits / n;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** rouge-score splits Lsum summaries on '\n' only and drops empty (not blank) sentences. */
const splitSentences = (text: string): string[] => text.split('\n').filter((s) => s.length > 0);

/** One target/prediction pair, as `RougeScorer(types, use_stemmer).score(target, prediction)`. */
export function scoreRouge(target: string, prediction: string, options: RougeOptions = {}): RougeScores {
  const types = options.types ?? ROUGE_TYPES;
  const useStemmer = options.useStemmer ?? false;
  const targetTokens = tokenizeRouge(target, useStemmer);
  const predictionTokens = tokenizeRouge(prediction, useStemmer);
  const result: RougeScores = {};
  for (const type of types) {
    switch (type) {
      case 'rouge1':
        result[type] = scoreNgrams(targetTokens, predictionTokens, 1);
        break;
      case 'rouge2':
        result[type] = scoreNgrams(targetTokens, predictionTokens, 2);
        break;
      case 'rougeL':
        result[type] = scoreLcs(targetTokens, predictionTokens);
        break;
      case 'rougeLsum':
        result[type] = scoreSummaryLcs(
          splitSentences(target).map((s) => tokenizeRouge(s, useStemmer)),
          splitSentences(prediction).map((s) => tokenizeRouge(s, useStemmer)),
        );
        break;
    }
  }
  return result;
}

/**
 * `RougeScorer.score_multi`: per type, the score against the target with the highest F-measure
 * (the first one on ties, like numpy's argmax).
 */
export function scoreRougeMulti(
  targets: readonly string[],
  prediction: string,
  options: RougeOptions = {},
): RougeScores {
  if (targets.length === 0) throw new RangeError('scoreRougeMulti needs at least one target');
  const perTarget = targets.map((t) => scoreRouge(t, prediction, options));
  const result: RougeScores = {};
  for (const type of options.types ?? ROUGE_TYPES) {
    let best: RougeScore | undefined;
    for (const scores of perTarget) {
      const candidate = scores[type];
      if (candidate && (best === undefined || candidate.fmeasure > best.fmeasure)) best = candidate;
    }
    if (best) result[type] = best;
  }
  return result;
}
