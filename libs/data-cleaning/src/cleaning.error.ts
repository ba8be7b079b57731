/** Stable codes for what can go wrong while parsing, compiling or running a recipe. */
export type CleaningErrorCode =
  /** The recipe failed validation; `details.issues` lists `path: message` lines. */
  | 'invalid-recipe'
  /** The recipe has a `dedup-near` step but `compileRecipe` was given no detector factory. */
  | 'near-duplicate-detector-missing'
  /** A step threw on a record under `onRecordError: fail`; `details` names the record and step. */
  | 'record-failed';

export interface CleaningErrorDetails {
  issues?: string[];
  recordId?: string;
  step?: string;
  file?: string;
  line?: number;
}

/** An error with a stable code (checked by code, since `instanceof` does not survive a process boundary). */
export class CleaningError extends Error {
  override readonly name = 'CleaningError';

  constructor(
    readonly code: CleaningErrorCode,
    message: string,
    readonly details: CleaningErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
