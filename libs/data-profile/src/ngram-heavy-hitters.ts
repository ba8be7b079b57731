import type { RankedKey } from './heavy-hitters';

// A module-level binding: under a vm context (jest) a `Math.` lookup in a hot loop is dozens of times slower.
const { imul } = Math;

/**
 * `HeavyHitters` (the same Misra-Gries with batch pruning, the same counts) for word n-grams keyed by a
 * 64-bit hash (two int32 halves) instead of the n-gram string. Counting was the profile's second largest
 * cost: every bigram and trigram became a new joined string that a `Map` then flattened and hashed. Here
 * a key is one probe in typed arrays, and its string is built only when the key enters the table. Two
 * distinct n-grams share a key with probability ~2⁻⁶⁴ per pair, which no listed count can show.
 */
export class NgramHeavyHitters {
  private readonly limit: number;
  private readonly mask: number;
  /** Hash slot → entry number, or −1. At most a quarter of the slots are in use. */
  private readonly index: Int32Array;
  // Entries 0..size-1, dense, so a prune touches only them.
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  private readonly weights: Float64Array;
  private readonly ends: Int32Array;
  /**
   * The n-gram's string, or until the next prune the words of the record it came from (it ends at
   * `ends[e]`): most n-grams are pruned before they are ever listed, so their string is never built.
   */
  private readonly labels: (string | readonly string[])[];
  private readonly lengths: Uint8Array;
  private size = 0;
  private error = 0;
  private totalWeight = 0;
  private readonly scratch: Float64Array;

  constructor(private readonly capacity: number) {
    this.limit = 2 * capacity;
    let slots = 16;
    while (slots < 4 * (this.limit + 1)) slots *= 2;
    this.mask = slots - 1;
    this.index = new Int32Array(slots).fill(-1);
    const entries = this.limit + 1;
    this.keyA = new Int32Array(entries);
    this.keyB = new Int32Array(entries);
    this.weights = new Float64Array(entries);
    this.ends = new Int32Array(entries);
    this.lengths = new Uint8Array(entries);
    this.labels = new Array<string | readonly string[]>(entries).fill('');
    this.scratch = new Float64Array(entries);
  }

  /** Adds `weight` to the n-gram `words[end - n + 1 .. end]` (n ≤ 255), whose hash is (a, b). */
  add(a: number, b: number, weight: number, words: readonly string[], end: number, n: number): void {
    this.totalWeight += weight;
    const { index, keyA, keyB, mask } = this;
    let i = (a ^ (a >>> 15)) & mask;
    for (; ; i = (i + 1) & mask) {
      const entry = index[i] ?? -1;
      if (entry < 0) break;
      if (keyA[entry] === a && keyB[entry] === b) {
        this.weights[entry] = (this.weights[entry] ?? 0) + weight;
        return;
      }
    }
    const entry = this.size++;
    index[i] = entry;
    keyA[entry] = a;
    keyB[entry] = b;
    this.weights[entry] = weight;
    this.ends[entry] = end;
    this.lengths[entry] = n;
    this.labels[entry] = words;
    if (this.size > this.limit) this.prune();
  }

  /** Weight added in all. */
  get total(): number {
    return this.totalWeight;
  }

  /** True when pruning happened, so counts are lower bounds. */
  get approximate(): boolean {
    return this.error > 0;
  }

  top(n: number): RankedKey[] {
    const entries: RankedKey[] = [];
    for (let e = 0; e < this.size; e++) entries.push({ key: this.label(e), count: this.weights[e] ?? 0 });
    return entries.sort((x, y) => y.count - x.count || (x.key < y.key ? -1 : 1)).slice(0, n);
  }

  /** Every counter drops by the (capacity+1)-th largest count; the ones left at zero or below go. */
  private prune(): void {
    const { keyA, keyB, weights, ends, lengths, labels } = this;
    const sorted = this.scratch.subarray(0, this.size);
    sorted.set(weights.subarray(0, this.size));
    sorted.sort();
    const threshold = sorted[this.size - 1 - this.capacity] ?? 0;
    this.error += threshold;
    this.index.fill(-1);
    let kept = 0;
    for (let e = 0; e < this.size; e++) {
      const weight = weights[e] ?? 0;
      if (weight <= threshold) continue;
      const label = this.label(e);
      keyA[kept] = keyA[e] ?? 0;
      keyB[kept] = keyB[e] ?? 0;
      weights[kept] = weight - threshold;
      ends[kept] = ends[e] ?? 0;
      lengths[kept] = lengths[e] ?? 0;
      labels[kept] = label;
      let i = ((keyA[kept] ?? 0) ^ ((keyA[kept] ?? 0) >>> 15)) & this.mask;
      while ((this.index[i] ?? -1) >= 0) i = (i + 1) & this.mask;
      this.index[i] = kept++;
    }
    // Drop references to the records' word arrays.
    labels.fill('', kept, this.size);
    this.size = kept;
  }

  /** The n-gram's words joined by single spaces. */
  private label(entry: number): string {
    const label = this.labels[entry] ?? '';
    if (typeof label === 'string') return label;
    const end = this.ends[entry] ?? 0;
    const n = this.lengths[entry] ?? 1;
    return n === 1 ? (label[end] ?? '') : label.slice(end - n + 1, end + 1).join(' ');
  }
}

/** Two independent 32-bit hashes of a word (FNV-1a and a multiply-xorshift), written to `out[0..1]`. */
export function hashWord(word: string, out: Int32Array): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x2545f491;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    a = imul(a ^ code, 0x01000193);
    b = imul(b + code, 0x85ebca6b);
    b ^= b >>> 13;
  }
  out[0] = a;
  out[1] = imul(b ^ word.length, 0xc2b2ae35);
}
