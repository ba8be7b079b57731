import { createHash } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { StorageIntegrityError, type ContentDigest } from '../errors/storage-integrity.error';
import { toBuffer } from './body-chunks';

/**
 * Passes `source` through unchanged while hashing it. Instead of 'end', the result emits a
 * `StorageIntegrityError` when the bytes differ from `expected` — as early as possible for a length
 * overrun, otherwise after the last byte (the digest is only known then). Destroying the result
 * destroys `source`, so an abandoned download releases its socket or file descriptor.
 */
export function verifyingStream(key: string, source: Readable, expected: ContentDigest): Readable {
  const hash = createHash('sha256');
  let bytes = 0;
  const verifier = new Transform({
    transform(chunk: unknown, _encoding, callback) {
      const buffer = toBuffer(chunk);
      bytes += buffer.length;
      if (bytes > expected.size) {
        callback(
          new StorageIntegrityError(key, `read more than the recorded ${expected.size} bytes`, expected, {
            size: bytes,
          }),
        );
        return;
      }
      hash.update(buffer);
      callback(null, buffer);
    },
    flush(callback) {
      const actual = { sha256: hash.digest('hex'), size: bytes };
      if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) {
        callback(StorageIntegrityError.mismatch(key, expected, actual));
        return;
      }
      callback();
    },
  });
  // pipeline forwards a source failure to the verifier (and so to the reader) and tears both down;
  // the reader sees every error on the returned stream, so the callback has nothing left to do.
  return pipeline(source, verifier, () => undefined);
}
