import { NumericDistribution } from './numeric-distribution';

describe('NumericDistribution', () => {
  it('summarises integer lengths with log2 bins that add up to the count', () => {
    const lengths = new NumericDistribution('log2');
    const values = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597];
    for (const value of values) lengths.add(value);
    const json = lengths.toJSON();
    expect(json).toMatchObject({ count: 18, measured: 18, min: 0, max: 1597 });
    expect(json.mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 6);
    expect(json.p50).toBe(21);
    expect(json.histogram.scale).toBe('log2');
    expect(json.histogram.bins.slice(0, 4)).toEqual([
      { lo: 0, hi: 1, count: 1 },
      { lo: 1, hi: 2, count: 2 },
      { lo: 2, hi: 4, count: 2 },
      { lo: 4, hi: 8, count: 1 },
    ]);
    expect(json.histogram.bins.at(-1)).toEqual({ lo: 1024, hi: 2048, count: 1 });
    expect(json.histogram.bins.reduce((n, bin) => n + bin.count, 0)).toBe(18);
  });

  it('uses 20 linear bins for scores and scales weighted samples to the record count', () => {
    const scores = new NumericDistribution('linear');
    for (let i = 0; i <= 100; i++) scores.add(i / 100);
    const json = scores.toJSON();
    expect(json.histogram.bins).toHaveLength(20);
    expect(json.histogram.bins[0]).toMatchObject({ lo: 0, hi: 0.05 });
    expect(json.p90).toBeCloseTo(0.9, 1);

    const sampled = new NumericDistribution('log2');
    sampled.add(100, 10);
    sampled.add(200, 10);
    const scaled = sampled.toJSON(1000);
    expect(scaled).toMatchObject({ count: 1000, measured: 2, mean: 150 });
    expect(scaled.histogram.bins.reduce((n, bin) => n + bin.count, 0)).toBe(1000);
  });

  it('is all zeros when empty', () => {
    expect(new NumericDistribution('log2').toJSON()).toEqual({
      count: 0,
      measured: 0,
      min: 0,
      max: 0,
      mean: 0,
      p50: 0,
      p90: 0,
      p99: 0,
      histogram: { scale: 'log2', bins: [] },
    });
  });
});
