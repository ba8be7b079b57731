import { gridPoint } from './grid-points';
import { nextTrials } from './next-trials';
import { sampleRandomParams } from './random-sampler';
import { SweepSpecSchema, type SweepSpec } from './sweep-spec';
import type { SweepTrial, TrialStatus } from './sweep-trial';
import { sampleTpeParams } from './tpe-sampler';

const makeSpec = (search: Record<string, unknown>, direction = 'minimize'): SweepSpec =>
  SweepSpecSchema.parse({
    search: {
      kind: 'random',
      space: { lr: { min: 1e-5, max: 1e-3, scale: 'log' }, rank: { values: [8, 16] } },
      maxTrials: 10,
      parallelism: 3,
      seed: 1,
      ...search,
    },
    objective: { metric: 'eval_loss', direction, source: 'run' },
  });

const trialsWith = (...statuses: TrialStatus[]): SweepTrial[] =>
  statuses.map((status, trial) => ({ trial, params: {}, status }));

describe('nextTrials', () => {
  describe('parallelism accounting', () => {
    it('fills every slot of a new sweep, numbering trials from 0', () => {
      expect(nextTrials(makeSpec({}), []).map((t) => t.trial)).toEqual([0, 1, 2]);
    });

    it('fills only the slots queued and running trials leave free', () => {
      const spec = makeSpec({});
      expect(nextTrials(spec, trialsWith('running', 'queued')).map((t) => t.trial)).toEqual([2]);
      expect(nextTrials(spec, trialsWith('running', 'queued', 'running'))).toEqual([]);
      expect(nextTrials(spec, trialsWith('succeeded', 'running', 'failed')).map((t) => t.trial)).toEqual([
        3, 4,
      ]);
    });

    it('never exceeds maxTrials; failed, cancelled and stopped trials count towards it', () => {
      const spec = makeSpec({ maxTrials: 5 });
      const finishedFour = trialsWith('succeeded', 'failed', 'cancelled', 'stopped');
      expect(nextTrials(spec, finishedFour).map((t) => t.trial)).toEqual([4]);
      expect(nextTrials(spec, [...finishedFour, { trial: 4, params: {}, status: 'succeeded' }])).toEqual([]);
    });

    it('allows parallelism above maxTrials', () => {
      expect(nextTrials(makeSpec({ maxTrials: 2, parallelism: 8 }), [])).toHaveLength(2);
    });

    it('numbers on from the highest index, whatever the order of the trials', () => {
      const trials: SweepTrial[] = [
        { trial: 1, params: {}, status: 'succeeded' },
        { trial: 0, params: {}, status: 'succeeded' },
      ];
      expect(nextTrials(makeSpec({}), trials).map((t) => t.trial)).toEqual([2, 3, 4]);
    });
  });

  describe('grid', () => {
    const space = { rank: { values: [8, 16] }, epochs: { values: [1, 2, 3] } };

    it('walks the grid in its stable order, trial i taking point i', () => {
      const spec = makeSpec({ kind: 'grid', space, parallelism: 2 });
      expect(nextTrials(spec, [])).toEqual([
        { trial: 0, params: { epochs: 1, rank: 8 } },
        { trial: 1, params: { epochs: 1, rank: 16 } },
      ]);
      expect(nextTrials(spec, trialsWith('succeeded', 'failed'))).toEqual([
        { trial: 2, params: { epochs: 2, rank: 8 } },
        { trial: 3, params: { epochs: 2, rank: 16 } },
      ]);
    });

    it('stops at the end of a grid smaller than maxTrials', () => {
      const spec = makeSpec({ kind: 'grid', space, maxTrials: 100, parallelism: 10 });
      const proposed = nextTrials(spec, trialsWith('succeeded', 'succeeded', 'succeeded', 'succeeded'));
      expect(proposed.map((t) => t.trial)).toEqual([4, 5]);
      expect(proposed.map((t) => t.params)).toEqual([
        gridPoint(spec.search.space, 4),
        gridPoint(spec.search.space, 5),
      ]);
    });

    it('truncates a grid larger than maxTrials to its first points', () => {
      const spec = makeSpec({ kind: 'grid', space, maxTrials: 3, parallelism: 10 });
      expect(nextTrials(spec, []).map((t) => t.params)).toEqual([
        { epochs: 1, rank: 8 },
        { epochs: 1, rank: 16 },
        { epochs: 2, rank: 8 },
      ]);
    });
  });

  describe('random', () => {
    it('samples trial i from the stream (seed, i), alone or in a batch', () => {
      const spec = makeSpec({ parallelism: 3 });
      const batch = nextTrials(spec, []);
      expect(batch.map((t) => t.params)).toEqual(
        [0, 1, 2].map((i) => sampleRandomParams(spec.search.space, 1, i)),
      );

      const oneByOne = makeSpec({ parallelism: 1 });
      const first = nextTrials(oneByOne, []);
      const second = nextTrials(oneByOne, [{ ...first[0]!, status: 'succeeded' }]);
      expect([...first, ...second]).toEqual(batch.slice(0, 2));
    });

    it('proposes other trials under another seed', () => {
      expect(nextTrials(makeSpec({ seed: 2 }), [])).not.toEqual(nextTrials(makeSpec({ seed: 1 }), []));
    });
  });

  describe('tpe', () => {
    it('learns from the succeeded trials with an objective only', () => {
      const spec = makeSpec({ kind: 'tpe', maxTrials: 40, parallelism: 2 });
      const trials: SweepTrial[] = Array.from({ length: 12 }, (_, trial) => {
        const params = sampleRandomParams(spec.search.space, 1, trial);
        return {
          trial,
          params,
          status: 'succeeded',
          objective: Math.abs(Math.log10(params.lr as number) + 4),
        };
      });
      trials.push({ trial: 12, params: { lr: 1e-5, rank: 8 }, status: 'failed', objective: 0 });
      const observations = trials.slice(0, 12).map(({ trial, params, objective }) => ({
        trial,
        params,
        objective: objective!,
      }));
      expect(nextTrials(spec, trials)).toEqual([
        { trial: 13, params: sampleTpeParams(spec.search.space, 1, 13, observations, 'minimize') },
        { trial: 14, params: sampleTpeParams(spec.search.space, 1, 14, observations, 'minimize') },
      ]);
    });

    it('proposes what random search would before the warm-up ends', () => {
      expect(nextTrials(makeSpec({ kind: 'tpe' }), [])).toEqual(nextTrials(makeSpec({ kind: 'random' }), []));
    });
  });
});
