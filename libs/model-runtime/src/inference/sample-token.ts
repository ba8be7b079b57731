import type { SeededRandom } from '../random/seeded-random';

// Bound once: in a vm sandbox (jest) each `Math.x` in a hot loop is a slow global lookup.
const { exp, log } = Math;

export interface SamplingOptions {
  /** 0 picks the most likely token (greedy); higher flattens the distribution. */
  readonly temperature: number;
  /** Keep only the k most likely tokens; 0 keeps all. */
  readonly topK: number;
  /** Keep the smallest set of most likely tokens whose probability sums to at least topP; 1 keeps all. */
  readonly topP: number;
}

/**
 * Picks next tokens from softmax rows. Temperature is applied as p^(1/T), which equals a softmax of
 * logits/T. Banned tokens (PAD, BOS) are never picked. Scratch buffers are reused across calls: one
 * sampler per generation.
 */
export class TokenSampler {
  private readonly weights: Float64Array;
  private readonly order: Int32Array;
  private readonly banned: Uint8Array;

  constructor(
    private readonly vocab: number,
    private readonly options: SamplingOptions,
    private readonly random: SeededRandom,
    banned: readonly number[],
  ) {
    this.weights = new Float64Array(vocab);
    this.order = new Int32Array(vocab);
    this.banned = new Uint8Array(vocab);
    for (const id of banned) if (id < vocab) this.banned[id] = 1;
  }

  /** The next token given `probs` (the first `vocab` values are read). */
  sample(probs: Float32Array): number {
    const { vocab, banned, weights, order, options } = this;
    if (options.temperature === 0) {
      let best = 0;
      let bestP = -1;
      for (let v = 0; v < vocab; v++) {
        const p = probs[v] ?? 0;
        if (p > bestP && banned[v] === 0) {
          best = v;
          bestP = p;
        }
      }
      return best;
    }
    const inverseT = 1 / options.temperature;
    let count = 0;
    for (let v = 0; v < vocab; v++) {
      const p = probs[v] ?? 0;
      const weight = p > 0 && banned[v] === 0 ? exp(log(p) * inverseT) : 0;
      weights[v] = weight;
      if (weight > 0) order[count++] = v;
    }
    let candidates = order.subarray(0, count);
    if (options.topK > 0 || options.topP < 1) {
      candidates.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
      if (options.topK > 0) candidates = candidates.subarray(0, Math.min(count, options.topK));
      if (options.topP < 1) {
        let total = 0;
        for (const id of candidates) total += weights[id] ?? 0;
        let cumulative = 0;
        let keep = 0;
        while (keep < candidates.length && cumulative < options.topP * total) {
          cumulative += weights[candidates[keep] ?? 0] ?? 0;
          keep++;
        }
        candidates = candidates.subarray(0, Math.max(1, keep));
      }
    }
    let total = 0;
    for (const id of candidates) total += weights[id] ?? 0;
    let threshold = this.random.next() * total;
    for (const id of candidates) {
      threshold -= weights[id] ?? 0;
      if (threshold < 0) return id;
    }
    return candidates[candidates.length - 1] ?? 0;
  }
}
