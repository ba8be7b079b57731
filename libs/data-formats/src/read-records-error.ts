/**
 * Codes of the errors that end a whole input (per-row problems are rejects instead). Stable strings:
 * `instanceof` does not survive a process boundary, so callers map these codes, e.g. to HTTP statuses.
 */
export const READ_RECORDS_ERROR_CODES = [
  'empty-input',
  'unsupported-media-type',
  'gzip-ratio-exceeded',
  'input-too-large',
  'corrupt-gzip',
  'corrupt-parquet',
  /** From `readShard`: a shard line that is not a DataRecord. */
  'corrupt-shard',
] as const;

export type ReadRecordsErrorCode = (typeof READ_RECORDS_ERROR_CODES)[number];

/** An input that cannot be read at all: nothing in it is used. */
export class ReadRecordsError extends Error {
  override readonly name = 'ReadRecordsError';

  constructor(
    readonly code: ReadRecordsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a `ReadRecordsError`, also one from another copy of this module. */
export function isReadRecordsError(error: unknown): error is ReadRecordsError {
  return (
    error instanceof Error &&
    error.name === 'ReadRecordsError' &&
    (READ_RECORDS_ERROR_CODES as readonly string[]).includes((error as { code?: unknown }).code as string)
  );
}
