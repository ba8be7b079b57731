import { gridSize } from './grid-points';
import type { SweepSpec } from './sweep-spec';

/** How many trials the sweep starts in all: `maxTrials`, or the grid's size when a grid is smaller. */
export function trialBudget(spec: SweepSpec): number {
  const { kind, maxTrials, space } = spec.search;
  return kind === 'grid' ? Math.min(maxTrials, gridSize(space)) : maxTrials;
}
