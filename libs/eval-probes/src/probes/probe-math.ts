import { ProbeError } from '../probe.error';
import type { ToxicityResult, ToxicityScorer } from '../scorers/toxicity-scorer';

/** `count / total`, 0 for an empty total (no items means nothing was found, not NaN). */
export function rate(count: number, total: number): number {
  return total === 0 ? 0 : count / total;
}

/** The arithmetic mean, 0 for no values. */
export function mean(values: readonly number[]): number {
  return rate(
    values.reduce((sum, value) => sum + value, 0),
    values.length,
  );
}

/**
 * The first `max` items, taken in turn from each key's items (in the order the keys first appear), so a
 * capped run still covers every category instead of only the first ones listed.
 */
export function takeRoundRobin<T>(
  items: readonly T[],
  max: number | undefined,
  keyOf: (item: T) => string,
): T[] {
  if (max === undefined || max >= items.length) return [...items];
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const queue = queues.get(key) ?? [];
    queue.push(item);
    queues.set(key, queue);
  }
  const picked = new Set<T>();
  for (let round = 0; picked.size < max; round++) {
    for (const queue of queues.values()) {
      const item = queue[round];
      if (item !== undefined && picked.size < max) picked.add(item);
    }
  }
  // Back in the set's order, so ids read as they are listed.
  return items.filter((item) => picked.has(item));
}

/** Scores `texts` with a scorer that may be the caller's own, checking it answered once per text. */
export async function scoreToxicity(
  scorer: ToxicityScorer,
  texts: readonly string[],
): Promise<ToxicityResult[]> {
  if (texts.length === 0) return [];
  const results = await scorer.score(texts);
  if (results.length !== texts.length) {
    throw new ProbeError(
      'classifier-bad-response',
      `toxicity scorer returned ${results.length} results for ${texts.length} texts`,
      { issues: [`results: expected ${texts.length} items, got ${results.length}`] },
    );
  }
  return results;
}

/** Counts `items` by key, keys in first-seen order. */
export function countBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
