import { StorageArgumentError } from '../errors/storage-argument.error';
import type { PutOptions } from '../object-store.types';

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

// Metadata travels as `x-amz-meta-<key>` headers: S3 lower-cases names and only carries ASCII, and the
// whole user metadata must fit in 2 KiB. Enforcing that here keeps both drivers equally strict.
const METADATA_KEY = /^[a-z0-9][a-z0-9-]{0,63}$/;
const HEADER_VALUE = /^[\x20-\x7e]*$/;
const MAX_METADATA_BYTES = 2048;

export interface NormalizedPutOptions {
  contentType: string;
  metadata: Record<string, string>;
}

export function normalizePutOptions(options: PutOptions | undefined): NormalizedPutOptions {
  const contentType = options?.contentType ?? DEFAULT_CONTENT_TYPE;
  if (contentType === '' || contentType.length > 255 || !HEADER_VALUE.test(contentType)) {
    throw new StorageArgumentError(`invalid content type ${JSON.stringify(contentType)}`);
  }
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [name, value] of Object.entries(options?.metadata ?? {})) {
    if (!METADATA_KEY.test(name)) {
      throw new StorageArgumentError(
        `invalid metadata key ${JSON.stringify(name)}: use [a-z0-9-], at most 64`,
      );
    }
    if (!HEADER_VALUE.test(value)) {
      throw new StorageArgumentError(`metadata ${name} must be printable ASCII`);
    }
    bytes += name.length + value.length;
    metadata[name] = value;
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw new StorageArgumentError(`metadata is ${bytes} bytes, more than ${MAX_METADATA_BYTES}`);
  }
  return { contentType, metadata };
}
