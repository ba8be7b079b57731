import { StorageError } from './storage.error';

/** The caller passed a key (or list prefix) the store refuses; never retryable. */
export class StorageKeyError extends StorageError {
  readonly code = 'STORAGE_INVALID_KEY' as const;

  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid object key ${JSON.stringify(key)}: ${reason}`);
  }
}
