/** A small seeded PRNG (mulberry32): profiles of the same input come out identical run after run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Decides which records an expensive measure (tokenizing, n-grams) looks at. Every record is measured
 * until `budgetChars` characters have been seen; after that a record is measured with probability
 * budget / seen and weighted 1/p, so estimates stay unbiased while the work grows only with the logarithm
 * of the input (about budget × (1 + ln(seen / budget)) characters in all). The weighted sample is worth
 * about twice the budget's records of a uniform sample (Kish effective size), whatever the input's size.
 */
export class AdaptiveSampler {
  private seen = 0;
  private pastBudget = false;
  private readonly random: () => number;

  constructor(
    private readonly budgetChars: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** The weight to measure this record with, or 0 to skip it. */
  take(chars: number): number {
    this.seen += chars;
    if (this.seen <= this.budgetChars) return 1;
    // Past the budget every weight is an estimate, taken or not.
    this.pastBudget = true;
    const p = this.budgetChars / this.seen;
    return this.random() < p ? 1 / p : 0;
  }

  /** True once the budget was passed (a record pastBudget or weighted): the measure is then an estimate. */
  get sampled(): boolean {
    return this.pastBudget;
  }
}
