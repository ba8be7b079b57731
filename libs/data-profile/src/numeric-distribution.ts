import type { Distribution } from './dataset-profile';
import { QuantileSketch } from './quantile-sketch';

const LINEAR_BINS = 20;

/**
 * Streaming statistics of one measure (record length, quality score, turns): exact count, mean, min and
 * max, quantiles within 1% from a sketch, and a histogram derived from the sketch at the end. Memory does
 * not grow with the number of records.
 */
export class NumericDistribution {
  private readonly sketch = new QuantileSketch(0.01);
  private weightSum = 0;
  private weightedSum = 0;
  private measured = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private integers = true;

  constructor(private readonly scale: 'log2' | 'linear') {}

  /** Add one measured value; `weight` > 1 when the record stands for others (sampling). */
  add(value: number, weight = 1): void {
    if (!Number.isFinite(value)) return;
    this.sketch.add(value, weight);
    this.weightSum += weight;
    this.weightedSum += value * weight;
    this.measured++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.integers && !Number.isInteger(value)) this.integers = false;
  }

  get mean(): number {
    return this.weightSum === 0 ? 0 : this.weightedSum / this.weightSum;
  }

  /** Any quantile (0..1), clamped to the values seen; 0 when empty. */
  quantile(q: number): number {
    return this.measured === 0 ? 0 : this.clamp(this.sketch.quantile(q));
  }

  /** The distribution as profile JSON; `count` is the records represented (defaults to the weight added). */
  toJSON(count = Math.round(this.weightSum)): Distribution {
    if (this.measured === 0) {
      return {
        count,
        measured: 0,
        min: 0,
        max: 0,
        mean: 0,
        p50: 0,
        p90: 0,
        p99: 0,
        histogram: { scale: this.scale, bins: [] },
      };
    }
    const [p50, p90, p99] = this.sketch.quantiles([0.5, 0.9, 0.99]).map((v) => this.clamp(v));
    return {
      count,
      measured: this.measured,
      min: this.min,
      max: this.max,
      mean: this.mean,
      p50: p50 ?? 0,
      p90: p90 ?? 0,
      p99: p99 ?? 0,
      histogram: { scale: this.scale, bins: this.bins(count / this.weightSum) },
    };
  }

  private clamp(value: number): number {
    const clamped = Math.min(Math.max(value, this.min), this.max);
    // Lengths and turns are integers; a bucket's representative value should be one too.
    return this.integers ? Math.round(clamped) : clamped;
  }

  private bins(scaleCounts: number): { lo: number; hi: number; count: number }[] {
    const edges = this.scale === 'log2' ? this.log2Edges() : this.linearEdges();
    const counts = new Array<number>(edges.length - 1).fill(0);
    for (const bucket of this.sketch.buckets()) {
      const value = this.clamp(bucket.value);
      let index = edges.findIndex((edge, i) => i > 0 && value < edge) - 1;
      if (index < 0) index = counts.length - 1;
      counts[index] = (counts[index] ?? 0) + bucket.weight;
    }
    return counts.map((count, i) => ({
      lo: edges[i] ?? 0,
      hi: edges[i + 1] ?? 0,
      count: Math.round(count * scaleCounts),
    }));
  }

  /** [0, 1, 2, 4, ...] up to the first power of two above max (lengths are non-negative). */
  private log2Edges(): number[] {
    const edges = [Math.min(0, this.min), 1];
    while ((edges[edges.length - 1] ?? 0) <= this.max) edges.push((edges[edges.length - 1] ?? 1) * 2);
    return edges;
  }

  private linearEdges(): number[] {
    if (this.min === this.max) return [this.min, this.max + (this.integers ? 1 : Number.EPSILON)];
    const width = (this.max - this.min) / LINEAR_BINS;
    return Array.from({ length: LINEAR_BINS + 1 }, (_, i) =>
      i === LINEAR_BINS ? this.max : this.min + i * width,
    );
  }
}
