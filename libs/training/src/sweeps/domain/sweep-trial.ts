/** Lifecycle of one trial (one training run) of a sweep. */
export const TRIAL_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'stopped'] as const;
export type TrialStatus = (typeof TRIAL_STATUSES)[number];

/** What the sweep logic needs to know about a trial started so far. */
export interface SweepTrial {
  /** Index of the trial within the sweep, from 0. */
  trial: number;
  /** The hyperparameters the trial was started with. */
  params: Readonly<Record<string, unknown>>;
  status: TrialStatus;
  /** The objective's final value, once the trial succeeded. */
  objective?: number | null;
}

/** Queued and running trials use a parallelism slot. */
export function isTrialActive(status: TrialStatus): boolean {
  return status === 'queued' || status === 'running';
}
