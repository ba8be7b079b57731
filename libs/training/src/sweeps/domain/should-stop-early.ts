import { isBetter } from './is-better';
import type { EarlyStoppingRule, ObjectiveDirection } from './sweep-spec';

/** One reported value of the objective metric at a training step. */
export interface CurvePoint {
  step: number;
  value: number;
}

/**
 * The median stopping rule (Google Vizier's): stop a trial whose best value so far is strictly worse than
 * the median of the completed trials' running averages at the same step. Precisely, with `s` the trial's
 * latest reported step:
 *
 * - never stop when the trial has no point yet or `s < rule.minSteps`;
 * - `best` is the trial's best value over its points (lowest for minimize, highest for maximize);
 * - each completed curve with at least one point at a step ≤ `s` contributes the mean of those values (its
 *   running average at `s`); curves with no point by `s` do not contribute;
 * - never stop when fewer than `rule.minTrialsCompleted` curves contribute;
 * - `median` is the median of the contributions (the mean of the two middle ones for an even count);
 * - stop when `best` is strictly worse than `median` (`best > median` when minimizing); equal is kept.
 *
 * Non-finite values (NaN losses) are ignored everywhere. `completedCurves` are the objective curves of the
 * sweep's succeeded trials; the caller passes the metric named by the sweep's objective.
 */
export function shouldStopEarly(
  rule: EarlyStoppingRule,
  trialCurve: readonly CurvePoint[],
  completedCurves: readonly (readonly CurvePoint[])[],
  direction: ObjectiveDirection,
): boolean {
  // `median` is the only rule kind so far; another kind would switch on `rule.kind` here.
  const points = trialCurve.filter(isFinitePoint);
  if (points.length === 0) return false;
  const step = Math.max(...points.map((point) => point.step));
  if (step < rule.minSteps) return false;
  const best = points.map((point) => point.value).reduce((a, b) => (isBetter(b, a, direction) ? b : a));

  const runningAverages = completedCurves.flatMap((curve) => {
    const upToStep = curve.filter((point) => isFinitePoint(point) && point.step <= step);
    if (upToStep.length === 0) return [];
    return [upToStep.reduce((sum, point) => sum + point.value, 0) / upToStep.length];
  });
  if (runningAverages.length === 0 || runningAverages.length < rule.minTrialsCompleted) return false;
  return isBetter(median(runningAverages), best, direction);
}

function isFinitePoint(point: CurvePoint): boolean {
  return Number.isFinite(point.step) && Number.isFinite(point.value);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}
