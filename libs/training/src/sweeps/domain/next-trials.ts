import { gridPoint } from './grid-points';
import { sampleRandomParams } from './random-sampler';
import type { ParamValue, SweepSpec } from './sweep-spec';
import { isTrialActive, type SweepTrial } from './sweep-trial';
import { sampleTpeParams, type TpeObservation } from './tpe-sampler';
import { trialBudget } from './trial-budget';

/** A trial to start: its index in the sweep and its hyperparameters. */
export interface ProposedTrial {
  trial: number;
  params: Record<string, ParamValue>;
}

/**
 * The trials to start now. Their number fills the free parallelism slots (`parallelism` minus the queued and
 * running trials) without exceeding the budget (`trialBudget`: every trial started so far counts, whatever
 * its status, so failed trials are not retried). They are numbered on from the highest index so far (from
 * 0 for a new sweep). Grid trial `i` takes grid point `i`; random trial `i` samples from the stream
 * `(seed, i)`; tpe learns from the succeeded trials with an objective. The result is a pure function of the
 * arguments, so a retried call proposes the same trials.
 */
export function nextTrials(spec: SweepSpec, trialsSoFar: readonly SweepTrial[]): ProposedTrial[] {
  const { kind, space, seed, parallelism } = spec.search;
  const active = trialsSoFar.filter((trial) => isTrialActive(trial.status)).length;
  const count = Math.max(0, Math.min(parallelism - active, trialBudget(spec) - trialsSoFar.length));
  const first = trialsSoFar.reduce((highest, trial) => Math.max(highest, trial.trial), -1) + 1;
  const observations = kind === 'tpe' ? observationsOf(trialsSoFar) : [];

  const proposed: ProposedTrial[] = [];
  for (let trial = first; trial < first + count; trial += 1) {
    switch (kind) {
      case 'grid': {
        const params = gridPoint(space, trial);
        if (params === null) return proposed;
        proposed.push({ trial, params });
        break;
      }
      case 'random':
        proposed.push({ trial, params: sampleRandomParams(space, seed, trial) });
        break;
      case 'tpe':
        proposed.push({
          trial,
          params: sampleTpeParams(space, seed, trial, observations, spec.objective.direction),
        });
        break;
    }
  }
  return proposed;
}

function observationsOf(trials: readonly SweepTrial[]): TpeObservation[] {
  return trials.flatMap(({ trial, params, status, objective }) =>
    status === 'succeeded' && typeof objective === 'number' && Number.isFinite(objective)
      ? [{ trial, params, objective }]
      : [],
  );
}
