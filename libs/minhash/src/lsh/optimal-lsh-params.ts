import { assertIntegerInRange, assertNumberInRange, MinHashError } from '../errors/minhash-error';
import { integrate } from './integrate';

/** LSH banding: `bands` bands of `rows` signature slots each (datasketch's b and r). */
export interface LshParams {
  bands: number;
  rows: number;
}

/** datasketch's (false_positive_weight, false_negative_weight); must sum to 1. */
export type LshWeights = readonly [falsePositive: number, falseNegative: number];

export const DEFAULT_LSH_WEIGHTS: LshWeights = [0.5, 0.5];

const cache = new Map<string, LshParams & { error: number }>();

/** FP and FN mass of every (b, r) with b·r ≤ numPerm, in datasketch's scan order; weight-independent. */
interface ErrorTable {
  bands: Int32Array;
  rows: Int32Array;
  falsePositive: Float64Array;
  falseNegative: Float64Array;
}
const tables = new Map<string, ErrorTable>();

function errorTable(threshold: number, numPerm: number): ErrorTable {
  const key = `${threshold}:${numPerm}`;
  const known = tables.get(key);
  if (known) return known;
  let size = 0;
  for (let b = 1; b <= numPerm; b++) size += Math.floor(numPerm / b);
  const table: ErrorTable = {
    bands: new Int32Array(size),
    rows: new Int32Array(size),
    falsePositive: new Float64Array(size),
    falseNegative: new Float64Array(size),
  };
  let i = 0;
  for (let b = 1; b <= numPerm; b++) {
    const maxRows = Math.floor(numPerm / b);
    for (let r = 1; r <= maxRows; r++, i++) {
      table.bands[i] = b;
      table.rows[i] = r;
      table.falsePositive[i] = falsePositiveProbability(threshold, b, r);
      table.falseNegative[i] = falseNegativeProbability(threshold, b, r);
    }
  }
  tables.set(key, table);
  return table;
}

/** Probability mass of non-similar pairs (s < t) that still share a band: ∫_0^t 1 − (1 − s^r)^b ds. */
export function falsePositiveProbability(threshold: number, bands: number, rows: number): number {
  return integrate((s) => 1 - Math.pow(1 - Math.pow(s, rows), bands), 0, threshold);
}

/** Probability mass of similar pairs (s ≥ t) that share no band: ∫_t^1 (1 − s^r)^b ds. */
export function falseNegativeProbability(threshold: number, bands: number, rows: number): number {
  return integrate((s) => 1 - (1 - Math.pow(1 - Math.pow(s, rows), bands)), threshold, 1);
}

/**
 * datasketch's `_optimal_param`: the (b, r) with b·r ≤ numPerm minimising
 * fpWeight·FP + fnWeight·FN, scanning b then r ascending and keeping the first strict minimum.
 * The integrals use QUADPACK's GK21 rule like scipy's `quad` (see integrate.ts).
 */
export function optimalLshParams(
  threshold: number,
  numPerm: number,
  weights: LshWeights = DEFAULT_LSH_WEIGHTS,
): LshParams & { error: number } {
  assertNumberInRange('threshold', threshold, 0, 1);
  assertIntegerInRange('numPerm', numPerm, 2, 8192);
  const [fpWeight, fnWeight] = weights;
  assertNumberInRange('falsePositiveWeight', fpWeight, 0, 1);
  assertNumberInRange('falseNegativeWeight', fnWeight, 0, 1);
  if (fpWeight + fnWeight !== 1) throw new MinHashError('INVALID_OPTION', 'LSH weights must sum to 1');
  const key = `${threshold}:${numPerm}:${fpWeight}:${fnWeight}`;
  const known = cache.get(key);
  if (known) return known;
  const table = errorTable(threshold, numPerm);
  let best = { bands: 0, rows: 0, error: Infinity };
  for (let i = 0; i < table.bands.length; i++) {
    const error = (table.falsePositive[i] ?? 0) * fpWeight + (table.falseNegative[i] ?? 0) * fnWeight;
    if (error < best.error) best = { bands: table.bands[i] ?? 0, rows: table.rows[i] ?? 0, error };
  }
  cache.set(key, best);
  return best;
}
