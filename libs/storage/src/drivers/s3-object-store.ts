import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Client } from 'minio';
import {
  assertValidKey,
  assertValidPrefix,
  keyFromRecordKey,
  recordKeyFor,
  RECORD_PREFIX,
} from '../domain/object-key';
import {
  assertSha256Hex,
  decodeObjectRecord,
  encodeObjectRecord,
  MAX_RECORD_BYTES,
  type ObjectRecord,
} from '../domain/object-record';
import { assertPresignExpiry } from '../domain/presign-expiry';
import { DEFAULT_CONTENT_TYPE, normalizePutOptions } from '../domain/put-options';
import { StorageConfigError } from '../errors/storage-config.error';
import { StorageIntegrityError } from '../errors/storage-integrity.error';
import { StorageNotFoundError } from '../errors/storage-not-found.error';
import { StorageUnavailableError } from '../errors/storage-unavailable.error';
import { StorageError } from '../errors/storage.error';
import { bodyChunks, digestOf, newTally, readAll, tallied } from '../internal/body-chunks';
import { errorCode } from '../internal/error-code';
import { splitParts } from '../internal/split-parts';
import { verifyingStream } from '../internal/verifying-stream';
import { ObjectStore } from '../object-store';
import type { GetOptions, ObjectBody, PutOptions, SealOptions, StoredObject } from '../object-store.types';
import { parseS3Endpoint } from './s3-endpoint';

export interface S3ObjectStoreOptions {
  /** `http(s)://host:port` of the S3 API as this process reaches it. */
  endpoint: string;
  /** Endpoint that presigned URLs are signed for, when clients reach S3 by another address. */
  publicEndpoint?: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
  /** Multipart part size in bytes (5 MiB to 5 GiB); an upload holds about one part in memory. */
  partSize: number;
  /** Keys per list request (S3 caps it at 1000); tests lower it to exercise pagination. */
  listPageSize?: number;
}

export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PART_SIZE = 5 * 1024 * 1024 * 1024;

// S3 reports a missing key as NoSuchKey on GET and as a bare 404 (NotFound) on HEAD.
const NOT_FOUND_CODES = new Set(['NoSuchKey', 'NotFound']);

/**
 * Object store on any S3-compatible server through the `minio` client (S3Proxy in the dev stack).
 *
 * Where the sha256 lives: it is only known once the body has streamed through, so it cannot go into
 * the object's own headers at upload time. The alternatives were (a) upload, then copy the object onto
 * itself with `x-amz-metadata-directive: REPLACE`, or (b) a separate record object. (a) rewrites every
 * byte a second time on the server, is capped at 5 GiB per copy (bigger needs UploadPartCopy, and
 * minio-js 8's composeObject numbers every part of a single source as part 1), and leaves a window
 * where the object exists without its hash. So this store uses (b): `.llmops/meta/<key>` holds
 * `{sha256, size, contentType, metadata}` and is written after the bytes — it is the commit point, an
 * object without it is invisible (NOT_FOUND), and listing walks the records, not the data. The cost is
 * one small extra PUT/GET per object; an overwrite has a millisecond window where a reader may see new
 * bytes against the old record and get STORAGE_INTEGRITY (keys in DESIGN §3 are write-once).
 *
 * Uploads: bodies shorter than one part go up in a single PUT; longer ones as a multipart upload driven
 * here, one part at a time, rather than by minio's `putObject(stream)`: that path first lists pending
 * multipart uploads to resume them (S3Proxy 2.9.0 answered that query with 501), and if the body stream
 * fails it neither aborts the upload nor settles its promise.
 */
export class S3ObjectStore extends ObjectStore {
  readonly driver = 's3' as const;
  private readonly client: Client;
  private readonly presigner: Client;
  private readonly bucket: string;
  private readonly partSize: number;
  private readonly listPageSize: number;

  constructor(options: S3ObjectStoreOptions) {
    super();
    if (
      !Number.isInteger(options.partSize) ||
      options.partSize < MIN_PART_SIZE ||
      options.partSize > MAX_PART_SIZE
    ) {
      throw new StorageConfigError([
        `partSize must be an integer between ${MIN_PART_SIZE} and ${MAX_PART_SIZE}`,
      ]);
    }
    this.bucket = options.bucket;
    this.partSize = options.partSize;
    this.listPageSize = options.listPageSize ?? 1000;
    this.client = createClient('endpoint', options.endpoint, options);
    this.presigner =
      options.publicEndpoint === undefined
        ? this.client
        : createClient('publicEndpoint', options.publicEndpoint, options);
  }

  async put(key: string, body: ObjectBody, options?: PutOptions): Promise<StoredObject> {
    assertValidKey(key);
    const { contentType, metadata } = normalizePutOptions(options);
    const tally = newTally();
    await this.upload(key, tallied(bodyChunks(body), tally), objectHeaders(contentType, metadata));
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
    const stream = await this.s3('get', key, () => this.client.getObject(this.bucket, key));
    return options?.verify === false ? stream : verifyingStream(key, stream, record);
  }

  async stat(key: string): Promise<StoredObject> {
    assertValidKey(key);
    const [record, info] = await Promise.all([
      this.readRecord(key),
      this.s3('stat', key, () => this.client.statObject(this.bucket, key)),
    ]);
    // A length check costs nothing here and catches truncation without reading the bytes.
    if (info.size !== record.size) {
      throw new StorageIntegrityError(
        key,
        `object is ${info.size} bytes, its record says ${record.size}`,
        record,
        {
          size: info.size,
        },
      );
    }
    return this.toStoredObject(key, record);
  }

  async exists(key: string): Promise<boolean> {
    assertValidKey(key);
    try {
      await Promise.all([
        this.s3('stat', key, () => this.client.statObject(this.bucket, recordKeyFor(key))),
        this.s3('stat', key, () => this.client.statObject(this.bucket, key)),
      ]);
      return true;
    } catch (error) {
      if (error instanceof StorageNotFoundError) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    // Record first: the object stops being visible before its bytes go. S3 deletes are idempotent.
    await this.s3('delete', key, () => this.client.removeObject(this.bucket, recordKeyFor(key)));
    await this.s3('delete', key, () => this.client.removeObject(this.bucket, key));
  }

  async *list(prefix = ''): AsyncGenerator<string> {
    assertValidPrefix(prefix);
    let token = '';
    do {
      const continuation = token;
      const page = await this.s3('list', undefined, () =>
        this.client.listObjectsV2Query(
          this.bucket,
          RECORD_PREFIX + prefix,
          continuation,
          '',
          this.listPageSize,
          '',
        ),
      );
      for (const item of page.objects) {
        const key = item.name === undefined ? undefined : keyFromRecordKey(item.name);
        if (key !== undefined) yield key;
      }
      if (page.isTruncated && page.nextContinuationToken === '') {
        // Looping would restart from the top forever; stopping would silently drop keys.
        throw new StorageUnavailableError(
          'list',
          new Error('truncated listing without a continuation token'),
        );
      }
      token = page.isTruncated ? page.nextContinuationToken : '';
    } while (token !== '');
  }

  async presignGet(key: string, expirySeconds: number): Promise<string> {
    assertValidKey(key);
    assertPresignExpiry(expirySeconds);
    // Only committed objects get a URL; the URL itself reads the raw bytes, unverified.
    await this.readRecord(key);
    return this.s3('presign', key, () => this.presigner.presignedGetObject(this.bucket, key, expirySeconds));
  }

  async presignPut(key: string, expirySeconds: number): Promise<string> {
    assertValidKey(key);
    assertPresignExpiry(expirySeconds);
    return this.s3('presign', key, () => this.presigner.presignedPutObject(this.bucket, key, expirySeconds));
  }

  async seal(key: string, options?: SealOptions): Promise<StoredObject> {
    assertValidKey(key);
    assertSha256Hex(options?.expectedSha256, 'expectedSha256');
    const info = await this.s3('stat', key, () => this.client.statObject(this.bucket, key));
    const uploadedType: unknown = info.metaData['content-type'];
    const { contentType, metadata } = normalizePutOptions({
      contentType:
        options?.contentType ?? (typeof uploadedType === 'string' ? uploadedType : DEFAULT_CONTENT_TYPE),
      metadata: options?.metadata ?? {},
    });
    const stream = await this.s3('seal', key, () => this.client.getObject(this.bucket, key));
    const actual = await this.s3('seal', key, () => digestOf(stream));
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
    await this.s3('ensureReady', undefined, async () => {
      if (await this.client.bucketExists(this.bucket)) return;
      try {
        await this.client.makeBucket(this.bucket, this.client.region);
      } catch (error) {
        // Another replica may have created it between our check and our create.
        if (!(await this.client.bucketExists(this.bucket))) throw error;
      }
    });
  }

  async ping(): Promise<void> {
    const exists = await this.s3('ping', undefined, () => this.client.bucketExists(this.bucket));
    if (!exists) {
      throw new StorageUnavailableError('ping', new Error(`bucket ${this.bucket} does not exist`));
    }
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

  private async upload(
    key: string,
    chunks: AsyncIterable<Buffer>,
    headers: Record<string, string>,
  ): Promise<void> {
    const parts = splitParts(chunks, this.partSize);
    const first = await parts.next();
    // A short first part means the whole body fit: one PUT is cheaper, and S3 refuses a zero-part upload.
    if (first.done === true || first.value.length < this.partSize) {
      const bytes = first.done === true ? Buffer.alloc(0) : first.value;
      await this.s3('put', key, () => this.client.putObject(this.bucket, key, bytes, bytes.length, headers));
      return;
    }
    const uploadId = await this.s3('put', key, () =>
      this.client.initiateNewMultipartUpload(this.bucket, key, headers),
    );
    try {
      const etags: { part: number; etag: string }[] = [];
      let next: IteratorResult<Buffer> = first;
      while (next.done !== true) {
        const partNumber = etags.length + 1;
        const bytes = next.value;
        const { etag } = await this.s3('put', key, () =>
          this.client.uploadPart(
            {
              bucketName: this.bucket,
              objectName: key,
              uploadID: uploadId,
              partNumber,
              // Lets the server reject a part damaged in transit (over HTTPS the payload is unsigned).
              headers: { 'Content-MD5': createHash('md5').update(bytes).digest('base64') },
            },
            bytes,
          ),
        );
        etags.push({ part: partNumber, etag });
        next = await parts.next();
      }
      await this.s3('put', key, () => this.client.completeMultipartUpload(this.bucket, key, uploadId, etags));
    } catch (error) {
      // Parts of an unfinished upload are kept (and billed) until aborted; release the body stream too.
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      await parts.return(undefined).catch(() => undefined);
      throw error;
    }
  }

  private async writeRecord(key: string, record: ObjectRecord): Promise<void> {
    const bytes = encodeObjectRecord(record);
    await this.s3('put', key, () =>
      this.client.putObject(this.bucket, recordKeyFor(key), bytes, bytes.length, {
        'Content-Type': 'application/json',
      }),
    );
  }

  private async readRecord(key: string): Promise<ObjectRecord> {
    const stream = await this.s3('get', key, () => this.client.getObject(this.bucket, recordKeyFor(key)));
    const bytes = await this.s3('get', key, () => readAll(stream, MAX_RECORD_BYTES));
    if (bytes === undefined) throw new StorageIntegrityError(key, 'checksum record is implausibly large');
    return decodeObjectRecord(key, bytes);
  }

  /** Runs one client call, turning its errors into the store's typed errors. */
  private async s3<T>(operation: string, key: string | undefined, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      const code = errorCode(error);
      if (key !== undefined && code !== undefined && NOT_FOUND_CODES.has(code)) {
        throw new StorageNotFoundError(key, { cause: error });
      }
      throw new StorageUnavailableError(operation, error);
    }
  }
}

function createClient(name: string, endpoint: string, options: S3ObjectStoreOptions): Client {
  const parsed = parseS3Endpoint(endpoint);
  if (typeof parsed === 'string') throw new StorageConfigError([`${name} ${parsed}`]);
  return new Client({
    ...parsed,
    accessKey: options.accessKey,
    secretKey: options.secretKey,
    // A fixed region keeps the client from asking the server for the bucket's location before
    // every first request (and lets the public-endpoint client sign URLs without reaching it).
    region: options.region,
    // Path-style addressing: S3Proxy and most self-hosted servers have no per-bucket DNS names.
    pathStyle: true,
  });
}

/** Headers set on the object itself, so presigned downloads and other tools see them too. */
function objectHeaders(contentType: string, metadata: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentType };
  for (const [name, value] of Object.entries(metadata)) headers[`X-Amz-Meta-${name}`] = value;
  return headers;
}
