import { MetricInputError } from '../bleu/metric-input.error';
import { assertResampleIndices, type ResamplableMetric } from './resamplable-metric';

/**
 * The arithmetic mean of per-item values (ROUGE F, exact match, token F1, toxicity, …) as a resamplable
 * metric. Throws `MetricInputError` on an empty list or a NaN/infinite value.
 */
export function meanResamplable(values: readonly number[]): ResamplableMetric {
  if (values.length === 0) throw new MetricInputError('EMPTY_CORPUS', 'no per-item values to average');
  const items = Float64Array.from(values);
  items.forEach((value, index) => {
    if (!Number.isFinite(value))
      throw new MetricInputError('NON_FINITE_VALUE', `value ${String(value)} at item ${index} is not finite`);
  });
  const size = items.length;
  return {
    size,
    score(indices?: ArrayLike<number>): number {
      let sum = 0;
      if (indices === undefined) {
        for (let i = 0; i < size; i++) sum += items[i] as number;
        return sum / size;
      }
      assertResampleIndices(indices, size);
      for (let k = 0; k < indices.length; k++) sum += items[indices[k] as number] as number;
      return sum / indices.length;
    },
  };
}
