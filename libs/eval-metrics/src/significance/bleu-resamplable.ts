import { bleuCorpusStatistics, type BleuOptions, bleuFromTotals, resolveBleuOptions } from '../bleu/bleu';
import { bleuStatisticsWidth } from '../bleu/bleu-statistics';
import { assertAlignedStreams } from '../bleu/metric-input.error';
import { sumSegmentStatistics } from '../ngram/segment-statistics';
import { assertResampleIndices, type ResamplableMetric } from './resamplable-metric';

const MAX_NGRAM_ORDER = 4;

/**
 * Corpus BLEU that can be rescored on resamples of its segments. Tokenization and n-gram matching run
 * once, here; `score(indices)` sums the drawn segments' sufficient statistics and scores the sums, as
 * sacreBLEU's paired bootstrap does. `score()` equals `corpusBleu(hyps, refs, options).score` exactly.
 */
export function bleuResamplable(
  hyps: readonly string[],
  refs: readonly (readonly string[])[],
  options: BleuOptions = {},
): ResamplableMetric {
  assertAlignedStreams(hyps, refs);
  const o = resolveBleuOptions(options, false);
  const perSegment = bleuCorpusStatistics(hyps, refs, o);
  const width = bleuStatisticsWidth(MAX_NGRAM_ORDER);
  const size = hyps.length;
  return {
    size,
    score(indices?: ArrayLike<number>): number {
      if (indices !== undefined) assertResampleIndices(indices, size);
      return bleuFromTotals(sumSegmentStatistics(perSegment, width, indices), refs.length, o).score;
    },
  };
}
