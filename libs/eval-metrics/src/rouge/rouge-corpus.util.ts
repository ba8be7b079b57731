import { scoreRougeMulti } from './rouge-score.util';
import { ROUGE_TYPES, type RougeOptions, type RougeScore, type RougeScores } from './rouge.types';

/** One hypothesis with its references (a JSONL line of `llmops eval rouge`). */
export interface RougePair {
  hyp: string;
  refs: readonly string[];
}

export interface RougeCorpusReport {
  /** Per pair, `score_multi(refs, hyp)`. */
  pairs: RougeScores[];
  /** Arithmetic mean of each P/R/F over the pairs (rouge-score has no corpus aggregate of its own). */
  mean: RougeScores;
}

export function scoreRougeCorpus(pairs: readonly RougePair[], options: RougeOptions = {}): RougeCorpusReport {
  if (pairs.length === 0) throw new RangeError('scoreRougeCorpus needs at least one pair');
  const scored = pairs.map((p) => scoreRougeMulti(p.refs, p.hyp, options));
  const mean: RougeScores = {};
  for (const type of options.types ?? ROUGE_TYPES) {
    const sum: RougeScore = { precision: 0, recall: 0, fmeasure: 0 };
    for (const scores of scored) {
      const s = scores[type];
      if (!s) continue;
      sum.precision += s.precision;
      sum.recall += s.recall;
      sum.fmeasure += s.fmeasure;
    }
    mean[type] = {
      precision: sum.precision / scored.length,
      recall: sum.recall / scored.length,
      fmeasure: sum.fmeasure / scored.length,
    };
  }
  return { pairs: scored, mean };
}
