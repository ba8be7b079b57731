import type { ChrfScoringOptions } from './chrf-score';

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

export type ResolvedChrfOptions = Required<ChrfOptions>;

export function resolveChrfOptions(options: ChrfOptions): ResolvedChrfOptions {
  return {
    charOrder: options.charOrder ?? 6,
    wordOrder: options.wordOrder ?? 0,
    beta: options.beta ?? 2,
    lowercase: options.lowercase ?? false,
    whitespace: options.whitespace ?? false,
    epsSmoothing: options.epsSmoothing ?? false,
  };
}

export function chrfScoring(o: ResolvedChrfOptions): ChrfScoringOptions {
  return { order: o.charOrder + o.wordOrder, beta: o.beta, epsSmoothing: o.epsSmoothing };
}
