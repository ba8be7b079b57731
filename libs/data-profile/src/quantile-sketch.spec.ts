import { seededRandom } from './adaptive-sampler';
import { QuantileSketch } from './quantile-sketch';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

describe('QuantileSketch', () => {
  it('gives quantiles within 1% of the true value on skewed data', () => {
    const random = seededRandom(7);
    // Log-normal-ish record lengths: mostly hundreds of chars, a long tail to ~100k.
    const values = Array.from({ length: 50_000 }, () =>
      Math.round(Math.exp(5 + 1.5 * (random() + random() + random() - 1.5) * 2)),
    );
    const sketch = new QuantileSketch(0.01);
    for (const value of values) sketch.add(value);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.01, 0.25, 0.5, 0.9, 0.99, 0.999]) {
      const truth = exactQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q) - truth)).toBeLessThanOrEqual(truth * 0.0101 + 0.5);
    }
  });

  it('handles zeros, negatives and weights, and stays small', () => {
    const sketch = new QuantileSketch(0.01);
    sketch.add(-4);
    sketch.add(0, 2);
    sketch.add(10, 7);
    expect(sketch.weight).toBe(10);
    expect(sketch.quantile(0)).toBeCloseTo(-4, 0);
    expect(sketch.quantile(0.25)).toBe(0);
    expect(sketch.quantile(0.5)).toBeCloseTo(10, 0);
    const big = new QuantileSketch(0.01);
    for (let i = 1; i < 1_000_000; i += 7) big.add(i);
    expect(big.buckets().length).toBeLessThan(800);
    expect(new QuantileSketch().quantile(0.5)).toBeNaN();
  });
});
