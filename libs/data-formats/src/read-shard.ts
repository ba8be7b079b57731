import { peekChunks, toByteChunks, type ByteSource } from './byte-chunks';
import type { DataRecord } from './data-record';
import { gunzipChunks, isGzip } from './gunzip-chunks';
import { LineSplitter } from './line-splitter';
import { ReadRecordsError } from './read-records-error';

/** Shards are written by `ShardWriter`, so a line is at most one record; this only guards against junk. */
const MAX_SHARD_LINE_BYTES = 256 * 1024 * 1024;

function corrupt(line: number, detail: string): ReadRecordsError {
  return new ReadRecordsError('corrupt-shard', `shard line ${line}: ${detail}`);
}

function toRecord(text: string, line: number): DataRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw corrupt(line, (error as Error).message);
  }
  const record = value as Partial<DataRecord> | null;
  // A structural check, not full validation: shards were validated when written, this catches foreign files.
  if (
    record === null ||
    typeof record !== 'object' ||
    typeof record.id !== 'string' ||
    typeof record.content?.kind !== 'string' ||
    typeof record.metadata !== 'object' ||
    typeof record.provenance?.producer !== 'string'
  ) {
    throw corrupt(line, 'not a DataRecord (id, content, metadata, provenance)');
  }
  return record as DataRecord;
}

/**
 * Read a shard (gzip JSONL, as `ShardWriter` writes it; plain JSONL works too) back into records, streaming.
 * Unlike `readRecords` nothing is rejected: a bad line means the shard is not ours or is damaged, and that
 * throws `corrupt-shard` (or `corrupt-gzip`).
 */
export async function* readShard(input: ByteSource): AsyncGenerator<DataRecord> {
  const raw = await peekChunks(toByteChunks(input), 2);
  const chunks = isGzip(raw.head)
    ? gunzipChunks(raw.chunks, {
        maxGzipRatio: Number.POSITIVE_INFINITY,
        maxDecompressedBytes: Number.POSITIVE_INFINITY,
      })
    : raw.chunks;
  const splitter = new LineSplitter(MAX_SHARD_LINE_BYTES);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  function* take(events: ReturnType<LineSplitter['push']>): Generator<DataRecord> {
    for (const event of events) {
      if (event.kind === 'too-long') throw corrupt(event.line, `line of ${event.bytes} bytes`);
      if (event.bytes.length === 0) continue;
      let text: string;
      try {
        text = decoder.decode(event.bytes);
      } catch {
        throw corrupt(event.line, 'not valid UTF-8');
      }
      yield toRecord(text, event.line);
    }
  }
  for await (const chunk of chunks) yield* take(splitter.push(chunk));
  yield* take(splitter.end());
}
