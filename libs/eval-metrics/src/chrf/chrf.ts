import { assertAlignedStreams } from '../bleu/metric-input.error';
import { pythonFixed } from '../bleu/python-text';
import { SACREBLEU_COMPAT_VERSION } from '../bleu/sacrebleu-compat';
import { sumSegmentStatistics } from '../ngram/segment-statistics';
import { type ChrfOptions, chrfScoring, type ResolvedChrfOptions, resolveChrfOptions } from './chrf-options';
import { chrfFScore } from './chrf-score';
import { CHRF_STATS_PER_ORDER, chrfSegmentStatistics } from './chrf-statistics';

export type { ChrfOptions } from './chrf-options';

export interface ChrfScore {
  /** 0–100. */
  score: number;
  /** `chrF2`, `chrF2++`, … as sacreBLEU names it. */
  name: string;
  /** e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`. */
  signature: string;
}

/** The score's name and signature, which depend on the options and the reference count only. */
export function chrfLabels(nrefs: number, o: ResolvedChrfOptions): Omit<ChrfScore, 'score'> {
  const signature =
    `nrefs:${nrefs}|case:${o.lowercase ? 'lc' : 'mixed'}|eff:${o.epsSmoothing ? 'no' : 'yes'}` +
    `|nc:${o.charOrder}|nw:${o.wordOrder}|space:${o.whitespace ? 'yes' : 'no'}|version:${SACREBLEU_COMPAT_VERSION}`;
  return { name: `chrF${o.beta}${'+'.repeat(o.wordOrder)}`, signature };
}

/** Corpus chrF/chrF++ as sacreBLEU's `CHRF.corpus_score`; `references` are streams aligned with `hypotheses`. */
export function corpusChrf(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: ChrfOptions = {},
): ChrfScore {
  assertAlignedStreams(hypotheses, references);
  const o = resolveChrfOptions(options);
  const scoring = chrfScoring(o);
  const perSegment = chrfSegmentStatistics(hypotheses, references, o);
  const totals = sumSegmentStatistics(perSegment, CHRF_STATS_PER_ORDER * scoring.order);
  return { score: chrfFScore(totals, scoring), ...chrfLabels(references.length, o) };
}

/** Sentence chrF/chrF++ as sacreBLEU's `sentence_chrf`. */
export function sentenceChrf(
  hypothesis: string,
  references: readonly string[],
  options: ChrfOptions = {},
): ChrfScore {
  return corpusChrf(
    [hypothesis],
    references.map((reference) => [reference]),
    options,
  );
}

/** sacreBLEU's text line, e.g. `chrF2|nrefs:1|… = 55.65`. */
export function formatChrf(result: ChrfScore, width = 2): string {
  return `${result.name}|${result.signature} = ${pythonFixed(result.score, width)}`;
}
