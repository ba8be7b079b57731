import {
  bleuResamplable,
  chrfResamplable,
  exactMatchMax,
  lengthStatistics,
  meanResamplable,
  scoreRougeMulti,
  tokenF1Max,
  type ResamplableMetric,
  type RougeType,
} from '@llmops/eval-metrics';
import type { SuiteMetricName } from './suite-metric-names';

/** The scores of one system's answers, ready for reporting and for a paired comparison. */
export interface ScoredPredictions {
  /** Headline value per metric (plus length statistics under `length_*`). */
  readonly metrics: Record<string, number>;
  /** Per-item values of the per-item metrics (ROUGE, exact match, token F1, toxicity). */
  readonly perItem: Record<string, number[]>;
  /** Metrics a paired bootstrap can resample. */
  readonly resamplable: Record<string, ResamplableMetric>;
}

const ROUGE: readonly RougeType[] = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'];

/**
 * Scores answers against references with the exact sacreBLEU / rouge-score / SQuAD implementations.
 * `toxicity` takes precomputed per-answer scores (the scorer may be a remote classifier).
 */
export function scorePredictions(
  metrics: readonly SuiteMetricName[],
  answers: readonly string[],
  references: readonly (readonly string[])[],
  toxicity: readonly number[] | null,
): ScoredPredictions {
  const result: ScoredPredictions = { metrics: {}, perItem: {}, resamplable: {} };
  const put = (name: string, metric: ResamplableMetric, values?: number[]): void => {
    result.metrics[name] = metric.score();
    result.resamplable[name] = metric;
    if (values) result.perItem[name] = values;
  };
  const perItem = (name: string, values: number[]): void => {
    put(name, meanResamplable(values), values);
  };

  const wanted = new Set(metrics);
  if (wanted.has('bleu')) put('bleu', bleuResamplable(answers, referenceStreams(references)));
  if (wanted.has('chrf')) put('chrf', chrfResamplable(answers, referenceStreams(references)));
  if (wanted.has('chrf++'))
    put('chrf++', chrfResamplable(answers, referenceStreams(references), { wordOrder: 2 }));
  const rougeTypes = ROUGE.filter((type) => wanted.has(type));
  if (rougeTypes.length > 0) {
    const scores = answers.map((answer, i) =>
      scoreRougeMulti(references[i] ?? [], answer, { types: rougeTypes }),
    );
    for (const type of rougeTypes)
      perItem(
        type,
        scores.map((s) => s[type]?.fmeasure ?? 0),
      );
  }
  if (wanted.has('exact_match'))
    perItem(
      'exact_match',
      answers.map((a, i) => exactMatchMax(a, references[i] ?? [])),
    );
  if (wanted.has('token_f1'))
    perItem(
      'token_f1',
      answers.map((a, i) => tokenF1Max(a, references[i] ?? [])),
    );
  if (wanted.has('toxicity') && toxicity) perItem('toxicity', [...toxicity]);
  if (wanted.has('length')) {
    const stats = lengthStatistics(answers);
    Object.assign(result.metrics, {
      length_words_mean: stats.meanWords,
      length_words_p95: stats.p95Words,
      length_chars_mean: stats.meanChars,
      empty_answers: stats.emptyCount,
    });
  }
  return result;
}

/**
 * sacreBLEU's layout: one stream per reference. Items with fewer references repeat their first one,
 * which changes nothing (clipping takes the maximum count; the closest length is the same).
 */
export function referenceStreams(references: readonly (readonly string[])[]): string[][] {
  const width = Math.max(1, ...references.map((refs) => refs.length));
  return Array.from({ length: width }, (_, r) => references.map((refs) => refs[r] ?? refs[0] ?? ''));
}
