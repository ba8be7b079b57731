// Interns words given as slices of strings, so a tokenizer can hand over (line, start, end) without
// building a substring per token. Equality is by content (UTF-16 units); the hash only picks the slot.

const imul = Math.imul;

export class WordTable {
  private slotStamp = new Int32Array(256);
  private slotWord = new Int32Array(256);
  /** Slots are picked by the top bits of a multiplicative hash. */
  private shift = 32 - 8;
  private generation = 1;
  // Per word index (0..count-1): where its first occurrence lives, and its hash.
  private wordSource: string[] = [];
  private wordStart = new Int32Array(128);
  private wordLength = new Int32Array(128);
  private wordHash = new Int32Array(128);
  private wordValue = new Int32Array(128);
  private count = 0;

  /** Forgets every word (O(1) amortised). */
  clear(): void {
    if (this.generation === 0x7fffffff) {
      this.slotStamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
    this.count = 0;
  }

  /** The value stored for `source[start, end)`, or `fresh` after storing it as a new word's value. */
  intern(source: string, start: number, end: number, fresh: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = imul(hash ^ source.charCodeAt(i), 0x01000193);
    const length = end - start;
    const mask = this.slotStamp.length - 1;
    let slot = imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      if (this.slotStamp[slot] !== this.generation) break;
      const word = this.slotWord[slot] as number;
      if (this.wordHash[word] === hash && this.wordLength[word] === length) {
        const other = this.wordSource[word] as string;
        const otherStart = this.wordStart[word] as number;
        let i = 0;
        while (i < length && other.charCodeAt(otherStart + i) === source.charCodeAt(start + i)) i++;
        if (i === length) return this.wordValue[word] as number;
      }
      slot = (slot + 1) & mask;
    }
    const word = this.count++;
    if (word >= this.wordStart.length) this.growWords();
    this.wordSource[word] = source;
    this.wordStart[word] = start;
    this.wordLength[word] = length;
    this.wordHash[word] = hash;
    this.wordValue[word] = fresh;
    this.slotStamp[slot] = this.generation;
    this.slotWord[slot] = word;
    if (2 * this.count > this.slotStamp.length) this.rehash();
    return fresh;
  }

  private growWords(): void {
    const size = 2 * this.wordStart.length;
    const grow = (old: Int32Array): Int32Array<ArrayBuffer> => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    this.wordStart = grow(this.wordStart);
    this.wordLength = grow(this.wordLength);
    this.wordHash = grow(this.wordHash);
    this.wordValue = grow(this.wordValue);
  }

  private rehash(): void {
    const size = 2 * this.slotStamp.length;
    this.slotStamp = new Int32Array(size);
    this.slotWord = new Int32Array(size);
    this.shift--;
    this.generation = 1;
    const mask = size - 1;
    for (let word = 0; word < this.count; word++) {
      let slot = imul(this.wordHash[word] as number, 0x9e3779b1) >>> this.shift;
      while (this.slotStamp[slot] === this.generation) slot = (slot + 1) & mask;
      this.slotStamp[slot] = this.generation;
      this.slotWord[slot] = word;
    }
  }
}
