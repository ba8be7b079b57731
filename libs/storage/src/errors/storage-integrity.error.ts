import { StorageError } from './storage.error';

/** What a checksum check compares: the recorded (or expected) digest and length against what was read. */
export interface ContentDigest {
  sha256: string;
  size: number;
}

/**
 * The bytes read do not match what was recorded when the object was written (or what the caller
 * expected when sealing), or the record itself is unreadable. Retrying the same read will not help:
 * the stored copy is bad or was replaced behind the store's back.
 */
export class StorageIntegrityError extends StorageError {
  readonly code = 'STORAGE_INTEGRITY' as const;

  constructor(
    readonly key: string,
    detail: string,
    readonly expected?: ContentDigest,
    readonly actual?: Partial<ContentDigest>,
  ) {
    super(`integrity check failed for ${key}: ${detail}`);
  }

  static mismatch(key: string, expected: ContentDigest, actual: ContentDigest): StorageIntegrityError {
    return new StorageIntegrityError(
      key,
      `expected sha256 ${expected.sha256} (${expected.size} bytes), ` +
        `read sha256 ${actual.sha256} (${actual.size} bytes)`,
      expected,
      actual,
    );
  }
}
