import { sampleRandomParams } from './random-sampler';
import type { SearchSpace } from './sweep-spec';

const space: SearchSpace = {
  lr: { min: 1e-5, max: 1e-2, scale: 'log', integer: false },
  dropout: { min: 0, max: 0.5, scale: 'linear', integer: false },
  batch: { min: 8, max: 64, scale: 'log', integer: true },
  optimizer: { values: ['adamw', 'sgd', 'lion'] },
};

const trials = (seed: number, count: number) =>
  Array.from({ length: count }, (_, trial) => sampleRandomParams(space, seed, trial));

describe('sampleRandomParams', () => {
  it('is a pure function of seed and trial index', () => {
    expect(sampleRandomParams(space, 5, 3)).toEqual(sampleRandomParams(space, 5, 3));
    expect(sampleRandomParams(space, 5, 3)).not.toEqual(sampleRandomParams(space, 5, 4));
    expect(sampleRandomParams(space, 5, 3)).not.toEqual(sampleRandomParams(space, 6, 3));
  });

  it('does not depend on the order the keys were stored in', () => {
    const reordered: SearchSpace = Object.fromEntries(Object.entries(space).reverse());
    expect(sampleRandomParams(reordered, 5, 3)).toEqual(sampleRandomParams(space, 5, 3));
  });

  it('stays inside every range, with integers for integer ranges', () => {
    for (const params of trials(1, 500)) {
      expect(params.lr).toBeGreaterThanOrEqual(1e-5);
      expect(params.lr).toBeLessThanOrEqual(1e-2);
      expect(params.dropout).toBeGreaterThanOrEqual(0);
      expect(params.dropout).toBeLessThanOrEqual(0.5);
      expect(Number.isInteger(params.batch)).toBe(true);
      expect(params.batch).toBeGreaterThanOrEqual(8);
      expect(params.batch).toBeLessThanOrEqual(64);
      expect(['adamw', 'sgd', 'lion']).toContain(params.optimizer);
    }
  });

  it('samples a log range uniformly in log space: half the draws fall below the geometric midpoint', () => {
    const below = trials(2, 2000).filter((params) => (params.lr as number) < 10 ** -3.5).length;
    expect(below / 2000).toBeGreaterThan(0.46);
    expect(below / 2000).toBeLessThan(0.54);
  });

  it('samples a list uniformly', () => {
    const counts = new Map<unknown, number>();
    for (const params of trials(3, 3000))
      counts.set(params.optimizer, (counts.get(params.optimizer) ?? 0) + 1);
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(100);
  });
});
