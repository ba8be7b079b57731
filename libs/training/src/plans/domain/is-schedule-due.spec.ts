import { isScheduleDue } from './is-schedule-due';
import type { PlanTrigger } from './plan-trigger';

const hourly: PlanTrigger = { kind: 'schedule', everySeconds: 3600 };
const last = new Date('2025-03-01T10:00:00.000Z');
const at = (offsetMs: number): Date => new Date(last.getTime() + offsetMs);

describe('isScheduleDue', () => {
  it('is due once a full period has passed, not a millisecond before', () => {
    expect(isScheduleDue(hourly, last, at(3_600_000 - 1))).toBe(false);
    expect(isScheduleDue(hourly, last, at(3_600_000))).toBe(true);
    expect(isScheduleDue(hourly, last, at(10 * 3_600_000))).toBe(true);
  });

  it('is due at once for a plan that never fired', () => {
    expect(isScheduleDue(hourly, null, last)).toBe(true);
  });

  it('is not due when the last firing lies in the future (clock skew)', () => {
    expect(isScheduleDue(hourly, at(60_000), last)).toBe(false);
  });

  it('is never due for other kinds of trigger', () => {
    expect(isScheduleDue({ kind: 'dataset-version', datasetName: 'x' }, null, last)).toBe(false);
    expect(isScheduleDue({ kind: 'retraining-requested', modelName: 'x' }, null, last)).toBe(false);
  });
});
