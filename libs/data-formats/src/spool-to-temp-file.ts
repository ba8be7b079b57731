import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ReadRecordsError } from './read-records-error';

/** A temporary copy of a stream on local disk; `remove` deletes it (and its folder). */
export interface SpooledFile {
  path: string;
  bytes: number;
  remove(): Promise<void>;
}

/**
 * Write a stream to a fresh temporary folder, for formats that need random access (Parquet keeps its
 * index in a footer at the end). Stops with `input-too-large` past `maxBytes` and leaves nothing behind.
 */
export async function spoolToTempFile(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  name = 'input',
): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'llmops-spool-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, name);
  let bytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        throw new ReadRecordsError('input-too-large', `input is larger than ${maxBytes} bytes`);
      yield chunk;
    }
  }
  try {
    await pipeline(Readable.from(counted()), createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, bytes, remove };
}
