import { AdaptiveSampler, seededRandom } from './adaptive-sampler';
import { HeavyHitters } from './heavy-hitters';

describe('HeavyHitters', () => {
  it('finds the most frequent keys of a Zipf-like stream in bounded memory', () => {
    const random = seededRandom(3);
    const hitters = new HeavyHitters(50);
    const truth = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const key = `w${Math.floor(1 / (random() + 0.0005))}`;
      truth.set(key, (truth.get(key) ?? 0) + 1);
      hitters.add(key);
    }
    const expected = [...truth.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([key]) => key);
    expect(hitters.top(5).map((k) => k.key)).toEqual(expected);
    expect(hitters.approximate).toBe(true);
    for (const { key, count } of hitters.top(5)) expect(count).toBeLessThanOrEqual(truth.get(key)!);
    expect(hitters.total).toBe(100_000);
  });
});

describe('AdaptiveSampler', () => {
  it('measures everything within the budget, then samples with weights that keep totals unbiased', () => {
    const sampler = new AdaptiveSampler(100_000, 1);
    let estimate = 0;
    let measured = 0;
    for (let i = 0; i < 100_000; i++) {
      const weight = sampler.take(100);
      if (i < 1000) expect(weight).toBe(1);
      if (weight > 0) measured++;
      estimate += weight * 100;
    }
    expect(sampler.sampled).toBe(true);
    expect(Math.abs(estimate / 10_000_000 - 1)).toBeLessThan(0.06);
    // budget × (1 + ln(seen / budget)) characters: 1000 × (1 + ln 100) ≈ 5600 records of 100 chars.
    expect(measured).toBeGreaterThan(4500);
    expect(measured).toBeLessThan(6500);
  });

  it('calls a record weighted past the budget an estimate, even when none was skipped', () => {
    const sampler = new AdaptiveSampler(1000, 1);
    expect(sampler.take(900)).toBe(1);
    expect(sampler.sampled).toBe(false);
    // One long record passes the budget: kept with probability 1000/1900 and weighted, or skipped.
    sampler.take(1000);
    expect(sampler.sampled).toBe(true);
  });
});
