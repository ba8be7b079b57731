import type { ProblemFieldError } from './problem-details.types';

export interface AppErrorOptions {
  /** Field-level problems, when the error is about specific inputs. */
  errors?: ProblemFieldError[];
  /** Overrides the title derived from the code; keep it the same for every occurrence of the code. */
  title?: string;
  /** Extra machine-readable members for the problem body (RFC 9457 extensions), e.g. `{ datasetId }`. */
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * A domain error with a stable code, thrown by services and mapped to problem+json by the filter:
 * `throw new AppError('DATASET_NOT_FOUND', 404, \`Dataset ${id} does not exist\`)`. Codes, not classes,
 * identify errors, because `instanceof` does not survive a process boundary.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly errors: ProblemFieldError[] | undefined;
  readonly title: string | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    /** SCREAMING_SNAKE_CASE, stable once published. */
    readonly code: string,
    /** HTTP status: 4xx for the caller's mistakes, 5xx only for ours. */
    readonly status: number,
    /** Human-readable explanation of this occurrence; shown to the caller. */
    readonly detail: string,
    options: AppErrorOptions = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.errors = options.errors;
    this.title = options.title;
    this.extensions = options.extensions;
  }
}
