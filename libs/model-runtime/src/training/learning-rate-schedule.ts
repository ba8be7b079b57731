export interface LearningRateSchedule {
  readonly peak: number;
  readonly warmupSteps: number;
  readonly totalSteps: number;
  readonly kind: 'cosine' | 'linear' | 'constant';
  /** Final rate as a fraction of the peak (cosine and linear). */
  readonly minRatio: number;
}

/**
 * Learning rate for optimizer step `step` (0-based): linear warmup to the peak over `warmupSteps`, then
 * cosine or linear decay to `minRatio × peak` at the last step, or constant.
 */
export function learningRateAt(step: number, schedule: LearningRateSchedule): number {
  const { peak, warmupSteps, totalSteps, kind, minRatio } = schedule;
  if (step < warmupSteps) return (peak * (step + 1)) / (warmupSteps + 1);
  if (kind === 'constant') return peak;
  const decaySteps = Math.max(1, totalSteps - warmupSteps - 1);
  const progress = Math.min(1, (step - warmupSteps) / decaySteps);
  const shape = kind === 'cosine' ? 0.5 * (1 + Math.cos(Math.PI * progress)) : 1 - progress;
  return peak * (minRatio + (1 - minRatio) * shape);
}
