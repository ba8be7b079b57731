import { StorageError } from './storage.error';

/** Boot-time configuration is wrong; `problems` names every bad variable so one restart fixes all. */
export class StorageConfigError extends StorageError {
  readonly code = 'STORAGE_INVALID_CONFIG' as const;

  constructor(readonly problems: readonly string[]) {
    super(`invalid storage configuration:\n  - ${problems.join('\n  - ')}`);
  }
}
