import { shouldStopEarly, type CurvePoint } from './should-stop-early';
import type { EarlyStoppingRule } from './sweep-spec';

const rule: EarlyStoppingRule = { kind: 'median', minSteps: 2, minTrialsCompleted: 2 };
const curve = (...values: number[]): CurvePoint[] => values.map((value, i) => ({ step: i + 1, value }));

// Three completed loss curves: running averages at step 3 are 2, 3 and 4 → median 3.
const completed = [curve(3, 2, 1, 0.5), curve(4, 3, 2, 1), curve(5, 4, 3, 2)];

describe('shouldStopEarly (median rule)', () => {
  it('stops a trial whose best loss is worse than the median running average', () => {
    expect(shouldStopEarly(rule, curve(5, 4, 3.5), completed, 'minimize')).toBe(true);
  });

  it('keeps a trial whose best equals the median (strictly worse is needed)', () => {
    expect(shouldStopEarly(rule, curve(5, 4, 3), completed, 'minimize')).toBe(false);
  });

  it('judges the best value so far, not the latest', () => {
    expect(shouldStopEarly(rule, curve(2.5, 6, 7), completed, 'minimize')).toBe(false);
  });

  it('compares at the trial’s latest step: at step 2 the running averages are 2.5, 3.5, 4.5', () => {
    expect(shouldStopEarly(rule, curve(4, 3.6), completed, 'minimize')).toBe(true);
    expect(shouldStopEarly(rule, curve(4, 3.5), completed, 'minimize')).toBe(false);
  });

  it('takes the mean of the two middle values for an even count', () => {
    const two = [curve(1, 1, 1), curve(3, 3, 3)]; // median 2
    expect(shouldStopEarly(rule, curve(2.1, 2.1, 2.1), two, 'minimize')).toBe(true);
    expect(shouldStopEarly(rule, curve(2, 2, 2), two, 'minimize')).toBe(false);
  });

  it('mirrors everything when maximizing', () => {
    const accuracy = [curve(0.5, 0.6, 0.7), curve(0.6, 0.7, 0.8), curve(0.7, 0.8, 0.9)]; // median 0.7 at step 3
    expect(shouldStopEarly(rule, curve(0.4, 0.5, 0.6), accuracy, 'maximize')).toBe(true);
    expect(shouldStopEarly(rule, curve(0.4, 0.75, 0.6), accuracy, 'maximize')).toBe(false);
  });

  it('never stops before minSteps', () => {
    expect(shouldStopEarly(rule, curve(100), completed, 'minimize')).toBe(false);
    expect(shouldStopEarly(rule, [], completed, 'minimize')).toBe(false);
  });

  it('never stops until minTrialsCompleted curves have data at the step', () => {
    expect(shouldStopEarly(rule, curve(9, 9, 9), completed.slice(0, 1), 'minimize')).toBe(false);
    expect(shouldStopEarly(rule, curve(9, 9, 9), [], 'minimize')).toBe(false);
    // Two completed trials that only reported from step 5 on contribute nothing at step 3.
    const late = [[{ step: 5, value: 0.1 }], [{ step: 6, value: 0.1 }]];
    expect(shouldStopEarly(rule, curve(9, 9, 9), late, 'minimize')).toBe(false);
  });

  it('uses only the completed points up to the step, however the curves are ordered', () => {
    const shuffled = completed.map((points) => [...points].reverse());
    expect(shouldStopEarly(rule, curve(5, 4, 3.5), shuffled, 'minimize')).toBe(true);
  });

  it('ignores non-finite values', () => {
    const withNaN = [...completed, curve(Number.NaN, Number.NaN, Number.NaN)];
    expect(shouldStopEarly(rule, curve(5, 4, 3.5), withNaN, 'minimize')).toBe(true);
    expect(shouldStopEarly(rule, curve(Number.NaN, Number.NaN, Number.NaN), completed, 'minimize')).toBe(
      false,
    );
  });
});
