import { StorageError } from './storage.error';

/** A bad option other than the key (metadata, content type, presign expiry); never retryable. */
export class StorageArgumentError extends StorageError {
  readonly code = 'STORAGE_INVALID_ARGUMENT' as const;
}
