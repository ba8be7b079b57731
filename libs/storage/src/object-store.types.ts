import type { Readable } from 'node:stream';

/** What `put` accepts. Streams are consumed once, never buffered whole. */
export type ObjectBody = Readable | Buffer | string;

/** A committed object: the bytes plus the checksum recorded when they were written. */
export interface StoredObject {
  /** Key inside the store, e.g. `datasets/ds_1/v_2/manifest.json`. */
  key: string;
  /** Where it lives: `s3://<bucket>/<key>` or `file:///<abs path>`; what events carry. */
  uri: string;
  /** Lower-case hex sha256 of the content, computed while the bytes streamed in. */
  sha256: string;
  /** Content length in bytes. */
  size: number;
  /** MIME type given at write time (`application/octet-stream` when none was). */
  contentType: string;
  /** User metadata given at write time (lower-case keys). */
  metadata: Readonly<Record<string, string>>;
}

export interface PutOptions {
  /** MIME type; defaults to `application/octet-stream`. */
  contentType?: string;
  /** Small string metadata: keys `[a-z0-9-]`, printable ASCII values (they travel as S3 headers). */
  metadata?: Record<string, string>;
}

export interface GetOptions {
  /**
   * Check sha256 and size against the record while streaming (default true). The stream then errors
   * with `StorageIntegrityError` instead of ending when they differ, so a consumer that waits for the
   * end (pipeline, getBuffer) never commits corrupt data.
   */
  verify?: boolean;
}

export interface SealOptions extends PutOptions {
  /** When given, sealing fails with `StorageIntegrityError` (and records nothing) unless it matches. */
  expectedSha256?: string;
}
