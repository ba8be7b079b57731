import * as zlib from 'node:zlib';

import type { Compressors, FileMetaData } from 'hyparquet' with { 'resolution-mode': 'import' };

import { mapRow } from './map-row';
import { rejectAt, type ReadContext, type ReadResult } from './read-context';
import { ReadRecordsError } from './read-records-error';
import { recordText } from './record-text';
import { spoolToTempFile } from './spool-to-temp-file';

type ZstdZlib = typeof zlib & { zstdDecompressSync?: (input: Uint8Array) => Buffer };

/**
 * Decompressors hyparquet lacks built in (it has only SNAPPY), taken from Node's zlib. ZSTD is used when
 * this Node has it (22.15+); LZ4 files fail with `corrupt-parquet` naming the codec.
 */
function nodeCompressors(): Compressors {
  const compressors: Compressors = {
    GZIP: (input) => zlib.unzipSync(input),
    BROTLI: (input) => zlib.brotliDecompressSync(input),
  };
  const { zstdDecompressSync } = zlib as ZstdZlib;
  if (zstdDecompressSync !== undefined) compressors.ZSTD = (input) => zstdDecompressSync(input);
  return compressors;
}

function corrupt(detail: string, error: unknown): ReadRecordsError {
  return new ReadRecordsError('corrupt-parquet', `${detail}: ${(error as Error).message}`, { cause: error });
}

/**
 * Read Parquet one row group at a time. hyparquet needs random access (the schema and row-group index sit
 * in the footer), so the stream is first spooled to a temp file that is deleted when reading ends, however
 * it ends. Memory is bounded by the largest row group, not the file.
 */
export async function* readParquet(
  chunks: AsyncIterable<Buffer>,
  context: ReadContext,
): AsyncGenerator<ReadResult> {
  // hyparquet is ESM-only; a dynamic import loads it from this CommonJS build.
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } = await import('hyparquet');
  const spooled = await spoolToTempFile(chunks, context.limits.maxDecompressedBytes, 'input.parquet');
  try {
    const file = await asyncBufferFromFile(spooled.path);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (error) {
      throw corrupt('not a readable Parquet file', error);
    }
    const compressors = nodeCompressors();
    const max = context.limits.maxRecordBytes;
    let rowStart = 0;
    for (const [index, group] of metadata.row_groups.entries()) {
      const rowEnd = rowStart + Number(group.num_rows);
      let rows: Record<string, unknown>[];
      try {
        rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors });
      } catch (error) {
        throw corrupt(`row group ${index} cannot be read`, error);
      }
      for (const [offset, row] of rows.entries()) {
        const line = rowStart + offset + 1;
        const result = mapRow(row, context.mapping, { file: context.file, line, unit: 'row' });
        if ('record' in result && Buffer.byteLength(recordText(result.record)) > max) {
          yield rejectAt(
            context,
            'record-too-large',
            `record text is over the ${max}-byte limit`,
            line,
            undefined,
            'row',
          );
        } else {
          yield result;
        }
      }
      rowStart = rowEnd;
    }
  } finally {
    await spooled.remove();
  }
}
