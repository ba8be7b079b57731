import { fromUnit } from './param-warp';
import { seededRandom, type RandomSource } from './seeded-random';
import type { ParamSpec, ParamValue, SearchSpace } from './sweep-spec';

/** One value of `param` drawn from `random`: uniform over a list, uniform in the warped range. */
export function sampleParam(param: ParamSpec, random: RandomSource): ParamValue {
  const unit = random();
  if ('values' in param) {
    const index = Math.min(param.values.length - 1, Math.floor(unit * param.values.length));
    const value = param.values[index];
    if (value === undefined) throw new Error('a values parameter needs at least one value');
    return value;
  }
  return fromUnit(param, unit);
}

/**
 * The parameters of trial `trial` of a random sweep: a pure function of `(space, seed, trial)`. Parameters
 * are drawn in name order from the trial's own stream, so proposals do not depend on which other trials
 * exist. Values may repeat across trials (sampling is with replacement).
 */
export function sampleRandomParams(
  space: SearchSpace,
  seed: number,
  trial: number,
): Record<string, ParamValue> {
  const random = seededRandom(seed, trial);
  const params: Record<string, ParamValue> = {};
  for (const name of Object.keys(space).sort()) {
    const param = space[name];
    if (param !== undefined) params[name] = sampleParam(param, random);
  }
  return params;
}
