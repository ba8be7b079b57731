import { StorageError } from './storage.error';

/** No committed object under this key (absent, deleted, or written without its checksum record). */
export class StorageNotFoundError extends StorageError {
  readonly code = 'STORAGE_NOT_FOUND' as const;

  constructor(
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`object not found: ${key}`, options);
  }
}
