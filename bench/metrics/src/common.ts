import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `--name=value` arguments. */
export function args(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}

export function required(a: Map<string, string>, name: string): string {
  const v = a.get(name);
  if (v === undefined) throw new Error(`missing --${name}=...`);
  return v;
}

/** The lines of a file written by corpus.ts (no trailing empty line), as Python's `read().split('\n')[:-1]`. */
export function readLines(dir: string, name: string): string[] {
  const lines = readFileSync(join(dir, name), 'utf8').split('\n');
  lines.pop();
  return lines;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
};

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
