/** Values closer to zero than this count as zero (keeps the bucket range bounded). */
const MIN_MAGNITUDE = 1e-9;

/** One bucket of a sketch: a value standing for its bucket, and the (weighted) count in it. */
export interface SketchBucket {
  value: number;
  weight: number;
}

/**
 * A mergeable quantile sketch with relative accuracy (DDSketch's idea): values fall into logarithmic
 * buckets, so any quantile is within `relativeAccuracy` of a true value while memory stays at a few
 * hundred buckets per order of magnitude range, whatever the number of values. Weights let a sampled
 * record stand for the records it represents.
 */
export class QuantileSketch {
  private readonly logGamma: number;
  private readonly gamma: number;
  private readonly positive = new Map<number, number>();
  private readonly negative = new Map<number, number>();
  private zeros = 0;
  private total = 0;

  constructor(relativeAccuracy = 0.01) {
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  get weight(): number {
    return this.total;
  }

  add(value: number, weight = 1): void {
    if (!Number.isFinite(value) || weight <= 0) return;
    this.total += weight;
    const magnitude = Math.abs(value);
    if (magnitude < MIN_MAGNITUDE) {
      this.zeros += weight;
      return;
    }
    const key = Math.ceil(Math.log(magnitude) / this.logGamma);
    const side = value > 0 ? this.positive : this.negative;
    side.set(key, (side.get(key) ?? 0) + weight);
  }

  /** Buckets from the smallest value to the largest. */
  buckets(): SketchBucket[] {
    const represent = (key: number) => (2 * this.gamma ** key) / (this.gamma + 1);
    const negatives = [...this.negative.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([key, weight]) => ({ value: -represent(key), weight }));
    const positives = [...this.positive.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([key, weight]) => ({ value: represent(key), weight }));
    return [...negatives, ...(this.zeros > 0 ? [{ value: 0, weight: this.zeros }] : []), ...positives];
  }

  /** The value at rank q (0..1); NaN when empty. */
  quantile(q: number): number {
    return this.quantiles([q])[0] ?? Number.NaN;
  }

  /** Several quantiles in one pass over the buckets. */
  quantiles(qs: number[]): number[] {
    if (this.total === 0) return qs.map(() => Number.NaN);
    const buckets = this.buckets();
    return qs.map((q) => {
      const rank = Math.min(Math.max(q, 0), 1) * this.total;
      let seen = 0;
      for (const bucket of buckets) {
        seen += bucket.weight;
        if (seen >= rank) return bucket.value;
      }
      return buckets[buckets.length - 1]?.value ?? Number.NaN;
    });
  }
}
