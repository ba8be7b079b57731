import { SeededRandom } from '../random/seeded-random';

/**
 * Holds out `round(n × evalFraction)` items (at least one when the fraction is positive and there are two
 * or more), chosen by a seeded shuffle, so the split is the same for every run with that seed.
 */
export function splitForEval<T>(
  items: readonly T[],
  evalFraction: number,
  seed: number,
): { train: T[]; eval: T[] } {
  if (evalFraction <= 0 || items.length < 2) return { train: [...items], eval: [] };
  const count = Math.min(items.length - 1, Math.max(1, Math.round(items.length * evalFraction)));
  const order = new SeededRandom(seed ^ 0x2545f491).shuffle(items.map((_, index) => index));
  const held = new Set(order.slice(0, count));
  return {
    train: items.filter((_, index) => !held.has(index)),
    eval: items.filter((_, index) => held.has(index)),
  };
}
