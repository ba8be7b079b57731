import { isPythonWhitespace } from '../bleu/python-text';
import { WordTable } from './word-table';

/**
 * Dense per-segment ids for code points and words, written into one growable symbol buffer for
 * `NgramMatcher`. `reset()` starts a new segment: ids only need to be consistent within one.
 */
export class SymbolInterner {
  /** The symbols of the current segment, back to back; read up to `length`. */
  symbols = new Int32Array(1024);
  length = 0;
  /** Distinct symbols seen since `reset()`; ids are 0..alphabet-1. */
  alphabet = 0;
  // BMP code units by direct lookup (live when the stamp is the current generation); the rest in a Map.
  // Allocated on first use: word-only interners never need them.
  private unitId = new Int32Array(0);
  private unitStamp = new Int32Array(0);
  private generation = 1;
  private readonly astral = new Map<number, number>();
  private readonly words = new WordTable();

  reset(): void {
    if (this.generation === 0x7fffffff) {
      this.unitStamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.astral.clear();
    this.words.clear();
    this.length = 0;
    this.alphabet = 0;
  }

  /** Makes room for `count` more symbols. */
  reserve(count: number): void {
    if (this.length + count <= this.symbols.length) return;
    let size = this.symbols.length;
    while (size < this.length + count) size *= 2;
    const grown = new Int32Array(size);
    grown.set(this.symbols.subarray(0, this.length));
    this.symbols = grown;
  }

  /**
   * Appends the code points of `text` (Python iterates code points, so an astral character is one
   * symbol), leaving out Python whitespace unless `whitespace` is set. Returns the appended count.
   */
  appendCodePoints(text: string, whitespace: boolean): number {
    this.reserve(text.length);
    if (this.unitId.length === 0) {
      this.unitId = new Int32Array(0x10000);
      this.unitStamp = new Int32Array(0x10000);
    }
    const { symbols, unitId, unitStamp, generation } = this;
    const start = this.length;
    let at = start;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (!whitespace && isPythonWhitespace(code)) continue;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
          symbols[at++] = this.astralId(code);
          continue;
        }
      }
      if (unitStamp[code] !== generation) {
        unitStamp[code] = generation;
        unitId[code] = this.alphabet++;
      }
      symbols[at++] = unitId[code] as number;
    }
    this.length = at;
    return at - start;
  }

  /** Appends one word symbol (words compare as whole strings). */
  appendWord(word: string): void {
    this.appendSlice(word, 0, word.length);
  }

  /** Appends the word `source[start, end)`. */
  appendSlice(source: string, start: number, end: number): void {
    this.reserve(1);
    const id = this.words.intern(source, start, end, this.alphabet);
    if (id === this.alphabet) this.alphabet++;
    this.symbols[this.length++] = id;
  }

  private astralId(code: number): number {
    let id = this.astral.get(code);
    if (id === undefined) {
      id = this.alphabet++;
      this.astral.set(code, id);
    }
    return id;
  }
}
