export { args, required, readLines } from '../../shared/cli-args';
export { median } from '../../shared/median';

/** One side's measurements, as written by ours.ts and reference.py. */
export interface SideResult {
  impl: string;
  segments: number;
  /** Per benchmark: seconds of each timed repetition and the score it produced. */
  runs: Record<string, { seconds: number[]; score: number | Record<string, number> }>;
  /** Per ROUGE benchmark and type: per-pair F-measure, for the agreement check. */
  rougeF: Record<string, Record<string, number[]>>;
}

export const ROUGE_BENCH_TYPES = ['rouge1', 'rouge2', 'rougeL'] as const;
