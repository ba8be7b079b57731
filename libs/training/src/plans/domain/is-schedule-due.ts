import type { PlanTrigger } from './plan-trigger';

/**
 * True when `trigger` is a schedule and at least `everySeconds` have passed since the plan last fired. A
 * plan that never fired is due at once; to make the first firing wait a full period, pass the plan's
 * creation time as `lastFiredAt`. A `lastFiredAt` in the future (clock skew) is not due. The cooldown is a
 * separate check (`cooldownBlocks`).
 */
export function isScheduleDue(trigger: PlanTrigger, lastFiredAt: Date | null, now: Date): boolean {
  if (trigger.kind !== 'schedule') return false;
  if (lastFiredAt === null) return true;
  return now.getTime() - lastFiredAt.getTime() >= trigger.everySeconds * 1000;
}
