/** A source of bytes: an async iterable of Buffers (or strings) or a Node readable stream. */
export type ByteSource = AsyncIterable<Buffer | Uint8Array | string> | NodeJS.ReadableStream;

/** The source as Buffers; strings are taken as UTF-8. */
export async function* toByteChunks(source: ByteSource): AsyncGenerator<Buffer> {
  for await (const chunk of source as AsyncIterable<Buffer | Uint8Array | string>) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (Buffer.isBuffer(chunk)) yield chunk;
    else yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** The first bytes of a source, and the whole source again (head included) for reading on. */
export interface PeekedChunks {
  head: Buffer;
  chunks: AsyncGenerator<Buffer>;
}

/** Read until at least `bytes` bytes (or the end) are seen, without losing them for the real read. */
export async function peekChunks(source: AsyncIterable<Buffer>, bytes: number): Promise<PeekedChunks> {
  const iterator = source[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let total = 0;
  let done = false;
  while (total < bytes) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    seen.push(next.value);
    total += next.value.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* seen.splice(0);
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      // Stopping early (an error, a consumer that breaks) must release the underlying stream.
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, bytes), chunks: replay() };
}
