import { cooldownBlocks } from './cooldown-blocks';

const last = new Date('2025-03-01T10:00:00.000Z');
const at = (offsetMs: number): Date => new Date(last.getTime() + offsetMs);
const plan = { cooldownSeconds: 3600 };

describe('cooldownBlocks', () => {
  it('blocks a firing until the cooldown has fully elapsed', () => {
    expect(cooldownBlocks(plan, last, last)).toBe(true);
    expect(cooldownBlocks(plan, last, at(1))).toBe(true);
    expect(cooldownBlocks(plan, last, at(3_600_000 - 1))).toBe(true);
  });

  it('lets the plan fire exactly when the cooldown ends, and after', () => {
    expect(cooldownBlocks(plan, last, at(3_600_000))).toBe(false);
    expect(cooldownBlocks(plan, last, at(7 * 86_400_000))).toBe(false);
  });

  it('never blocks a plan that never fired', () => {
    expect(cooldownBlocks(plan, null, last)).toBe(false);
  });

  it('blocks when the last firing lies in the future (clock skew): better late than looping', () => {
    expect(cooldownBlocks(plan, at(5_000), last)).toBe(true);
  });

  it('is off with a cooldown of 0', () => {
    expect(cooldownBlocks({ cooldownSeconds: 0 }, last, last)).toBe(false);
  });

  it('stops a run’s own output from re-firing the plan: a new version minutes later is blocked', () => {
    const runFinished = at(40 * 60_000); // the run the plan started wrote a dataset version 40 minutes on
    expect(cooldownBlocks(plan, last, runFinished)).toBe(true);
  });
});
