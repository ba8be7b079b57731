import { isBetter } from './is-better';
import type { ObjectiveDirection } from './sweep-spec';
import type { SweepTrial } from './sweep-trial';

/**
 * The succeeded trial with the best finite objective, or null when none has one. Ties go to the lowest
 * trial index, whatever the order of `trials`.
 */
export function bestTrial<T extends SweepTrial>(
  trials: readonly T[],
  direction: ObjectiveDirection,
): T | null {
  let best: T | null = null;
  let bestObjective = 0;
  for (const trial of trials) {
    const objective = trial.objective;
    if (trial.status !== 'succeeded' || typeof objective !== 'number' || !Number.isFinite(objective))
      continue;
    if (
      best === null ||
      isBetter(objective, bestObjective, direction) ||
      (objective === bestObjective && trial.trial < best.trial)
    ) {
      best = trial;
      bestObjective = objective;
    }
  }
  return best;
}
