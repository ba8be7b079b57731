import { z } from 'zod';
import { StorageIntegrityError } from '../errors/storage-integrity.error';
import { StorageArgumentError } from '../errors/storage-argument.error';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The checksum record stored beside every object (`.llmops/meta/<key>`, JSON). Its presence is the
 * commit point: an object whose record is missing is not visible through the store.
 * Never rename fields; add a `version: 2` schema beside this one.
 */
const objectRecordV1 = z.object({
  /** Record format version. */
  version: z.literal(1),
  /** Lower-case hex sha256 of the object's bytes. */
  sha256: z.string().regex(SHA256_HEX),
  /** Object length in bytes. */
  size: z.number().int().nonnegative(),
  /** MIME type given at write time. */
  contentType: z.string().min(1),
  /** User metadata given at write time. */
  metadata: z.record(z.string(), z.string()),
  /** ISO-8601 time the record was written (diagnostics only). */
  writtenAt: z.string(),
});

export type ObjectRecord = z.infer<typeof objectRecordV1>;

// A record is a few hundred bytes; refusing anything large keeps a bogus record from eating memory.
export const MAX_RECORD_BYTES = 64 * 1024;

export function encodeObjectRecord(record: ObjectRecord): Buffer {
  return Buffer.from(JSON.stringify(record), 'utf8');
}

export function decodeObjectRecord(key: string, bytes: Buffer): ObjectRecord {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new StorageIntegrityError(key, 'checksum record is not valid JSON');
  }
  const parsed = objectRecordV1.safeParse(json);
  if (!parsed.success) {
    throw new StorageIntegrityError(
      key,
      `checksum record is malformed: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return parsed.data;
}

export function assertSha256Hex(value: string | undefined, name: string): void {
  if (value !== undefined && !SHA256_HEX.test(value)) {
    throw new StorageArgumentError(`${name} must be 64 lower-case hex characters`);
  }
}
