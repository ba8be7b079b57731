import { isBetter } from './is-better';
import { fromUnit, isInRange, toUnit } from './param-warp';
import {
  fitCategoricalParzen,
  fitNumericParzen,
  numericLogDensity,
  sampleCategorical,
  sampleNumericParzen,
} from './parzen-estimator';
import { sampleRandomParams } from './random-sampler';
import { seededRandom, type RandomSource } from './seeded-random';
import type { ObjectiveDirection, ParamSpec, ParamValue, SearchSpace } from './sweep-spec';

/** The TPE's fixed settings (hyperopt's and Optuna's usual values). */
export const TPE_SETTINGS = {
  /** Until this many trials have succeeded with an objective, tpe samples like random search. */
  startupTrials: 10,
  /** Share of the observations, best first, that form the "good" density l(x). */
  gamma: 0.25,
  /** Candidates drawn from l(x) per proposal; the one with the highest l(x)/g(x) wins. */
  candidates: 24,
} as const;

/** A finished trial TPE learns from. */
export interface TpeObservation {
  trial: number;
  params: Readonly<Record<string, unknown>>;
  objective: number;
}

/** Per parameter: draw a value from l, and score a value by log l − log g. */
interface ParamModel {
  sample: (random: RandomSource) => ParamValue;
  score: (value: ParamValue) => number;
}

function modelOf(param: ParamSpec, good: unknown[], bad: unknown[]): ParamModel {
  if ('values' in param) {
    const values = param.values;
    const indicesOf = (seen: unknown[]): number[] =>
      seen.map((value) => values.findIndex((candidate) => candidate === value)).filter((i) => i >= 0);
    const l = fitCategoricalParzen(indicesOf(good), values.length);
    const g = fitCategoricalParzen(indicesOf(bad), values.length);
    return {
      sample: (random) => values[sampleCategorical(l, random)] ?? values[0] ?? false,
      score: (value) => {
        const i = values.findIndex((candidate) => candidate === value);
        return Math.log(l[i] ?? 1) - Math.log(g[i] ?? 1);
      },
    };
  }
  const unitsOf = (seen: unknown[]): number[] =>
    seen.filter((value) => isInRange(param, value)).map((value) => toUnit(param, value));
  const l = fitNumericParzen(unitsOf(good));
  const g = fitNumericParzen(unitsOf(bad));
  return {
    sample: (random) => fromUnit(param, sampleNumericParzen(l, random)),
    // Scored where the (possibly rounded) value lies, so equal values score equally.
    score: (value) => {
      const u = toUnit(param, Number(value));
      return numericLogDensity(l, u) - numericLogDensity(g, u);
    },
  };
}

/**
 * The parameters of trial `trial` of a tpe sweep (a univariate Tree-structured Parzen Estimator, after
 * Bergstra et al. 2011). With fewer than `TPE_SETTINGS.startupTrials` usable observations it returns
 * exactly what random search proposes for the trial. Otherwise it ranks the observations (best first; ties
 * by trial index), splits off the best ⌈gamma·n⌉ (at least 1, at most n − 1) as "good", fits per parameter a
 * Parzen density l to the good values and g to the rest in the warped unit space (log space for log scales;
 * a smoothed frequency table for lists), draws `candidates` points from l with the trial's seeded stream
 * and returns the one maximising Σ log l(x) − log g(x) (first wins ties). Deterministic: the same space,
 * seed, trial and observations (in any order) give the same parameters. Observations with a non-finite
 * objective are ignored, and so is a parameter value outside the current space.
 */
export function sampleTpeParams(
  space: SearchSpace,
  seed: number,
  trial: number,
  observations: readonly TpeObservation[],
  direction: ObjectiveDirection,
): Record<string, ParamValue> {
  const ranked = observations
    .filter((observation) => Number.isFinite(observation.objective))
    .sort((a, b) => {
      if (isBetter(a.objective, b.objective, direction)) return -1;
      if (isBetter(b.objective, a.objective, direction)) return 1;
      return a.trial - b.trial;
    });
  if (ranked.length < TPE_SETTINGS.startupTrials) return sampleRandomParams(space, seed, trial);

  const goodCount = Math.min(ranked.length - 1, Math.max(1, Math.ceil(TPE_SETTINGS.gamma * ranked.length)));
  const good = ranked.slice(0, goodCount);
  const bad = ranked.slice(goodCount);
  const names = Object.keys(space).sort();
  const models = names.map((name) => {
    const param = space[name];
    if (param === undefined) throw new Error(`unknown parameter '${name}'`);
    return modelOf(
      param,
      good.map((observation) => observation.params[name]),
      bad.map((observation) => observation.params[name]),
    );
  });

  const random = seededRandom(seed, trial);
  let best: Record<string, ParamValue> = {};
  let bestScore = -Infinity;
  for (let candidate = 0; candidate < TPE_SETTINGS.candidates; candidate += 1) {
    const params: Record<string, ParamValue> = {};
    let score = 0;
    names.forEach((name, i) => {
      const model = models[i];
      if (model === undefined) return;
      const value = model.sample(random);
      params[name] = value;
      score += model.score(value);
    });
    if (Number.isNaN(score)) score = -Infinity;
    if (candidate === 0 || score > bestScore) {
      best = params;
      bestScore = score;
    }
  }
  return best;
}
