import type { RangeParam } from './sweep-spec';

/**
 * The interval a range is sampled from. Integer ranges widen by half a step on each side so that rounding
 * gives the end values the same chance as the inner ones (`{1..3}` samples [0.5, 3.5) and rounds).
 */
function samplingBounds(range: RangeParam): [number, number] {
  return range.integer ? [Math.ceil(range.min) - 0.5, Math.floor(range.max) + 0.5] : [range.min, range.max];
}

function warp(range: RangeParam, x: number): number {
  return range.scale === 'log' ? Math.log(x) : x;
}

function unwarp(range: RangeParam, w: number): number {
  return range.scale === 'log' ? Math.exp(w) : w;
}

/**
 * The range's value at `unit` ∈ [0, 1]: uniform in the warped space (log space for `scale: 'log'`),
 * rounded for integer ranges and always clamped into the range.
 */
export function fromUnit(range: RangeParam, unit: number): number {
  const [lo, hi] = samplingBounds(range);
  const wLo = warp(range, lo);
  const wHi = warp(range, hi);
  const x = unwarp(range, wLo + unit * (wHi - wLo));
  if (range.integer) return clamp(Math.round(x), Math.ceil(range.min), Math.floor(range.max));
  return clamp(x, range.min, range.max);
}

/** Where `value` lies in the warped range, from 0 to 1 (the inverse of `fromUnit`, before rounding). */
export function toUnit(range: RangeParam, value: number): number {
  const [lo, hi] = samplingBounds(range);
  const wLo = warp(range, lo);
  const wHi = warp(range, hi);
  return clamp((warp(range, value) - wLo) / (wHi - wLo), 0, 1);
}

/** True when `value` is a number `fromUnit` could have produced for this range. */
export function isInRange(range: RangeParam, value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  return value >= range.min && value <= range.max;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
