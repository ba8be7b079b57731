import { sampleRandomParams } from './random-sampler';
import type { ObjectiveDirection, SearchSpace } from './sweep-spec';
import { sampleTpeParams, TPE_SETTINGS, type TpeObservation } from './tpe-sampler';

const space: SearchSpace = { x: { min: 0, max: 1, scale: 'linear', integer: false } };

/** Runs a sequential sweep of `count` trials of `objective` and returns its observations. */
const simulate = (
  sampler: (trial: number, observations: TpeObservation[]) => Record<string, unknown>,
  objective: (params: Record<string, unknown>) => number,
  count: number,
): TpeObservation[] => {
  const observations: TpeObservation[] = [];
  for (let trial = 0; trial < count; trial += 1) {
    const params = sampler(trial, observations);
    observations.push({ trial, params, objective: objective(params) });
  }
  return observations;
};

const distanceTo03 = (params: Record<string, unknown>): number => Math.abs((params.x as number) - 0.3);

describe('sampleTpeParams', () => {
  it('proposes exactly what random search would during the warm-up', () => {
    const observations = simulate((trial) => sampleRandomParams(space, 9, trial), distanceTo03, 9);
    expect(TPE_SETTINGS.startupTrials).toBe(10);
    expect(sampleTpeParams(space, 9, 9, observations, 'minimize')).toEqual(sampleRandomParams(space, 9, 9));
  });

  it('is deterministic and ignores the order of the observations', () => {
    const observations = simulate((trial) => sampleRandomParams(space, 4, trial), distanceTo03, 15);
    const proposal = sampleTpeParams(space, 4, 15, observations, 'minimize');
    expect(sampleTpeParams(space, 4, 15, [...observations].reverse(), 'minimize')).toEqual(proposal);
    expect(proposal).not.toEqual(sampleRandomParams(space, 4, 15));
  });

  it.each<[ObjectiveDirection, (params: Record<string, unknown>) => number]>([
    ['minimize', distanceTo03],
    ['maximize', (params) => -distanceTo03(params)],
  ])('homes in on the optimum faster than random search (%s)', (direction, objective) => {
    const tpeSweep = simulate(
      (trial, observations) => sampleTpeParams(space, 11, trial, observations, direction),
      objective,
      60,
    );
    const randomSweep = simulate((trial) => sampleRandomParams(space, 11, trial), objective, 60);
    const meanLateDistance = (sweep: TpeObservation[]): number =>
      sweep.slice(30).reduce((sum, o) => sum + distanceTo03(o.params as Record<string, unknown>), 0) / 30;
    expect(meanLateDistance(tpeSweep)).toBeLessThan(meanLateDistance(randomSweep) / 2);
  });

  it('favours the categories of the good trials and keeps integer ranges integral', () => {
    const mixed: SearchSpace = {
      optimizer: { values: ['adamw', 'sgd', 'lion'] },
      layers: { min: 1, max: 12, scale: 'linear', integer: true },
    };
    const objective = (params: Record<string, unknown>): number =>
      (params.optimizer === 'lion' ? 0 : 1) + Math.abs((params.layers as number) - 4) / 10;
    const sweep = simulate(
      (trial, observations) => sampleTpeParams(mixed, 3, trial, observations, 'minimize'),
      objective,
      50,
    );
    const late = sweep.slice(25);
    expect(late.filter((o) => o.params.optimizer === 'lion').length).toBeGreaterThan(15);
    expect(late.every((o) => Number.isInteger(o.params.layers))).toBe(true);
  });

  it('ignores non-finite objectives and values outside the space', () => {
    const observations = simulate((trial) => sampleRandomParams(space, 5, trial), distanceTo03, 10);
    const noisy = [
      ...observations,
      { trial: 10, params: { x: 0.5 }, objective: Number.NaN },
      { trial: 11, params: { x: 7 }, objective: 0 },
      { trial: 12, params: {}, objective: 0.9 },
    ];
    const proposal = sampleTpeParams(space, 5, 13, noisy, 'minimize');
    expect(proposal.x).toBeGreaterThanOrEqual(0);
    expect(proposal.x).toBeLessThanOrEqual(1);
  });
});
