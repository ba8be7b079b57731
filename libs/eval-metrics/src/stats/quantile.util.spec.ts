import { quantileSorted } from './quantile.util';

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics, as numpy.quantile', () => {
    // numpy.quantile([1, 2, 3, 4], [0, 0.5, 0.95, 1]) == [1, 2.5, 3.85, 4]
    const sorted = [1, 2, 3, 4];
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 0.5)).toBe(2.5);
    expect(quantileSorted(sorted, 0.95)).toBeCloseTo(3.85, 12);
    expect(quantileSorted(sorted, 1)).toBe(4);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });
});
