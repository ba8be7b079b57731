import { assertAlignedStreams } from '../bleu/metric-input.error';
import { type ChrfOptions, chrfScoring, resolveChrfOptions } from '../chrf/chrf-options';
import { chrfFScore } from '../chrf/chrf-score';
import { CHRF_STATS_PER_ORDER, chrfSegmentStatistics } from '../chrf/chrf-statistics';
import { sumSegmentStatistics } from '../ngram/segment-statistics';
import { assertResampleIndices, type ResamplableMetric } from './resamplable-metric';

/**
 * Corpus chrF/chrF++ that can be rescored on resamples of its segments: per-segment statistics are
 * computed once; `score(indices)` scores the sums of the drawn segments'. `score()` equals
 * `corpusChrf(hyps, refs, options).score` exactly.
 */
export function chrfResamplable(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  options: ChrfOptions = {},
): ResamplableMetric {
  assertAlignedStreams(hyps, refs);
  const o = resolveChrfOptions(options);
  const scoring = chrfScoring(o);
  const perSegment = chrfSegmentStatistics(hyps, refs, o);
  const width = CHRF_STATS_PER_ORDER * scoring.order;
  const size = hyps.length;
  return {
    size,
    score(indices?: ArrayLike<number>): number {
      if (indices !== undefined) assertResampleIndices(indices, size);
      return chrfFScore(sumSegmentStatistics(perSegment, width, indices), scoring);
    },
  };
}
