import { StorageError } from './storage.error';

/** The operation exists in the interface but this driver cannot honour it (e.g. presigned PUT on fs). */
export class StorageUnsupportedError extends StorageError {
  readonly code = 'STORAGE_UNSUPPORTED' as const;

  constructor(
    readonly driver: string,
    readonly operation: string,
    reason: string,
  ) {
    super(`${driver} object store does not support ${operation}: ${reason}`);
  }
}
