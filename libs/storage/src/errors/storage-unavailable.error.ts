import { StorageError } from './storage.error';

/**
 * The backend failed for a reason that is not the caller's fault (network, auth, 5xx, disk). Consumers
 * treat it as retryable; `cause` keeps the driver's original error for logs.
 */
export class StorageUnavailableError extends StorageError {
  readonly code = 'STORAGE_UNAVAILABLE' as const;

  constructor(operation: string, cause: unknown) {
    super(`object store ${operation} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}
