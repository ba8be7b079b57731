import { pythonSplit } from './python-text';

/** n-gram counts per order (index n-1); keys join tokens with a space, which tokens never contain. */
type NgramCounts = Map<string, number>[];

/** Per-segment sufficient statistics, summed over a corpus before scoring. */
export interface BleuStatistics {
  sysLen: number;
  refLen: number;
  correct: number[];
  total: number[];
}

function extractNgrams(line: string, maxOrder: number): { counts: NgramCounts; length: number } {
  const tokens = pythonSplit(line);
  const counts: NgramCounts = [];
  for (let n = 1; n <= maxOrder; n++) {
    const order = new Map<string, number>();
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = tokens.slice(i, i + n).join(' ');
      order.set(key, (order.get(key) ?? 0) + 1);
    }
    counts.push(order);
  }
  return { counts, length: tokens.length };
}

/** The reference length closest to the hypothesis length; the shorter one on a tie. */
function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const refLen of refLens) {
    const diff = Math.abs(hypLen - refLen);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = refLen;
    } else if (diff === closestDiff && refLen < closestLen) closestLen = refLen;
  }
  return closestLen;
}

/** Clipped n-gram matches of one (preprocessed) hypothesis against all its (preprocessed) references. */
export function bleuSegmentStatistics(
  hypothesis: string,
  references: readonly string[],
  maxOrder: number,
): BleuStatistics {
  // A hypothesis n-gram may match as often as it occurs in the reference that holds it most.
  const refMax: NgramCounts = Array.from({ length: maxOrder }, () => new Map<string, number>());
  const refLens: number[] = [];
  for (const reference of references) {
    const { counts, length } = extractNgrams(reference, maxOrder);
    refLens.push(length);
    counts.forEach((order, index) => {
      const merged = refMax[index];
      if (!merged) return;
      for (const [key, count] of order) merged.set(key, Math.max(merged.get(key) ?? 0, count));
    });
  }
  const { counts, length } = extractNgrams(hypothesis, maxOrder);
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  counts.forEach((order, index) => {
    const ref = refMax[index];
    for (const [key, count] of order) {
      total[index] = (total[index] ?? 0) + count;
      correct[index] = (correct[index] ?? 0) + Math.min(count, ref?.get(key) ?? 0);
    }
  });
  return { sysLen: length, refLen: closestRefLen(length, refLens), correct, total };
}

/** Corpus statistics are plain sums of the segments'. */
export function sumBleuStatistics(segments: readonly BleuStatistics[], maxOrder: number): BleuStatistics {
  const sum: BleuStatistics = {
    sysLen: 0,
    refLen: 0,
    correct: new Array<number>(maxOrder).fill(0),
    total: new Array<number>(maxOrder).fill(0),
  };
  for (const s of segments) {
    sum.sysLen += s.sysLen;
    sum.refLen += s.refLen;
    for (let i = 0; i < maxOrder; i++) {
      sum.correct[i] = (sum.correct[i] ?? 0) + (s.correct[i] ?? 0);
      sum.total[i] = (sum.total[i] ?? 0) + (s.total[i] ?? 0);
    }
  }
  return sum;
}
