/**
 * Stable codes of a failed `process` run (the `code` of a failed `ExecutorOutcome`); the training service
 * stores them with the run and clients branch on them, so never rename one — add a new code instead.
 */
export const PROCESS_FAILURE_CODES = {
  /** The run's settings did not validate (the service should have rejected the spec earlier). */
  invalidSettings: 'INVALID_SETTINGS',
  /** A dataset shard or base model file could not be read from the object store. */
  inputDownloadFailed: 'INPUT_DOWNLOAD_FAILED',
  /** The command could not be started (not found, not executable, bad working directory). */
  trainerNotStarted: 'TRAINER_NOT_STARTED',
  /** The trainer exited with a non-zero code or was killed by a signal it did not ask for. */
  trainerExited: 'TRAINER_EXITED',
  /** The trainer ran past the run's `timeoutSeconds` and was stopped. */
  trainerTimedOut: 'TRAINER_TIMED_OUT',
  /** The trainer succeeded but its output could not be stored. */
  outputUploadFailed: 'OUTPUT_UPLOAD_FAILED',
} as const;

export type ProcessFailureCode = (typeof PROCESS_FAILURE_CODES)[keyof typeof PROCESS_FAILURE_CODES];
