import { PairCountTable } from './pair-count-table';
import type { ScannedWords } from './text-scanner';

// A module-level binding: under a vm context (jest) a `Math.` lookup in a hot loop is dozens of times slower.
const { imul } = Math;
const SEED = 0x2545f491;

/**
 * Gopher's n-gram repetition measures over hashed words (no n-gram strings are built):
 * - top n-gram character fraction: characters of the most frequent n-gram times its count, over all word
 *   characters (0 when no n-gram repeats);
 * - duplicate n-gram character fraction: characters of words covered by repeated occurrences of any n-gram
 *   (every occurrence after the first; each word counted once), over all word characters.
 * Buffers and the hash table are reused between records.
 */
export class NgramRepetition {
  private readonly table = new PairCountTable();
  private slots = new Int32Array(0);
  private candidates = new Uint8Array(0);
  private covered = new Uint8Array(0);
  private readonly bestSlot = new Int32Array(11);
  private readonly bestCount = new Int32Array(11);

  /**
   * Fills `top[n]` for n = 2..maxTop and `duplicate[n]` for n = from..to (0 elsewhere). One pass hashes
   * every n-gram size incrementally (the n-gram at i extends the (n-1)-gram at i by one word) into one
   * table; larger duplicate sizes then only revisit candidate positions (see below).
   */
  measure(
    words: ScannedWords,
    maxTop: number,
    from: number,
    to: number,
    top: Float64Array,
    duplicate: Float64Array,
  ): void {
    top.fill(0);
    duplicate.fill(0);
    const total = words.count;
    if (words.chars === 0 || total < 2) return;
    const hashUpTo = Math.max(maxTop, to >= from ? from : 0);
    this.ensure(total);
    this.bestSlot.fill(-1);
    this.bestCount.fill(1);
    this.table.reset(total * Math.max(hashUpTo - 1, 1));
    const { slots, bestSlot, bestCount } = this;
    const { hashA, hashB } = words;
    for (let i = 0; i + 1 < total; i++) {
      // Multiplied before the next word is mixed in, so word order matters ("a b" is not "b a").
      let a = imul((hashA[i] ?? 0) ^ SEED, 0x01000193);
      let b = imul((hashB[i] ?? 0) + SEED, 0x85ebca6b);
      slots[i] = -1;
      for (let n = 2; n <= hashUpTo && i + n <= total; n++) {
        a = imul(a ^ (hashA[i + n - 1] ?? 0), 0x01000193);
        b = imul(b + (hashB[i + n - 1] ?? 0), 0x85ebca6b);
        b ^= b >>> 15;
        const slot = this.table.add(a ^ imul(n, 0x9e3779b1), b ^ n, i);
        if (n === from) slots[i] = slot;
        if (n > maxTop) continue;
        const count = this.table.count(slot);
        if (count > (bestCount[n] ?? 1)) {
          bestCount[n] = count;
          bestSlot[n] = slot;
        }
      }
    }
    for (let n = 2; n <= maxTop; n++) {
      const slot = bestSlot[n] ?? -1;
      if (slot < 0) continue;
      const first = this.table.first(slot);
      let chars = 0;
      for (let j = first; j < first + n; j++) chars += words.length[j] ?? 0;
      top[n] = ((bestCount[n] ?? 0) * chars) / words.chars;
    }
    if (to >= from && total >= from) this.duplicates(words, from, to, duplicate);
  }

  /**
   * Duplicate n-gram character fractions for n = from..to; `slots` holds the from-grams' table slots. A
   * repeated (n+1)-gram starts where a repeated n-gram starts and is followed by one, so each larger n
   * only hashes the positions the previous n left as candidates; most texts have none left after n = 5.
   */
  private duplicates(words: ScannedWords, from: number, to: number, out: Float64Array): void {
    const total = words.count;
    const { slots, candidates, covered } = this;
    for (let n = from; n <= to; n++) {
      const starts = total - n + 1;
      if (starts <= 1) return;
      if (n > from) {
        let live = 0;
        for (let i = 0; i < starts; i++) if (candidates[i] === 1 && candidates[i + 1] === 1) live++;
        if (live < 2) return;
        this.table.reset(live);
        for (let i = 0; i < starts; i++) {
          slots[i] = candidates[i] === 1 && candidates[i + 1] === 1 ? this.add(words, i, n) : -1;
        }
      }
      covered.fill(0, 0, total);
      let coveredChars = 0;
      for (let i = 0; i < starts; i++) {
        const slot = slots[i] ?? -1;
        const repeated = slot >= 0 && this.table.count(slot) > 1;
        candidates[i] = repeated ? 1 : 0;
        // The first occurrence only marks the n-gram as seen; later ones cover their words.
        if (!repeated || !this.table.mark(slot)) continue;
        for (let j = i; j < i + n; j++) {
          if (covered[j] === 1) continue;
          covered[j] = 1;
          coveredChars += words.length[j] ?? 0;
        }
      }
      for (let i = starts; i <= total; i++) candidates[i] = 0;
      out[n] = coveredChars / words.chars;
    }
  }

  /** Adds the n-gram at `start`, hashed the same way `measure` hashes it incrementally. */
  private add(words: ScannedWords, start: number, n: number): number {
    let a = imul((words.hashA[start] ?? 0) ^ SEED, 0x01000193);
    let b = imul((words.hashB[start] ?? 0) + SEED, 0x85ebca6b);
    for (let j = start + 1; j < start + n; j++) {
      a = imul(a ^ (words.hashA[j] ?? 0), 0x01000193);
      b = imul(b + (words.hashB[j] ?? 0), 0x85ebca6b);
      b ^= b >>> 15;
    }
    return this.table.add(a ^ imul(n, 0x9e3779b1), b ^ n, start);
  }

  private ensure(words: number): void {
    if (this.slots.length >= words + 1) return;
    const size = Math.max(1024, (words + 1) * 2);
    this.slots = new Int32Array(size);
    this.candidates = new Uint8Array(size);
    this.covered = new Uint8Array(size);
  }
}
