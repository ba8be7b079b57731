import { isWordCodePoint } from './is-word-code-point';

/**
 * The tokens of one document as UTF-8 bytes in one reusable buffer, separated by a single space, so that
 * any run of consecutive tokens — a shingle — is one contiguous byte range that can be hashed in place,
 * with no string built per shingle. Same tokens as `tokenize()`.
 */
export class TokenBuffer {
  /** UTF-8 bytes of the tokens, each followed by one space (0x20). */
  bytes = new Uint8Array(4096);
  /** Byte offset where token i starts. */
  starts = new Int32Array(256);
  /** Byte offset just past token i (its trailing space not included). */
  ends = new Int32Array(256);
  /** Number of tokens loaded. */
  count = 0;

  /** Tokenizes `text` (lower-cased as Python's `str.lower()` does) into this buffer. */
  load(text: string): this {
    const lower = text.toLowerCase();
    const length = lower.length;
    // UTF-8 is at most 3 bytes per UTF-16 code unit (4 per surrogate pair), plus one separator per
    // token; a token needs one code unit and a separator another, so ≤ length / 2 + 1 tokens.
    if (this.bytes.length < length * 3 + 1) this.bytes = new Uint8Array(length * 4 + 64);
    const maxTokens = (length >>> 1) + 1;
    if (this.starts.length < maxTokens) {
      this.starts = new Int32Array(maxTokens * 2);
      this.ends = new Int32Array(maxTokens * 2);
    }
    const { bytes, starts, ends } = this;
    let n = 0;
    let pos = 0;
    let inWord = false;
    for (let i = 0; i < length; i++) {
      let cp = lower.charCodeAt(i);
      // ASCII fast path: one table lookup, one byte.
      if (cp < 0x80) {
        if (ASCII_WORD[cp] === 1) {
          if (!inWord) {
            starts[n] = pos;
            inWord = true;
          }
          bytes[pos++] = cp;
        } else if (inWord) {
          ends[n++] = pos;
          bytes[pos++] = 0x20;
          inWord = false;
        }
        continue;
      }
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
        const next = lower.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
          i++;
        }
      }
      if (!isWordCodePoint(cp)) {
        if (inWord) {
          ends[n++] = pos;
          bytes[pos++] = 0x20;
          inWord = false;
        }
        continue;
      }
      if (!inWord) {
        starts[n] = pos;
        inWord = true;
      }
      pos = writeUtf8(bytes, pos, cp);
    }
    if (inWord) ends[n++] = pos;
    this.count = n;
    return this;
  }

  /** Number of shingles for word n-grams of size `ngram` (see tokenize.ts for the short-document rule). */
  shingleCount(ngram: number): number {
    if (this.count === 0) return 0;
    return this.count < ngram ? 1 : this.count - ngram + 1;
  }

  /** Byte range start of shingle i. */
  shingleStart(i: number): number {
    return this.starts[i] ?? 0;
  }

  /** Byte range end of shingle i for `ngram` (clamped to the last token for short documents). */
  shingleEnd(i: number, ngram: number): number {
    const last = Math.min(i + ngram, this.count) - 1;
    return this.ends[last] ?? 0;
  }

  /** Token i as a string (for tests and debugging; the hot path never decodes). */
  token(i: number): string {
    return Buffer.from(
      this.bytes.buffer,
      this.bytes.byteOffset + (this.starts[i] ?? 0),
      (this.ends[i] ?? 0) - (this.starts[i] ?? 0),
    ).toString('utf8');
  }
}

/** 1 where the ASCII code is a Python \w character: [0-9A-Za-z_] (text is lower-cased already). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = isWordCodePoint(c) ? 1 : 0;

/** Writes code point `cp` (≥ 0x80) as UTF-8 at bytes[pos]; returns the position after it. */
function writeUtf8(bytes: Uint8Array, pos: number, cp: number): number {
  if (cp < 0x800) {
    bytes[pos++] = 0xc0 | (cp >>> 6);
    bytes[pos++] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    bytes[pos++] = 0xe0 | (cp >>> 12);
    bytes[pos++] = 0x80 | ((cp >>> 6) & 0x3f);
    bytes[pos++] = 0x80 | (cp & 0x3f);
  } else {
    bytes[pos++] = 0xf0 | (cp >>> 18);
    bytes[pos++] = 0x80 | ((cp >>> 12) & 0x3f);
    bytes[pos++] = 0x80 | ((cp >>> 6) & 0x3f);
    bytes[pos++] = 0x80 | (cp & 0x3f);
  }
  return pos;
}
