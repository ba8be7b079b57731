import { isSpaceCode } from '@llmops/data-formats';
import { letterTable } from './letter-table';
import { mix32, PairCountTable } from './pair-count-table';
import type { StopWordMatcher } from './stop-word-matcher';

// A module-level binding: under a vm context (jest) every `Math.` lookup in a hot loop goes through the
// global proxy and runs dozens of times slower.
const { imul } = Math;

// Characters that start a bulleted line (Gopher counts lines "starting with a bullet point").
const BULLETS = new Set([
  0x2d, 0x2a, 0xb7, 0x2013, 0x2022, 0x2023, 0x2043, 0x25a0, 0x25a1, 0x25aa, 0x25ab, 0x25b6, 0x25ba, 0x25cb,
  0x25cf, 0x25e6, 0x27a2,
]);
const DOT = 0x2e;
const HASH = 0x23;
const ELLIPSIS = 0x2026;
const NEWLINE = 0x0a;
const FNV_PRIME = 0x01000193;
const FNV_OFFSET = 0x811c9dc5 | 0;
const EDGE_PUNCTUATION = /^[^\p{L}]+|[^\p{L}]+$/gu;

/** Words of the last scanned text as parallel arrays: two 32-bit hashes and a length per word. */
export interface ScannedWords {
  count: number;
  hashA: Int32Array;
  hashB: Int32Array;
  length: Int32Array;
  /** Sum of `length`: the denominator of the n-gram character fractions. */
  chars: number;
}

/**
 * One pass over a text that yields everything the quality heuristics need: word hashes for n-gram
 * repetition, word/line/symbol counts and duplicate lines. Printable ASCII takes a short path; buffers are
 * reused between texts, so scanning allocates only when a text has more words than any before it.
 */
export class TextScanner implements ScannedWords {
  count = 0;
  chars = 0;
  hashA = new Int32Array(1024);
  hashB = new Int32Array(1024);
  length = new Int32Array(1024);
  /** Words containing at least one letter. */
  alphaWords = 0;
  stopWords = 0;
  /** `#` characters. */
  hashes = 0;
  /** `...` runs (every three dots) and `…` characters. */
  ellipses = 0;
  /** Non-blank lines. */
  lines = 0;
  bulletLines = 0;
  ellipsisLines = 0;
  /** Non-blank lines that repeat an earlier line (the first occurrence is not counted). */
  duplicateLines = 0;
  duplicateLineChars = 0;
  private readonly lineTable = new PairCountTable();

  scan(text: string, stop: StopWordMatcher | undefined): void {
    this.count = 0;
    this.chars = 0;
    this.alphaWords = 0;
    this.stopWords = 0;
    this.hashes = 0;
    this.ellipses = 0;
    this.lines = 0;
    this.bulletLines = 0;
    this.ellipsisLines = 0;
    this.duplicateLines = 0;
    this.duplicateLineChars = 0;
    this.lineTable.reset(64);
    const letters = letterTable();
    const maxPacked = stop === undefined ? 0 : stop.packedMaxLength;
    const slowStops = stop !== undefined && stop.others.size > 0;

    let inWord = false;
    let wordStart = 0;
    let h1 = 0;
    let hasLetter = false;
    // Packed lower-case letters of the word for stop-word lookup; state: 0 before letters, 1 in letters,
    // 2 after trailing punctuation, -1 not a stop word (letters after punctuation, non-ASCII, too long).
    let pack = 0;
    let packLength = 0;
    let packState = 0;
    // A line is identified by its words in order (hashed from the word hashes), so spacing inside or
    // around it does not matter and characters are hashed once.
    let lineFirst = -1;
    let lineLast = -1;
    let lineKey = 0;
    let dots = 0;

    const n = text.length;
    for (let i = 0; i <= n; i++) {
      // A virtual newline after the text ends the last word and line.
      const code = i < n ? text.charCodeAt(i) : NEWLINE;
      if (code !== DOT && dots > 0) {
        if (dots >= 3) this.ellipses += (dots - (dots % 3)) / 3;
        dots = 0;
      }

      if (code > 32 && code < 0x7f) {
        // Printable ASCII: the common case, kept short.
        if (!inWord) {
          inWord = true;
          wordStart = i;
          h1 = FNV_OFFSET;
          hasLetter = false;
          pack = 0;
          packLength = 0;
          packState = 0;
        }
        h1 = imul(h1 ^ code, FNV_PRIME);
        if (lineFirst < 0) {
          lineFirst = i;
          lineKey = FNV_OFFSET;
        }
        const lower = code | 0x20;
        if (lower >= 97 && lower <= 122) {
          hasLetter = true;
          if (packState >= 0 && packState < 2 && packLength < maxPacked) {
            pack = pack * 27 + (lower - 96);
            packLength++;
            packState = 1;
          } else {
            packState = -1;
          }
        } else {
          if (packState === 1) packState = 2;
          if (code === DOT) dots++;
          else if (code === HASH) this.hashes++;
        }
        continue;
      }

      if (!isSpaceCode(code)) {
        // Non-ASCII (or a control character): part of a word.
        if (!inWord) {
          inWord = true;
          wordStart = i;
          h1 = FNV_OFFSET;
          hasLetter = false;
          pack = 0;
          packLength = 0;
          packState = 0;
        }
        h1 = imul(h1 ^ code, FNV_PRIME);
        if (lineFirst < 0) {
          lineFirst = i;
          lineKey = FNV_OFFSET;
        }
        if (letters[code] === 1) {
          hasLetter = true;
          packState = -1;
        } else if (packState === 1) {
          packState = 2;
        }
        if (code === ELLIPSIS) this.ellipses++;
        continue;
      }

      // Whitespace: ends a word; a newline also ends a line.
      if (inWord) {
        inWord = false;
        const length = i - wordStart;
        // One 32-bit hash per word: a collision among a document's few thousand distinct words is rare
        // enough (~1e-4) not to move any fraction; the second key half only spreads table slots.
        const word = mix32(h1);
        this.pushWord(word, mix32(h1 ^ imul(length, 0x9e3779b1)), length);
        lineKey = imul(lineKey ^ word, FNV_PRIME);
        lineLast = i - 1;
        if (hasLetter) this.alphaWords++;
        if (stop !== undefined) {
          if (packState > 0 && stop.packed.has(pack)) {
            this.stopWords++;
          } else if (slowStops && packState < 0 && length <= stop.othersMaxLength + 4) {
            const word = text.slice(wordStart, i).replace(EDGE_PUNCTUATION, '').toLowerCase();
            if (stop.others.has(word)) this.stopWords++;
          }
        }
      }
      if (code === NEWLINE) {
        if (lineFirst >= 0) this.endLine(text, lineFirst, lineLast, lineKey);
        lineFirst = -1;
      }
    }
  }

  private pushWord(a: number, b: number, length: number): void {
    if (this.count === this.hashA.length) {
      const grown = this.count * 2;
      this.hashA = grownCopy(this.hashA, grown);
      this.hashB = grownCopy(this.hashB, grown);
      this.length = grownCopy(this.length, grown);
    }
    this.hashA[this.count] = a;
    this.hashB[this.count] = b;
    this.length[this.count] = length;
    this.count++;
    this.chars += length;
  }

  /** Line statistics for the non-blank line spanning `first..last` (its first and last non-space characters). */
  private endLine(text: string, first: number, last: number, key: number): void {
    this.lines++;
    if (BULLETS.has(text.charCodeAt(first))) this.bulletLines++;
    const end = text.charCodeAt(last);
    if (
      end === ELLIPSIS ||
      (end === DOT &&
        last - first >= 2 &&
        text.charCodeAt(last - 1) === DOT &&
        text.charCodeAt(last - 2) === DOT)
    ) {
      this.ellipsisLines++;
    }
    const length = last - first + 1;
    const slot = this.lineTable.add(mix32(key), mix32(key ^ imul(length, 0x9e3779b1)), this.lines);
    if (this.lineTable.count(slot) > 1) {
      this.duplicateLines++;
      this.duplicateLineChars += length;
    }
  }
}

function grownCopy(source: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const target = new Int32Array(size);
  target.set(source);
  return target;
}
