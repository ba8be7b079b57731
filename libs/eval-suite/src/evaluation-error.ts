/** Stable codes an evaluation fails with; they reach `evaluation-failed` and the REST API. */
export type EvaluationErrorCode =
  | 'EVAL_ENDPOINT_UNREACHABLE'
  | 'EVAL_ENDPOINT_REJECTED'
  | 'EVAL_ENDPOINT_BAD_RESPONSE'
  | 'EVAL_NO_ITEMS'
  | 'EVAL_MODEL_UNAVAILABLE'
  | 'EVAL_UNSUPPORTED_MODEL_FORMAT'
  | 'EVAL_JUDGE_FAILED'
  | 'EVAL_CANCELLED'
  /** The service lost the evaluation's process more often than its attempts allow. */
  | 'EVAL_LOST';

export class EvaluationError extends Error {
  override readonly name = 'EvaluationError';

  constructor(
    readonly code: EvaluationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
