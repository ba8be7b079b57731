import { createHash, type Hash } from 'node:crypto';
import type { ObjectBody } from '../object-store.types';

/** Normalizes what a Readable may emit (Buffer, Uint8Array, or string when an encoding is set). */
export function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new TypeError(`object body streams must emit bytes or strings, got ${typeof chunk}`);
}

/** Iterates a body as Buffers without ever holding more than the chunk the source produced. */
export async function* bodyChunks(body: ObjectBody): AsyncGenerator<Buffer> {
  if (typeof body === 'string') {
    yield Buffer.from(body, 'utf8');
    return;
  }
  if (Buffer.isBuffer(body)) {
    yield body;
    return;
  }
  const source: AsyncIterable<unknown> = body;
  for await (const chunk of source) yield toBuffer(chunk);
}

/** Running sha256 and byte count of what passed through `tallied`. */
export interface Tally {
  readonly hash: Hash;
  bytes: number;
}

export function newTally(): Tally {
  return { hash: createHash('sha256'), bytes: 0 };
}

/** Hashes and counts bytes as they stream, so the digest is known the moment the upload ends. */
export async function* tallied(source: AsyncIterable<Buffer>, tally: Tally): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    tally.hash.update(chunk);
    tally.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * Reads a whole (small) stream; undefined once it grows past `maxBytes` (the source is then destroyed),
 * so the caller decides which error that is.
 */
export async function readAll(source: AsyncIterable<unknown>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer = toBuffer(chunk);
    total += buffer.length;
    if (total > maxBytes) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

/** sha256 and length of a whole stream, read once. */
export async function digestOf(source: AsyncIterable<unknown>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    const buffer = toBuffer(chunk);
    hash.update(buffer);
    size += buffer.length;
  }
  return { sha256: hash.digest('hex'), size };
}
