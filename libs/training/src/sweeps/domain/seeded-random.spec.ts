import { seededRandom } from './seeded-random';

const draw = (seed: number, stream: number, count: number): number[] => {
  const random = seededRandom(seed, stream);
  return Array.from({ length: count }, () => random());
};

describe('seededRandom', () => {
  it('is pinned: changing the generator would change the trials of stored sweeps', () => {
    expect(draw(42, 0, 3)).toEqual([0.6073940710630268, 0.7573809607420117, 0.2699266243726015]);
    expect(draw(0, 0, 2)).toEqual([0.8868539538234472, 0.26395898405462503]);
  });

  it('repeats the same stream for the same seed and stream', () => {
    expect(draw(7, 3, 50)).toEqual(draw(7, 3, 50));
  });

  it('gives different streams for different trials and different seeds', () => {
    expect(draw(7, 3, 5)).not.toEqual(draw(7, 4, 5));
    expect(draw(7, 3, 5)).not.toEqual(draw(8, 3, 5));
    expect(draw(3, 7, 5)).not.toEqual(draw(7, 3, 5));
  });

  it('draws in [0, 1), spread evenly over ten buckets', () => {
    const values = draw(123, 9, 20_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const buckets = new Array<number>(10).fill(0);
    for (const value of values) buckets[Math.floor(value * 10)]! += 1;
    for (const bucket of buckets) expect(Math.abs(bucket - 2000)).toBeLessThan(200);
  });

  it('starts streams of consecutive trials uncorrelated', () => {
    const firsts = Array.from({ length: 2000 }, (_, trial) => draw(1, trial, 1)[0]!);
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.47);
    expect(mean).toBeLessThan(0.53);
  });
});
