import type { RougeScore } from './rouge.types';

// Bound once: under jest's module wrapper, global lookups in hot loops cost 2–80×.
const max = Math.max;

export const ZERO_SCORE: Readonly<RougeScore> = { precision: 0, recall: 0, fmeasure: 0 };

/** rouge-score's `scoring.fmeasure`: the harmonic mean, 0 when both parts are 0. */
export function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** The (|ref|+1)×(|can|+1) LCS length table, row-major in one array. */
function lcsTable<T>(ref: ArrayLike<T>, can: ArrayLike<T>): Int32Array {
  const cols = can.length + 1;
  const table = new Int32Array((ref.length + 1) * cols);
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= can.length; j++) {
      const at = i * cols + j;
      table[at] =
        ref[i - 1] === can[j - 1]
          ? (table[at - cols - 1] ?? 0) + 1
          : max(table[at - cols] ?? 0, table[at - 1] ?? 0);
    }
  }
  return table;
}

let rows = new Int32Array(256);

/** The last cell of `lcsTable`, filled two rows at a time in a reused buffer. */
export function lcsLength<T>(ref: ArrayLike<T>, can: ArrayLike<T>): number {
  const cols = can.length + 1;
  if (2 * cols > rows.length) rows = new Int32Array(4 * cols);
  let prev = 0;
  let cur = cols;
  rows.fill(0, 0, 2 * cols);
  for (let i = 1; i <= ref.length; i++) {
    const token = ref[i - 1];
    for (let j = 1; j <= can.length; j++) {
      rows[cur + j] =
        token === can[j - 1]
          ? (rows[prev + j - 1] as number) + 1
          : max(rows[prev + j] as number, rows[cur + j - 1] as number);
    }
    const done = cur;
    cur = prev;
    prev = done;
  }
  return rows[prev + can.length] as number;
}

/**
 * Indices into `ref` of one LCS, chosen with rouge-score's `_backtrack_norec` tie-break (move left
 * only when strictly better), because Lsum's union depends on which LCS is picked.
 */
export function lcsIndices<T>(ref: ArrayLike<T>, can: ArrayLike<T>): number[] {
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
