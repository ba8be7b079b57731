import { bestTrial } from './best-trial';
import type { SweepTrial } from './sweep-trial';

const trial = (index: number, status: SweepTrial['status'], objective?: number | null): SweepTrial => ({
  trial: index,
  params: { index },
  status,
  objective,
});

describe('bestTrial', () => {
  it('picks the succeeded trial with the best objective for the direction', () => {
    const trials = [trial(0, 'succeeded', 0.5), trial(1, 'succeeded', 0.2), trial(2, 'succeeded', 0.9)];
    expect(bestTrial(trials, 'minimize')?.trial).toBe(1);
    expect(bestTrial(trials, 'maximize')?.trial).toBe(2);
  });

  it('breaks ties by the earliest trial, whatever the order given', () => {
    const trials = [trial(3, 'succeeded', 0.2), trial(1, 'succeeded', 0.2), trial(2, 'succeeded', 0.4)];
    expect(bestTrial(trials, 'minimize')?.trial).toBe(1);
  });

  it('ignores trials that did not succeed or have no finite objective', () => {
    const trials = [
      trial(0, 'stopped', 0.01),
      trial(1, 'failed', 0.01),
      trial(2, 'running', 0.01),
      trial(3, 'succeeded', null),
      trial(4, 'succeeded'),
      trial(5, 'succeeded', Number.NaN),
      trial(6, 'succeeded', 0.3),
    ];
    expect(bestTrial(trials, 'minimize')?.trial).toBe(6);
  });

  it('returns null without a succeeded trial, and the caller’s own object otherwise', () => {
    expect(bestTrial([trial(0, 'failed', 1)], 'minimize')).toBeNull();
    expect(bestTrial([], 'maximize')).toBeNull();
    const rows = [{ ...trial(0, 'succeeded', 1), runId: 'r-0' }];
    expect(bestTrial(rows, 'maximize')?.runId).toBe('r-0');
  });
});
