import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { GZIP_RATIO_GRACE_BYTES, type ReadLimits } from './read-limits';
import { ReadRecordsError } from './read-records-error';

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

/**
 * Decompress gzip as it streams. A gzip bomb is caught while it inflates: the ratio of bytes out to bytes
 * in is checked on every output chunk, so reading stops a few MiB in rather than after filling memory or
 * disk. Concatenated gzip members (as `cat a.gz b.gz` makes) are read as one stream.
 */
export async function* gunzipChunks(
  source: AsyncIterable<Buffer>,
  limits: Pick<ReadLimits, 'maxGzipRatio' | 'maxDecompressedBytes'>,
): AsyncGenerator<Buffer> {
  let compressed = 0;
  let decompressed = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      compressed += chunk.length;
      yield chunk;
    }
  }
  // Object-mode readers buffer 16 chunks by default; one keeps the compressed count close to what was inflated.
  const input = Readable.from(counted(), { highWaterMark: 1 });
  const gunzip = pipeline(input, createGunzip(), () => undefined);
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      decompressed += chunk.length;
      if (decompressed > limits.maxDecompressedBytes) {
        throw new ReadRecordsError(
          'input-too-large',
          `input is larger than ${limits.maxDecompressedBytes} bytes after decompression`,
        );
      }
      const ratio = decompressed / Math.max(compressed, 1);
      if (decompressed > GZIP_RATIO_GRACE_BYTES && ratio > limits.maxGzipRatio) {
        throw new ReadRecordsError(
          'gzip-ratio-exceeded',
          `gzip input inflates more than ${limits.maxGzipRatio}x (${decompressed} bytes from ${compressed}); refusing a possible gzip bomb`,
        );
      }
      yield chunk;
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new ReadRecordsError('corrupt-gzip', `gzip input is corrupt: ${(error as Error).message}`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    gunzip.destroy();
    input.destroy();
  }
}
