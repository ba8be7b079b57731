import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

import type { DataRecord } from './data-record';
import type { Split } from './split-of';

/** One written shard, as listed in a dataset version's manifest. */
export interface ShardDescriptor {
  /** Local path of the shard: `<sha256>.jsonl.gz` in the writer's folder. */
  path: string;
  /** Hex sha256 of the gzip bytes (the shard's name and its integrity check). */
  sha256: string;
  /** Size of the gzip file in bytes. */
  bytes: number;
  /** Records (lines) in the shard. */
  records: number;
  split: Split;
}

/** Lines are handed to gzip in batches about this big: one zlib write per line would dominate the cost. */
const BATCH_CHARS = 64 * 1024;

/** The line written for a record: the DataRecord's four fields in a fixed order. */
export function serializeRecord(record: DataRecord): string {
  const { id, content, metadata, provenance } = record;
  return JSON.stringify({ id, content, metadata, provenance });
}

/** One shard being written: gzip → sha256 and size → a partial file, renamed to its hash when closed. */
export class ShardFile {
  records = 0;
  /** Gzip bytes written so far. */
  bytes = 0;
  private readonly gzip;
  private readonly hash = createHash('sha256');
  private readonly done: Promise<void>;
  private batch: string[] = [];
  private batchChars = 0;

  constructor(
    private readonly partialPath: string,
    gzipLevel: number,
  ) {
    this.gzip = createGzip({ level: gzipLevel });
    const measure = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        callback(null, chunk);
      },
    });
    this.done = pipeline(this.gzip, measure, createWriteStream(partialPath));
    // A write failure surfaces at the next await on `done`, not as an unhandled rejection.
    this.done.catch(() => undefined);
  }

  async write(record: DataRecord): Promise<void> {
    const line = serializeRecord(record) + '\n';
    this.batch.push(line);
    this.batchChars += line.length;
    this.records++;
    if (this.batchChars >= BATCH_CHARS) await this.flush();
  }

  /** Finish the gzip stream and move the file to `<dir>/<sha256>.jsonl.gz`. */
  async close(dir: string): Promise<Omit<ShardDescriptor, 'split'>> {
    await this.flush();
    this.gzip.end();
    await this.done;
    const sha256 = this.hash.digest('hex');
    const path = join(dir, `${sha256}.jsonl.gz`);
    await rename(this.partialPath, path);
    return { path, sha256, bytes: this.bytes, records: this.records };
  }

  async discard(): Promise<void> {
    this.gzip.destroy();
    await this.done.catch(() => undefined);
    await rm(this.partialPath, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = this.batch.join('');
    this.batch = [];
    this.batchChars = 0;
    if (!this.gzip.write(text)) {
      await Promise.race([new Promise((resolve) => this.gzip.once('drain', resolve)), this.done]);
    }
  }
}
