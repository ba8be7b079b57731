import { isSweepFinished } from './is-sweep-finished';
import { SweepSpecSchema } from './sweep-spec';
import type { SweepTrial, TrialStatus } from './sweep-trial';

const spec = (kind: 'grid' | 'random', maxTrials: number) =>
  SweepSpecSchema.parse({
    search: { kind, space: { a: { values: [1, 2] } }, maxTrials, parallelism: 2 },
    objective: { metric: 'eval_loss', direction: 'minimize', source: 'run' },
  });
const trials = (...statuses: TrialStatus[]): SweepTrial[] =>
  statuses.map((status, trial) => ({ trial, params: {}, status }));

describe('isSweepFinished', () => {
  it('is false while trials are left to start', () => {
    expect(isSweepFinished(spec('random', 3), [])).toBe(false);
    expect(isSweepFinished(spec('random', 3), trials('succeeded', 'failed'))).toBe(false);
  });

  it('is false while a started trial is queued or running', () => {
    expect(isSweepFinished(spec('random', 3), trials('succeeded', 'succeeded', 'running'))).toBe(false);
    expect(isSweepFinished(spec('random', 3), trials('succeeded', 'queued', 'failed'))).toBe(false);
  });

  it('is true once the budget is started and every trial has ended, however it ended', () => {
    expect(isSweepFinished(spec('random', 3), trials('succeeded', 'cancelled', 'stopped'))).toBe(true);
    expect(isSweepFinished(spec('random', 3), trials('failed', 'failed', 'failed'))).toBe(true);
  });

  it('ends a grid at its last point even below maxTrials', () => {
    expect(isSweepFinished(spec('grid', 10), trials('succeeded', 'succeeded'))).toBe(true);
  });
});
