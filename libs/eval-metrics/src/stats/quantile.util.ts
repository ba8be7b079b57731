/**
 * The q-quantile of ascending `sorted` values with linear interpolation between order statistics
 * (numpy's default `method='linear'`, Hyndman & Fan type 7). `sorted` must be non-empty.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] as number;
  const high = sorted[above] as number;
  return low + (high - low) * (position - below);
}
