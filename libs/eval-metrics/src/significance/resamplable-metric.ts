import { MetricInputError } from '../bleu/metric-input.error';

/** A metric over a corpus that can be recomputed on any resample of its items (indices may repeat). */
export interface ResamplableMetric {
  /** Number of items (segments) in the corpus. */
  readonly size: number;
  /** The score on the items at `indices` (each in [0, size), repeats allowed); all items in order when omitted. */
  score(indices?: ArrayLike<number>): number;
}

/** Refuses an empty resample or an index that is not an integer in [0, size). */
export function assertResampleIndices(indices: ArrayLike<number>, size: number): void {
  if (indices.length === 0) throw new MetricInputError('EMPTY_CORPUS', 'a resample needs at least one index');
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k] as number;
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new MetricInputError(
        'INDEX_OUT_OF_RANGE',
        `resample index ${String(index)} at position ${k} is not an integer in [0, ${size})`,
      );
  }
}
