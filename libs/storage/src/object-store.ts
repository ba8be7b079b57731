import type { Readable } from 'node:stream';
import { StorageArgumentError } from './errors/storage-argument.error';
import { readAll } from './internal/body-chunks';
import type { GetOptions, ObjectBody, PutOptions, SealOptions, StoredObject } from './object-store.types';

/**
 * The platform's one object store: S3-compatible in distributed mode, a directory in standalone mode
 * (DESIGN §3, §4). An abstract class rather than an interface so Nest can use it as the injection
 * token: services depend on `ObjectStore`, never on a driver.
 *
 * Integrity model: every write streams through sha256; the digest and size are recorded beside the
 * object (`.llmops/meta/<key>`) and that record is the commit point — no record, no object. Every
 * read is verified against it unless the caller opts out.
 */
export abstract class ObjectStore {
  /** Which driver backs this store, for logs and health details. */
  abstract readonly driver: 's3' | 'fs';

  /** Streams `body` in, hashing as it goes, then commits the checksum record. Overwrites `key`. */
  abstract put(key: string, body: ObjectBody, options?: PutOptions): Promise<StoredObject>;

  /** Streams the object out; by default the stream errors with `StorageIntegrityError` if it was altered. */
  abstract get(key: string, options?: GetOptions): Promise<Readable>;

  /** The committed object's record; `StorageNotFoundError` when absent. */
  abstract stat(key: string): Promise<StoredObject>;

  /** True when the object and its checksum record both exist. */
  abstract exists(key: string): Promise<boolean>;

  /** Removes the object; idempotent, because consumers retry (at-least-once delivery). */
  abstract delete(key: string): Promise<void>;

  /** Keys of committed objects starting with `prefix` (raw string prefix, S3 semantics), unordered. */
  abstract list(prefix?: string): AsyncIterable<string>;

  /** A URL that downloads the raw bytes without credentials. The store cannot verify such downloads. */
  abstract presignGet(key: string, expirySeconds: number): Promise<string>;

  /** A URL to upload the bytes of `key` directly; call `seal(key)` afterwards to commit them. */
  abstract presignPut(key: string, expirySeconds: number): Promise<string>;

  /**
   * Commits bytes that reached the backend without `put` (presigned upload, a trainer writing files):
   * reads them once, records sha256 and size, optionally checking `expectedSha256` first.
   */
  abstract seal(key: string, options?: SealOptions): Promise<StoredObject>;

  /** Creates the bucket or base directory if missing; call once at boot. */
  abstract ensureReady(): Promise<void>;

  /** Cheap readiness probe: resolves when the backend answers, rejects otherwise. */
  abstract ping(): Promise<void>;

  /** Verified download into memory; for small objects (manifests, reports, cards) only. */
  async getBuffer(key: string, maxBytes = 256 * 1024 * 1024): Promise<Buffer> {
    const buffer = await readAll(await this.get(key), maxBytes);
    if (buffer === undefined) {
      throw new StorageArgumentError(`${key} is larger than ${maxBytes} bytes; stream it with get()`);
    }
    return buffer;
  }

  /** `list` collected into an array; prefer iterating `list` for prefixes that may hold many keys. */
  async listAll(prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of this.list(prefix)) keys.push(key);
    return keys;
  }
}
