import type { LshWeights } from '../lsh/optimal-lsh-params';
import type { MinHashScheme } from '../minhash/min-hash-scheme';

export interface ContaminationOptions {
  /** Word n-gram size of the exact-overlap check (default 13, as in the GPT-3 contamination study). */
  ngram?: number;
  /** Distinct n-grams a training record must share with one eval item to match it (default 1). */
  minOverlap?: number;
  /**
   * Eval items with fewer than `ngram` tokens have no n-gram; those with at least this many tokens
   * (default 8) are matched when their whole token sequence occurs in a record. Shorter ones ("yes",
   * "Paris") would match nearly everything, so only the MinHash check sees them.
   */
  minEvalTokens?: number;
  /** The fuzzy check: MinHash Jaccard ≥ threshold against an eval item. `false` turns it off. */
  minhash?: false | ContaminationMinHashOptions;
}

export interface ContaminationMinHashOptions {
  /** Estimated Jaccard at or above which a record matches an eval item (default 0.8). */
  threshold?: number;
  /** Shingle size for the MinHash check (default 5: 13-gram sets make Jaccard too brittle). */
  ngram?: number;
  numPerm?: number;
  seed?: number;
  scheme?: MinHashScheme;
  /** LSH weights (default DEFAULT_DEDUP_WEIGHTS). */
  weights?: LshWeights;
}
