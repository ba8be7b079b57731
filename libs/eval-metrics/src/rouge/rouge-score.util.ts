import { NgramMatcher } from '../ngram/ngram-matcher';
import { SymbolInterner } from '../ngram/symbol-interner';
import { fmeasure, lcsIndices, lcsLength, ZERO_SCORE } from './rouge-lcs.util';
import { appendRougeTokens, tokenizeRouge } from './rouge-tokenizer.util';
import { ROUGE_TYPES, type RougeOptions, type RougeScore, type RougeScores } from './rouge.types';

/** rouge-score `_score_ngrams` from the clipped overlap; empty sides divide by 1, giving 0 not NaN. */
function ngramScore(overlap: number, targetLength: number, predictionLength: number, n: number): RougeScore {
  const precision = overlap / Math.max(predictionLength - n + 1, 1);
  const recall = overlap / Math.max(targetLength - n + 1, 1);
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

/** rouge-score `_score_lcs` (ROUGE-L). */
export function scoreLcs<T>(target: ArrayLike<T>, prediction: ArrayLike<T>): RougeScore {
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

/** Reused across calls (JS runs one call at a time; nothing here is re-entrant). */
const symbols = new SymbolInterner();
const matcher = new NgramMatcher();
const overlaps = new Float64Array(2);

/** rouge-score splits Lsum summaries on '\n' only and drops empty (not blank) sentences. */
const splitSentences = (text: string): string[] => text.split('\n').filter((s) => s.length > 0);

/** One target/prediction pair, as `RougeScorer(types, use_stemmer).score(target, prediction)`. */
export function scoreRouge(target: string, prediction: string, options: RougeOptions = {}): RougeScores {
  const types = options.types ?? ROUGE_TYPES;
  const useStemmer = options.useStemmer ?? false;
  // Tokens as per-pair word ids: n-gram overlaps and the LCS compare integers, not strings.
  symbols.reset();
  const needsTokens = types.some((type) => type !== 'rougeLsum');
  if (needsTokens) appendRougeTokens(target, useStemmer, symbols);
  const targetEnd = symbols.length;
  if (needsTokens) appendRougeTokens(prediction, useStemmer, symbols);
  const targetRange = { start: 0, end: targetEnd };
  const predictionRange = { start: targetEnd, end: symbols.length };
  const maxOrder = types.includes('rouge2') ? 2 : types.includes('rouge1') ? 1 : 0;
  // The clipped overlap Σ min(count in target, count in prediction) is symmetric in the two sides.
  if (maxOrder > 0)
    matcher.match(symbols.symbols, symbols.alphabet, predictionRange, [targetRange], maxOrder, overlaps);
  const targetLength = targetEnd;
  const predictionLength = symbols.length - targetEnd;
  const result: RougeScores = {};
  for (const type of types) {
    switch (type) {
      case 'rouge1':
        result[type] = ngramScore(overlaps[0] as number, targetLength, predictionLength, 1);
        break;
      case 'rouge2':
        result[type] = ngramScore(overlaps[1] as number, targetLength, predictionLength, 2);
        break;
      case 'rougeL':
        result[type] = scoreLcs(
          symbols.symbols.subarray(0, targetEnd),
          symbols.symbols.subarray(targetEnd, symbols.length),
        );
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
