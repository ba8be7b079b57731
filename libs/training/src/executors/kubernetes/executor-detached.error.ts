/**
 * `signal.reason` of a run aborted because the training service is shutting down, not cancelled: the
 * string `'shutdown'` or an object with `code: 'shutdown'`. Any other reason means cancel.
 */
export function isShutdownReason(reason: unknown): boolean {
  if (reason === 'shutdown') return true;
  return typeof reason === 'object' && reason !== null && (reason as { code?: unknown }).code === 'shutdown';
}

/**
 * What `run`/`reattach` reject with when the service shuts down: the Job keeps running in the cluster
 * and `reattach` picks it up after the restart, so the run must not be recorded as ended.
 */
export class ExecutorDetachedError extends Error {
  readonly code = 'executor-detached' as const;

  constructor(readonly jobName: string) {
    super(`stopped watching Job ${jobName} for shutdown; it keeps running and reattach resumes it`);
    this.name = 'ExecutorDetachedError';
  }
}
