import { now, round, summarise as summariseRaw, type LatencySummary } from '../../shared/latency-summary';

export { now, round, type LatencySummary } from '../../shared/latency-summary';

/** Nearest-rank percentiles (ms), rounded to 0.01 ms for the report. */
export function summarise(samples: readonly number[]): LatencySummary {
  const s = summariseRaw(samples);
  return {
    count: s.count,
    p50: round(s.p50),
    p95: round(s.p95),
    p99: round(s.p99),
    max: round(s.max),
    mean: round(s.mean),
  };
}

/** Deterministic PRNG (mulberry32), so every run picks the same start nodes. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` for each item with `concurrency` workers; returns per-item latency (ms) in item order. */
export async function timeEach<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
  onResult?: (item: T, result: R) => void,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies = new Array<number>(items.length).fill(0);
  let next = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i] as T;
        const t0 = now();
        const result = await work(item);
        latencies[i] = now() - t0;
        onResult?.(item, result);
      }
    }),
  );
  return { latencies, wallMs: now() - started };
}
