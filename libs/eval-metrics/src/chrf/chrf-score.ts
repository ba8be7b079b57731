export interface ChrfScoringOptions {
  order: number;
  beta: number;
  epsSmoothing: boolean;
}

/** sacreBLEU's `CHRF._compute_f_score` over flattened [hyp, ref, match] triples, one per order. */
export function chrfFScore(stats: ArrayLike<number>, options: ChrfScoringOptions): number {
  const eps = 1e-16;
  const factor = options.beta ** 2;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < options.order; i++) {
    const nHyp = stats[3 * i] ?? 0;
    const nRef = stats[3 * i + 1] ?? 0;
    const nMatch = stats[3 * i + 2] ?? 0;
    // chrF++.py-style epsilon smoothing (also Moses and NLTK)
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    // sacreBLEU < 2.0 effective order: average only over orders both sides have
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder += 1;
    }
  }
  if (options.epsSmoothing) return (100 * score) / options.order;
  if (effectiveOrder === 0) {
    avgPrec = 0;
    avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec === 0) return 0;
  return 100 * (((1 + factor) * avgPrec * avgRec) / (factor * avgPrec + avgRec));
}
