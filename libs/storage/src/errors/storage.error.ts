/**
 * Stable codes for every storage failure. They survive process boundaries (logs, problem+json, DLQ
 * records) where `instanceof` does not, so callers should branch on `code`.
 */
export const STORAGE_ERROR_CODES = [
  'STORAGE_INVALID_KEY',
  'STORAGE_INVALID_ARGUMENT',
  'STORAGE_NOT_FOUND',
  'STORAGE_INTEGRITY',
  'STORAGE_UNSUPPORTED',
  'STORAGE_INVALID_CONFIG',
  'STORAGE_UNAVAILABLE',
] as const;

export type StorageErrorCode = (typeof STORAGE_ERROR_CODES)[number];

/** Base of every error the storage lib throws on purpose; subclasses only fix the code. */
export abstract class StorageError extends Error {
  abstract readonly code: StorageErrorCode;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}
