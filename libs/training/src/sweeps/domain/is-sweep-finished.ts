import type { SweepSpec } from './sweep-spec';
import { isTrialActive, type SweepTrial } from './sweep-trial';
import { trialBudget } from './trial-budget';

/**
 * True when the sweep has started its whole budget of trials (`trialBudget`) and none is queued or running
 * any more: nothing is left to start or to wait for. Cancelling a sweep is the caller's decision, not this.
 */
export function isSweepFinished(spec: SweepSpec, trials: readonly SweepTrial[]): boolean {
  return trials.length >= trialBudget(spec) && !trials.some((trial) => isTrialActive(trial.status));
}
