/** The body went past the byte limit; the stream carrying it errors with this. */
export class ByteLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
    this.name = 'ByteLimitExceededError';
  }
}

/**
 * Passes a byte stream through, counting as it goes, and throws `ByteLimitExceededError` as soon as the
 * count passes `maxBytes` — before the offending chunk reaches the consumer, so nothing past the limit is
 * ever written. `onChunk` runs for every chunk (the download's idle deadline restarts there).
 */
export async function* limitBytes(
  source: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
  onChunk: () => void = () => undefined,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > maxBytes) throw new ByteLimitExceededError(maxBytes);
    onChunk();
    yield bytes;
  }
}
