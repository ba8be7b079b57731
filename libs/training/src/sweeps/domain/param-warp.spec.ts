import { fromUnit, isInRange, toUnit } from './param-warp';
import type { RangeParam } from './sweep-spec';

const range = (r: Partial<RangeParam> & Pick<RangeParam, 'min' | 'max'>): RangeParam => ({
  scale: 'linear',
  integer: false,
  ...r,
});

describe('fromUnit / toUnit', () => {
  it('maps a linear range linearly', () => {
    const r = range({ min: 2, max: 6 });
    expect(fromUnit(r, 0)).toBe(2);
    expect(fromUnit(r, 0.25)).toBe(3);
    expect(fromUnit(r, 1)).toBe(6);
    expect(toUnit(r, 5)).toBe(0.75);
  });

  it('maps a log range uniformly in log space', () => {
    const r = range({ min: 1e-4, max: 1e-2, scale: 'log' });
    expect(fromUnit(r, 0)).toBeCloseTo(1e-4, 12);
    expect(fromUnit(r, 0.5)).toBeCloseTo(1e-3, 12);
    expect(fromUnit(r, 1)).toBeCloseTo(1e-2, 12);
    expect(toUnit(r, 1e-3)).toBeCloseTo(0.5, 12);
  });

  it('gives every integer of an integer range the same share, ends included', () => {
    const r = range({ min: 1, max: 3, integer: true });
    const counts = new Map<number, number>();
    for (let i = 0; i < 3000; i += 1) {
      const value = fromUnit(r, (i + 0.5) / 3000);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    expect(counts).toEqual(
      new Map([
        [1, 1000],
        [2, 1000],
        [3, 1000],
      ]),
    );
  });

  it('keeps integer ranges with fractional bounds inside the bounds', () => {
    const r = range({ min: 0.5, max: 3.7, integer: true });
    expect(fromUnit(r, 0)).toBe(1);
    expect(fromUnit(r, 0.999)).toBe(3);
  });

  it('rounds log integer ranges, e.g. batch sizes 8..512', () => {
    const r = range({ min: 8, max: 512, scale: 'log', integer: true });
    expect(fromUnit(r, 0)).toBe(8);
    expect(fromUnit(r, 1)).toBe(512);
    expect(Number.isInteger(fromUnit(r, 0.37))).toBe(true);
  });

  it('round-trips through toUnit', () => {
    const r = range({ min: 1e-5, max: 1, scale: 'log' });
    for (const value of [1e-5, 3e-4, 0.02, 1]) expect(fromUnit(r, toUnit(r, value))).toBeCloseTo(value, 10);
  });
});

describe('isInRange', () => {
  it('accepts numbers in the range, integers for integer ranges', () => {
    expect(isInRange(range({ min: 0, max: 1 }), 0.5)).toBe(true);
    expect(isInRange(range({ min: 0, max: 1 }), 2)).toBe(false);
    expect(isInRange(range({ min: 0, max: 1 }), '0.5')).toBe(false);
    expect(isInRange(range({ min: 0, max: 4, integer: true }), 2.5)).toBe(false);
    expect(isInRange(range({ min: 0, max: 4, integer: true }), 2)).toBe(true);
  });
});
