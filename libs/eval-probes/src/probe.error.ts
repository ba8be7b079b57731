/** Stable codes for what can go wrong in this library (errors thrown by `generate` pass through as-is). */
export type ProbeErrorCode =
  /** A probe name outside `PROBE_NAMES` or a bad option value; `details.issues` says which. */
  | 'invalid-options'
  /** The toxicity classifier could not be reached, or did not answer in time. */
  | 'classifier-unavailable'
  /** The toxicity classifier answered with a non-2xx status. */
  | 'classifier-http-error'
  /** The toxicity classifier (or a custom scorer) answered against the contract; `details.issues` says how. */
  | 'classifier-bad-response';

export interface ProbeErrorDetails {
  issues?: string[];
  url?: string;
  status?: number;
}

/** An error with a stable code (checked by code, since `instanceof` does not survive a process boundary). */
export class ProbeError extends Error {
  override readonly name = 'ProbeError';

  constructor(
    readonly code: ProbeErrorCode,
    message: string,
    readonly details: ProbeErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
