/** A key and its (lower-bound) count. */
export interface RankedKey {
  key: string;
  count: number;
}

/**
 * Frequent keys in bounded memory (Misra-Gries with batch pruning): keeps at most 2 × capacity counters;
 * when full, every counter drops by the (capacity+1)-th largest count and empty ones go. A key's count is
 * then a lower bound, short by at most `error`; any key more frequent than total / capacity is kept.
 */
export class HeavyHitters {
  private readonly counts = new Map<string, number>();
  private error = 0;
  private totalWeight = 0;

  constructor(private readonly capacity: number) {}

  add(key: string, weight = 1): void {
    this.totalWeight += weight;
    this.counts.set(key, (this.counts.get(key) ?? 0) + weight);
    if (this.counts.size > 2 * this.capacity) this.prune();
  }

  /** Weight added in all. */
  get total(): number {
    return this.totalWeight;
  }

  /** True when pruning happened, so counts are lower bounds. */
  get approximate(): boolean {
    return this.error > 0;
  }

  top(n: number): RankedKey[] {
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, n)
      .map(([key, count]) => ({ key, count }));
  }

  private prune(): void {
    const threshold = [...this.counts.values()].sort((a, b) => b - a)[this.capacity] ?? 0;
    this.error += threshold;
    for (const [key, count] of this.counts) {
      if (count <= threshold) this.counts.delete(key);
      else this.counts.set(key, count - threshold);
    }
  }
}
