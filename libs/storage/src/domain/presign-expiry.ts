import { StorageArgumentError } from '../errors/storage-argument.error';

// S3 refuses presigned URLs valid longer than 7 days; fs applies the same bound so callers behave alike.
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export function assertPresignExpiry(expirySeconds: number): void {
  if (!Number.isInteger(expirySeconds) || expirySeconds < 1 || expirySeconds > MAX_PRESIGN_SECONDS) {
    throw new StorageArgumentError(
      `presign expiry must be a whole number of seconds in [1, ${MAX_PRESIGN_SECONDS}], got ${expirySeconds}`,
    );
  }
}
