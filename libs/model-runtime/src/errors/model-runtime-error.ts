/**
 * Stable codes, because `instanceof` does not survive a worker-thread or process boundary: the training
 * service maps them to retryable / not retryable, serving and evaluation to HTTP problems.
 */
export type ModelRuntimeErrorCode =
  /** Hyperparameters failed their method's schema; `issues` lists every bad field. */
  | 'INVALID_HYPERPARAMETERS'
  /** Training examples are empty, of the wrong kind for the method, or tokenize to nothing. */
  | 'INVALID_TRAINING_DATA'
  /** The method needs a base model (lora, dpo) and none was given. */
  | 'BASE_REQUIRED'
  /** The base given for an adapter is not the one it was trained on. */
  | 'BASE_MISMATCH'
  /** Training was stopped through its AbortSignal. */
  | 'TRAINING_ABORTED'
  /** A loss or gradient became NaN or infinite (learning rate too high, usually). */
  | 'TRAINING_DIVERGED'
  /** An artifact file is missing, malformed or inconsistent with model.json. */
  | 'INVALID_ARTIFACT'
  /** model.json names a format or format version this runtime does not read. */
  | 'UNSUPPORTED_FORMAT'
  /** A file's sha256 differs from the one recorded in model.json. */
  | 'CHECKSUM_MISMATCH'
  /** Inference options (maxTokens, temperature, ...) are out of range. */
  | 'INVALID_OPTIONS'
  /** No builtin base has that name. */
  | 'UNKNOWN_BUILTIN_BASE';

/** One failing field: dotted path and what is wrong with it. */
export interface ModelRuntimeIssue {
  /** Dotted path of the field, `(root)` for the value itself. */
  readonly path: string;
  /** What is wrong. */
  readonly message: string;
}

/** Any failure of the builtin model runtime, with a stable code and, for validation, every bad field. */
export class ModelRuntimeError extends Error {
  override readonly name = 'ModelRuntimeError';

  constructor(
    readonly code: ModelRuntimeErrorCode,
    message: string,
    readonly issues: readonly ModelRuntimeIssue[] = [],
  ) {
    super(message);
  }
}
