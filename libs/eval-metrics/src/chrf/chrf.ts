import { assertAlignedStreams } from '../bleu/metric-input.error';
import { pythonFixed } from '../bleu/python-text';
import { SACREBLEU_COMPAT_VERSION } from '../bleu/sacrebleu-compat';
import { chrfFScore } from './chrf-score';
import { chrfNgrams, matchStatistics } from './chrf-statistics';

export interface ChrfOptions {
  /** Character n-gram order, default 6. */
  charOrder?: number;
  /** Word n-gram order: 0 is chrF (default), 2 is chrF++. */
  wordOrder?: number;
  /** Recall weight, default 2. */
  beta?: number;
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams (default false, as sacreBLEU). */
  whitespace?: boolean;
  /** chrF++.py-style epsilon smoothing instead of sacreBLEU's effective order (default false). */
  epsSmoothing?: boolean;
}

export interface ChrfScore {
  /** 0–100. */
  score: number;
  /** `chrF2`, `chrF2++`, … as sacreBLEU names it. */
  name: string;
  /** e.g. `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0`. */
  signature: string;
}

type Resolved = Required<ChrfOptions>;

function resolve(options: ChrfOptions): Resolved {
  return {
    charOrder: options.charOrder ?? 6,
    wordOrder: options.wordOrder ?? 0,
    beta: options.beta ?? 2,
    lowercase: options.lowercase ?? false,
    whitespace: options.whitespace ?? false,
    epsSmoothing: options.epsSmoothing ?? false,
  };
}

function scoring(o: Resolved): { order: number; beta: number; epsSmoothing: boolean } {
  return { order: o.charOrder + o.wordOrder, beta: o.beta, epsSmoothing: o.epsSmoothing };
}

/** Statistics against the reference with the best sentence-level F (the first one on a tie). */
function segmentStatistics(hypothesis: string, references: readonly string[], o: Resolved): number[] {
  const hyp = chrfNgrams(hypothesis, o.charOrder, o.wordOrder, o.whitespace);
  let best: number[] = [];
  let bestF = -1;
  for (const reference of references) {
    const ref = chrfNgrams(reference, o.charOrder, o.wordOrder, o.whitespace);
    const stats = hyp.flatMap((h, i) => matchStatistics(h, ref[i] ?? new Map<string, number>()));
    const f = chrfFScore(stats, scoring(o));
    if (f > bestF) {
      bestF = f;
      best = stats;
    }
  }
  return best;
}

/** Corpus chrF/chrF++ as sacreBLEU's `CHRF.corpus_score`; `references` are streams aligned with `hypotheses`. */
export function corpusChrf(
  hypotheses: readonly string[],
  references: readonly (readonly string[])[],
  options: ChrfOptions = {},
): ChrfScore {
  assertAlignedStreams(hypotheses, references);
  const o = resolve(options);
  const prep = (s: string): string => (o.lowercase ? s.toLowerCase() : s);
  const totals = new Array<number>(3 * (o.charOrder + o.wordOrder)).fill(0);
  hypotheses.forEach((hypothesis, i) => {
    const stats = segmentStatistics(
      prep(hypothesis),
      references.map((stream) => prep(stream[i] ?? '')),
      o,
    );
    stats.forEach((value, j) => (totals[j] = (totals[j] ?? 0) + value));
  });
  const signature =
    `nrefs:${references.length}|case:${o.lowercase ? 'lc' : 'mixed'}|eff:${o.epsSmoothing ? 'no' : 'yes'}` +
    `|nc:${o.charOrder}|nw:${o.wordOrder}|space:${o.whitespace ? 'yes' : 'no'}|version:${SACREBLEU_COMPAT_VERSION}`;
  return {
    score: chrfFScore(totals, scoring(o)),
    name: `chrF${o.beta}${'+'.repeat(o.wordOrder)}`,
    signature,
  };
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
