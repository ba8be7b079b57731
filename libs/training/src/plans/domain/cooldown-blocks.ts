/**
 * True when the plan fired less than `cooldownSeconds` ago, so it must not fire now whatever triggered it.
 * This is the guard against loops: a run's own output (a new dataset version, a retraining request caused
 * by the model it registers) could otherwise fire the plan again at once. The cooldown ends exactly
 * `cooldownSeconds` after the last firing; a `lastFiredAt` in the future (clock skew) blocks; a plan that
 * never fired, or one with `cooldownSeconds: 0`, is never blocked.
 */
export function cooldownBlocks(
  plan: { cooldownSeconds: number },
  lastFiredAt: Date | null,
  now: Date,
): boolean {
  if (lastFiredAt === null || plan.cooldownSeconds <= 0) return false;
  return now.getTime() - lastFiredAt.getTime() < plan.cooldownSeconds * 1000;
}
