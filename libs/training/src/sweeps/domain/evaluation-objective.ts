import type { SweepTrial } from './sweep-trial';

/** What evaluation reported for a trial's run (the latest evaluation by the objective's suite). */
export interface TrialEvaluation {
  status: 'succeeded' | 'failed';
  metrics: Readonly<Record<string, number>>;
}

/**
 * A trial whose objective comes from evaluation: a succeeded run is still `running` until its
 * evaluation arrives (it holds a parallelism slot), then takes the evaluation's metric as objective; a
 * failed evaluation, or none within `timeoutMs` of the run's end, fails the trial.
 */
export function withEvaluationObjective(
  trial: SweepTrial,
  run: { finishedAt: Date | null },
  evaluation: TrialEvaluation | undefined,
  options: { metric: string; now: Date; timeoutMs: number },
): SweepTrial {
  if (trial.status !== 'succeeded') return { ...trial, objective: null };
  if (evaluation?.status === 'succeeded') {
    return { ...trial, objective: evaluation.metrics[options.metric] ?? null };
  }
  if (evaluation?.status === 'failed') return { ...trial, status: 'failed', objective: null };
  const waited = options.now.getTime() - (run.finishedAt?.getTime() ?? options.now.getTime());
  return { ...trial, status: waited > options.timeoutMs ? 'failed' : 'running', objective: null };
}
