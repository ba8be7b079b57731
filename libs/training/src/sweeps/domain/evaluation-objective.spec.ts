import { withEvaluationObjective } from './evaluation-objective';
import type { SweepTrial } from './sweep-trial';

const trial = (status: SweepTrial['status']): SweepTrial => ({
  trial: 0,
  params: { lr: 1 },
  status,
  objective: 0.9,
});
const finishedAt = new Date('2026-01-01T00:00:00Z');
const options = (minutes: number) => ({
  metric: 'rougeL',
  now: new Date(finishedAt.getTime() + minutes * 60_000),
  timeoutMs: 30 * 60_000,
});

describe('withEvaluationObjective', () => {
  it("takes the evaluation's metric as the objective of a succeeded run", () => {
    const t = withEvaluationObjective(
      trial('succeeded'),
      { finishedAt },
      { status: 'succeeded', metrics: { rougeL: 0.42 } },
      options(1),
    );
    expect(t).toMatchObject({ status: 'succeeded', objective: 0.42 });
  });

  it('keeps the trial running while the evaluation is pending, and fails it after the timeout', () => {
    expect(withEvaluationObjective(trial('succeeded'), { finishedAt }, undefined, options(5))).toMatchObject({
      status: 'running',
      objective: null,
    });
    expect(withEvaluationObjective(trial('succeeded'), { finishedAt }, undefined, options(31))).toMatchObject(
      { status: 'failed', objective: null },
    );
  });

  it('a failed evaluation fails the trial; a run that did not succeed has no objective', () => {
    expect(
      withEvaluationObjective(
        trial('succeeded'),
        { finishedAt },
        { status: 'failed', metrics: {} },
        options(1),
      ).status,
    ).toBe('failed');
    expect(
      withEvaluationObjective(trial('running'), { finishedAt: null }, undefined, options(1)),
    ).toMatchObject({ status: 'running', objective: null });
  });

  it('an evaluation without the metric gives no objective (the trial cannot be best)', () => {
    expect(
      withEvaluationObjective(
        trial('succeeded'),
        { finishedAt },
        { status: 'succeeded', metrics: { bleu: 3 } },
        options(1),
      ).objective,
    ).toBeNull();
  });
});
