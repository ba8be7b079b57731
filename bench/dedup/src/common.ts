import { readFileSync } from 'node:fs';
import { join } from 'node:path';
export { args, required } from '../../shared/cli-args';
export { median } from '../../shared/median';

export interface CorpusLine {
  id: string;
  text: string;
}

/** corpus.jsonl written by gen.ts: one {"id","text"} object per line. */
export function readCorpus(dir: string): CorpusLine[] {
  const lines = readFileSync(join(dir, 'corpus.jsonl'), 'utf8').split('\n');
  lines.pop();
  return lines.map((line) => JSON.parse(line) as CorpusLine);
}

/** The parameters both sides run with (written to params.json by gen.ts, read by both). */
export interface BenchParams {
  numPerm: number;
  seed: number;
  ngram: number;
  threshold: number;
  weights: [number, number];
  warmupDocs: number;
  reps: number;
}

/** Wall-clock and CPU seconds (user + system, whole process) of one timed pass. */
export interface Timing {
  wall: number;
  cpu: number;
}

/** One side's measurements from one process (one repetition), as written by ours.ts and reference.py. */
export interface SideResult {
  impl: string;
  docs: number;
  /** LSH banding used. */
  bands: number;
  rows: number;
  /** `minhash`: text → signature for every document; `pipeline`: text → kept / near-duplicate of. */
  runs: { minhash: Timing; pipeline: Timing };
  /** SHA-1 of every signature as little-endian uint32, in corpus order. */
  signatureDigest: string;
  /** Clusters, as corpus line indexes (kept document first). */
  clusters: number[][];
  kept: number;
}
