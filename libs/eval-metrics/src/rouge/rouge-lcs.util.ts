import type { RougeScore } from './rouge.types';

export const ZERO_SCORE: Readonly<RougeScore> = { precision: 0, recall: 0, fmeasure: 0 };

/** rouge-score's `scoring.fmeasure`: the harmonic mean, 0 when both parts are 0. */
export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** The (|ref|+1)×(|can|+1) LCS length table, row-major in one array. */
function lcsTable(ref: readonly string[], can: readonly string[]): Int32Array {
  const cols = can.length + 1;
  const table = new Int32Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      const at = i * cols + j;
      table[at] =
        ref[i - 1] === can[j - 1]
          ? (table[at - cols - 1] ?? 0) + 1
          : Math.max(table[at - cols] ?? 0, table[at - 1] ?? 0);
    }
  }
  return table;
}

export function lcsLength(ref: readonly string[], can: readonly string[]): number {
  return lcsTable(ref, can)[ref.length * (can.length + 1) + can.length] ?? 0;
}

/**
 * Indices into `ref` of one LCS, chosen with rouge-score's `_backtrack_norec` tie-break (move left
 * only when strictly better), because Lsum's union depends on which LCS is picked.
 */
export function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const table = lcsTable(ref, can);
  const cols = can.length + 1;
  const indices: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if ((table[i * cols + j - 1] ?? 0) > (table[(i - 1) * cols + j] ?? 0)) {
      j--;
    } else {
      i--;
    }
  }
  return indices.reverse();
}
