import { randomUUID } from 'node:crypto';
import { constants, type Dirent, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  assertValidKey,
  assertValidPrefix,
  prefixDirectory,
  recordKeyFor,
  RECORD_PREFIX,
  RESERVED_ROOT,
} from '../domain/object-key';
import {
  assertSha256Hex,
  decodeObjectRecord,
  encodeObjectRecord,
  type ObjectRecord,
} from '../domain/object-record';
import { assertPresignExpiry } from '../domain/presign-expiry';
import { normalizePutOptions } from '../domain/put-options';
import { StorageIntegrityError } from '../errors/storage-integrity.error';
import { StorageKeyError } from '../errors/storage-key.error';
import { StorageNotFoundError } from '../errors/storage-not-found.error';
import { StorageUnavailableError } from '../errors/storage-unavailable.error';
import { StorageUnsupportedError } from '../errors/storage-unsupported.error';
import { StorageError } from '../errors/storage.error';
import { bodyChunks, digestOf, newTally, tallied } from '../internal/body-chunks';
import { errorCode } from '../internal/error-code';
import { verifyingStream } from '../internal/verifying-stream';
import { ObjectStore } from '../object-store';
import type { GetOptions, ObjectBody, PutOptions, SealOptions, StoredObject } from '../object-store.types';

export interface FsObjectStoreOptions {
  /** Base directory (standalone default `.llmops/objects`); relative paths resolve against the cwd. */
  dir: string;
  /**
   * Logical bucket named in URIs. Objects are addressed `s3://<bucket>/<key>` in every mode (events and
   * contracts require it), so a directory synced to a real bucket keeps its URIs valid.
   */
  bucket?: string;
}

// A path that does not lead to a file: absent, a file where a directory was expected, or a directory
// (the key is only a prefix of other keys).
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);
// What mkdir/rename report when `a` and `a/b` would both have to exist.
const CLASHING = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'ENOTEMPTY']);

/**
 * Object store in a local directory, for standalone mode and tests. The layout is the bucket's:
 * `<dir>/<key>` holds the bytes, `<dir>/.llmops/meta/<key>` the checksum record, so a directory can be
 * synced to a bucket (or back) and still verify. Writes go to `<dir>/.llmops/tmp/` and are fsynced and
 * renamed into place, so a crash never leaves a half-written object under its name; the record is
 * renamed last and is the commit point.
 *
 * Limits: a key cannot also be a prefix of other keys (`a` and `a/b`), which S3 allows —
 * `StorageKeyError` says so; readers racing an overwrite of the same key may see an integrity error.
 */
export class FsObjectStore extends ObjectStore {
  readonly driver = 'fs' as const;
  private readonly root: string;
  private readonly bucket: string;

  constructor(options: FsObjectStoreOptions) {
    super();
    this.root = path.resolve(options.dir);
    this.bucket = options.bucket ?? 'llmops';
  }

  async put(key: string, body: ObjectBody, options?: PutOptions): Promise<StoredObject> {
    assertValidKey(key);
    const { contentType, metadata } = normalizePutOptions(options);
    const tally = newTally();
    const temp = await this.writeTemp(tallied(bodyChunks(body), tally));
    await this.moveIntoPlace(temp, this.dataPath(key), key);
    const record: ObjectRecord = {
      version: 1,
      sha256: tally.hash.digest('hex'),
      size: tally.bytes,
      contentType,
      metadata,
      writtenAt: new Date().toISOString(),
    };
    await this.writeRecord(key, record);
    return this.toStoredObject(key, record);
  }

  async get(key: string, options?: GetOptions): Promise<Readable> {
    assertValidKey(key);
    const record = await this.readRecord(key);
    const handle = await this.openData(key);
    // The handle closes itself when the stream ends or is destroyed (autoClose).
    const stream = handle.createReadStream();
    return options?.verify === false ? stream : verifyingStream(key, stream, record);
  }

  async stat(key: string): Promise<StoredObject> {
    assertValidKey(key);
    const [record, size] = await Promise.all([this.readRecord(key), this.dataSize(key)]);
    // A length check costs nothing here and catches truncation without reading the bytes.
    if (size !== record.size) {
      throw new StorageIntegrityError(
        key,
        `object is ${size} bytes, its record says ${record.size}`,
        record,
        {
          size,
        },
      );
    }
    return this.toStoredObject(key, record);
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    const [record, data] = await Promise.all([
      this.isFile(this.recordPath(key)),
      this.isFile(this.dataPath(key)),
    ]);
    return record && data;
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    // Record first: the object stops being visible before its bytes go.
    await this.unlinkIfPresent(this.recordPath(key));
    await this.unlinkIfPresent(this.dataPath(key));
  }

  async *list(prefix = ''): AsyncGenerator<string> {
    assertValidPrefix(prefix);
    const directory = prefixDirectory(prefix);
    const start = path.join(this.root, ...`${RECORD_PREFIX}${directory}`.split('/').filter(Boolean));
    for await (const key of this.walk(start, directory)) {
      if (key.startsWith(prefix)) yield key;
    }
  }

  /**
   * A `file://` URL of the bytes. It carries no signature or expiry (the expiry is only validated), so
   * it is only meaningful to processes on this host with read access to the directory — e.g. a local
   * `process` trainer — and is exactly as safe as the directory's permissions.
   */
  async presignGet(key: string, expirySeconds: number): Promise<string> {
    assertValidKey(key);
    assertPresignExpiry(expirySeconds);
    await this.readRecord(key);
    return pathToFileURL(this.dataPath(key)).href;
  }

  /**
   * Unsupported: nothing can upload to a `file://` URL on the caller's behalf. Use `put`, or write the
   * file under the base directory and call `seal(key)`.
   */
  presignPut(key: string, expirySeconds: number): Promise<string> {
    assertValidKey(key);
    assertPresignExpiry(expirySeconds);
    return Promise.reject(
      new StorageUnsupportedError('fs', 'presignPut', 'write with put(), or place the file and call seal()'),
    );
  }

  async seal(key: string, options?: SealOptions): Promise<StoredObject> {
    assertValidKey(key);
    assertSha256Hex(options?.expectedSha256, 'expectedSha256');
    const { contentType, metadata } = normalizePutOptions(options);
    const handle = await this.openData(key);
    const actual = await digestOf(handle.createReadStream());
    if (options?.expectedSha256 !== undefined && options.expectedSha256 !== actual.sha256) {
      throw new StorageIntegrityError(
        key,
        `expected sha256 ${options.expectedSha256}, read ${actual.sha256}; not sealed`,
        undefined,
        actual,
      );
    }
    const record: ObjectRecord = {
      version: 1,
      ...actual,
      contentType,
      metadata,
      writtenAt: new Date().toISOString(),
    };
    await this.writeRecord(key, record);
    return this.toStoredObject(key, record);
  }

  async ensureReady(): Promise<void> {
    await this.io('ensureReady', async () => {
      await fs.mkdir(this.tempDir(), { recursive: true });
      await fs.mkdir(path.join(this.root, ...RECORD_PREFIX.split('/').filter(Boolean)), { recursive: true });
    });
  }

  async ping(): Promise<void> {
    await this.io('ping', async () => {
      const info = await fs.stat(this.root);
      if (!info.isDirectory()) throw new Error(`${this.root} is not a directory`);
      await fs.access(this.root, constants.R_OK | constants.W_OK);
    });
  }

  private dataPath(key: string): string {
    return path.join(this.root, ...key.split('/'));
  }

  private recordPath(key: string): string {
    return path.join(this.root, ...recordKeyFor(key).split('/'));
  }

  private tempDir(): string {
    return path.join(this.root, RESERVED_ROOT, 'tmp');
  }

  private toStoredObject(key: string, record: ObjectRecord): StoredObject {
    return {
      key,
      uri: `s3://${this.bucket}/${key}`,
      sha256: record.sha256,
      size: record.size,
      contentType: record.contentType,
      metadata: record.metadata,
    };
  }

  /** Streams chunks into a fresh temp file, fsynced, and returns its path. */
  private async writeTemp(chunks: AsyncIterable<Buffer>): Promise<string> {
    const directory = this.tempDir();
    await this.io('put', () => fs.mkdir(directory, { recursive: true }));
    const temp = path.join(directory, `${randomUUID()}.part`);
    const handle = await this.io('put', () => fs.open(temp, 'wx'));
    try {
      // A failing body stream surfaces here unwrapped: it is the caller's error, not the store's.
      for await (const chunk of chunks) await this.io('put', () => writeFully(handle, chunk));
      // Without fsync before rename, a crash can leave the final name pointing at an empty file.
      await this.io('put', () => handle.sync());
      await this.io('put', () => handle.close());
    } catch (error) {
      await handle.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
      throw error;
    }
    return temp;
  }

  private async moveIntoPlace(temp: string, target: string, key: string): Promise<void> {
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      const code = errorCode(error);
      if (code !== undefined && CLASHING.has(code)) {
        throw new StorageKeyError(
          key,
          'clashes with another key: on the fs driver a key cannot also be a prefix of other keys (a and a/b)',
        );
      }
      throw new StorageUnavailableError('put', error);
    }
  }

  private async writeRecord(key: string, record: ObjectRecord): Promise<void> {
    const temp = await this.writeTemp(bodyChunks(encodeObjectRecord(record)));
    await this.moveIntoPlace(temp, this.recordPath(key), key);
  }

  private async readRecord(key: string): Promise<ObjectRecord> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.recordPath(key));
    } catch (error) {
      throw this.mapReadError(key, 'read', error);
    }
    return decodeObjectRecord(key, bytes);
  }

  private async openData(key: string): Promise<FileHandle> {
    try {
      return await fs.open(this.dataPath(key), 'r');
    } catch (error) {
      throw this.mapReadError(key, 'read', error);
    }
  }

  private async dataSize(key: string): Promise<number> {
    try {
      const info = await fs.stat(this.dataPath(key));
      if (!info.isFile()) throw new StorageNotFoundError(key);
      return info.size;
    } catch (error) {
      throw this.mapReadError(key, 'stat', error);
    }
  }

  private async isFile(file: string): Promise<boolean> {
    try {
      return (await fs.stat(file)).isFile();
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && MISSING.has(code)) return false;
      throw new StorageUnavailableError('exists', error);
    }
  }

  private async unlinkIfPresent(file: string): Promise<void> {
    try {
      await fs.unlink(file);
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && (MISSING.has(code) || code === 'EPERM')) return;
      throw new StorageUnavailableError('delete', error);
    }
  }

  private async *walk(directory: string, keyPrefix: string): AsyncGenerator<string> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error);
      if (code !== undefined && MISSING.has(code)) return;
      throw new StorageUnavailableError('list', error);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.isDirectory()) {
        yield* this.walk(path.join(directory, entry.name), `${keyPrefix}${entry.name}/`);
      } else if (entry.isFile()) {
        yield `${keyPrefix}${entry.name}`;
      }
    }
  }

  private mapReadError(key: string, operation: string, error: unknown): StorageError {
    if (error instanceof StorageError) return error;
    const code = errorCode(error);
    if (code !== undefined && MISSING.has(code)) return new StorageNotFoundError(key, { cause: error });
    return new StorageUnavailableError(operation, error);
  }

  private async io<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw error instanceof StorageError ? error : new StorageUnavailableError(operation, error);
    }
  }
}

async function writeFully(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}
