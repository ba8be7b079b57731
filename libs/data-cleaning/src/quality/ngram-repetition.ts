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

  /**
   * Fills `top[n]` for n = 2..maxTop and `duplicate[n]` for n = from..to (0 elsewhere). An n-gram can
   * only repeat where the (n-1)-grams at its start and at the next word both repeat, so after hashing
   * every 2-gram each larger n hashes only those candidate positions, and counts every occurrence of a
   * repeated n-gram exactly. In web text most positions drop out by n = 4, so this hashes about 1.5
   * n-grams a word rather than one per size.
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
    const duplicatesWanted = to >= from && from >= 2 && total >= from;
    this.ensure(total);
    const hashUpTo = Math.max(maxTop, duplicatesWanted ? from : 0);
    let hashed = this.hashUpTo(words, hashUpTo, maxTop, top);
    if (!duplicatesWanted) return;
    // Only when a top size exceeds the first duplicate size: hash again, up to it.
    if (hashUpTo !== from) hashed = this.hashUpTo(words, from, 0, top);
    if (hashed) this.duplicates(words, from, to, duplicate);
  }

  /**
   * Hashes 2-grams at every position, then each larger n up to `upTo` at the candidate positions only,
   * filling `top[n]` for n ≤ maxTop. Returns true when `slots` then hold the `upTo`-grams' slots, false
   * when it stopped early because no n-gram of some size repeats (nor can any larger one).
   */
  private hashUpTo(words: ScannedWords, upTo: number, maxTop: number, top: Float64Array): boolean {
    const total = words.count;
    const { slots, candidates } = this;
    for (let n = 2; n <= upTo; n++) {
      const starts = total - n + 1;
      if (starts < 2) return false;
      if (n === 2) {
        this.table.reset(starts);
      } else {
        let live = 0;
        for (let i = 0; i < starts; i++) if (candidates[i] === 1 && candidates[i + 1] === 1) live++;
        if (live < 2) return false;
        this.table.reset(live);
      }
      // Positions in order, so a count read right after adding is the running count: the most frequent
      // n-gram is the first to reach the highest count, as when every n-gram was hashed.
      let bestSlot = -1;
      let bestCount = 1;
      for (let i = 0; i < starts; i++) {
        if (n > 2 && !(candidates[i] === 1 && candidates[i + 1] === 1)) {
          slots[i] = -1;
          continue;
        }
        const slot = this.add(words, i, n);
        slots[i] = slot;
        if (n > maxTop) continue;
        const count = this.table.count(slot);
        if (count > bestCount) {
          bestCount = count;
          bestSlot = slot;
        }
      }
      if (bestSlot >= 0) {
        const first = this.table.first(bestSlot);
        let chars = 0;
        for (let j = first; j < first + n; j++) chars += words.length[j] ?? 0;
        top[n] = (bestCount * chars) / words.chars;
      }
      if (n === upTo) return true;
      for (let i = 0; i < starts; i++) {
        const slot = slots[i] ?? -1;
        candidates[i] = slot >= 0 && this.table.count(slot) > 1 ? 1 : 0;
      }
      for (let i = starts; i <= total; i++) candidates[i] = 0;
    }
    return false;
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
