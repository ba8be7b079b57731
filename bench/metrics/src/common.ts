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

/** Paired bootstrap benchmark: BLEU on the first 1,000 segments, 1,000 resamples (sacreBLEU's default). */
export const BOOTSTRAP_SEGMENTS = 1000;
export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * The two systems the bootstrap compares: the corpus hypotheses and a weaker champion that drops every
 * fifth word. reference.py derives the same champion (str.split(' ') and JS split(' ') agree).
 */
export function bootstrapSystems(
  hyps: readonly string[],
  refs: readonly string[],
): { candidate: string[]; champion: string[]; refs: string[] } {
  const candidate = hyps.slice(0, BOOTSTRAP_SEGMENTS);
  const champion = candidate.map((h) =>
    h
      .split(' ')
      .filter((_, j) => j % 5 !== 4)
      .join(' '),
  );
  return { candidate, champion, refs: refs.slice(0, BOOTSTRAP_SEGMENTS) };
}
