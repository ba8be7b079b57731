import { gridPoint, gridSize } from './grid-points';
import type { SearchSpace } from './sweep-spec';

const all = (space: SearchSpace): unknown[] =>
  Array.from({ length: gridSize(space) }, (_, i) => gridPoint(space, i));

describe('gridPoint', () => {
  it('enumerates the Cartesian product like nested loops over the sorted names, last fastest', () => {
    const space: SearchSpace = { b: { values: ['x', 'y'] }, a: { values: [1, 2] } };
    expect(all(space)).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  it('keeps each list in the order given', () => {
    expect(all({ lr: { values: [0.3, 0.1, 0.2] } })).toEqual([{ lr: 0.3 }, { lr: 0.1 }, { lr: 0.2 }]);
  });

  it('does not depend on the order the keys were stored in', () => {
    const one: SearchSpace = {
      lr: { values: [1, 2] },
      epochs: { values: [1, 2, 3] },
      warmup: { values: [true, false] },
    };
    const other: SearchSpace = {
      warmup: { values: [true, false] },
      lr: { values: [1, 2] },
      epochs: { values: [1, 2, 3] },
    };
    expect(all(one)).toEqual(all(other));
    expect(Object.keys(gridPoint(one, 0)!)).toEqual(['epochs', 'lr', 'warmup']);
  });

  it('enumerates integer ranges ascending, both ends included', () => {
    const space: SearchSpace = {
      layers: { min: 2, max: 4, scale: 'linear', integer: true },
      rank: { min: 7.5, max: 9, scale: 'log', integer: true },
    };
    expect(gridSize(space)).toBe(6);
    expect(all(space)).toEqual([
      { layers: 2, rank: 8 },
      { layers: 2, rank: 9 },
      { layers: 3, rank: 8 },
      { layers: 3, rank: 9 },
      { layers: 4, rank: 8 },
      { layers: 4, rank: 9 },
    ]);
  });

  it('returns null outside the grid', () => {
    const space: SearchSpace = { a: { values: [1, 2] } };
    expect(gridPoint(space, 2)).toBeNull();
    expect(gridPoint(space, -1)).toBeNull();
    expect(gridPoint(space, 0.5)).toBeNull();
  });

  it('computes a point of a huge grid without listing it', () => {
    const big = { min: 0, max: 999_999, scale: 'linear', integer: true } as const;
    const space: SearchSpace = { a: big, b: big, c: big };
    expect(gridSize(space)).toBe(1e18);
    expect(gridPoint(space, 1_000_002)).toEqual({ a: 0, b: 1, c: 2 });
  });

  it('refuses a continuous range (the schema never lets one through)', () => {
    expect(() => gridPoint({ lr: { min: 0, max: 1, scale: 'linear', integer: false } }, 0)).toThrow(
      /continuous/,
    );
  });
});
