/** The ROUGE variants rouge-score computes; rougeN for n-gram overlap, rougeL/rougeLsum for LCS. */
export const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;
export type RougeType = (typeof ROUGE_TYPES)[number];

/** One rouge-score `Score` tuple. */
export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

export type RougeScores = Partial<Record<RougeType, RougeScore>>;

export interface RougeOptions {
  /** ROUGE types to compute; defaults to all four. */
  types?: readonly RougeType[];
  /** Porter-stem tokens longer than 3 characters, like rouge-score's `use_stemmer=True`. */
  useStemmer?: boolean;
}

export const isRougeType = (value: string): value is RougeType =>
  (ROUGE_TYPES as readonly string[]).includes(value);
