// Clipped n-gram matching over integer symbol sequences, the inner loop of BLEU and chrF.
//
// sacreBLEU counts n-grams in Counters keyed by strings or tuples. Only equality between the n-grams of
// one segment matters, so each n-gram gets a small dense id instead: the id of the n-gram at position i
// is the id of the pair (id of the (n-1)-gram at i, symbol at i+n-1), interned per order in an
// open-addressing table. Two n-grams get the same id exactly when they are equal, so the counts, and the
// scores, are the same as with string keys; nothing is hashed lossily and no key strings are built.

// Bound once: under jest's module wrapper, global lookups in hot loops cost 2–80×.
const imul = Math.imul;
const clz32 = Math.clz32;

/** A sequence as a [start, end) range of the symbol buffer. */
export interface SymbolRange {
  start: number;
  end: number;
}

/**
 * Reusable scratch buffers (one per caller; not re-entrant). `match` writes, per order n = 1..maxOrder,
 * the number of hypothesis n-grams that match a reference n-gram, each reference n-gram counted at most
 * as often as it occurs in the reference that holds it most (sacreBLEU's clipping).
 */
export class NgramMatcher {
  /** Per position: id of the n-gram of the current order that starts there. */
  private ids = new Int32Array(1024);
  /** Per n-gram id: how many more hypothesis occurrences may still match. */
  private budget = new Int32Array(1024);
  /** Per n-gram id: occurrences in the current reference (several references only). */
  private perRef = new Int32Array(1024);
  // Open-addressing (id, symbol) → id table; a slot is live when its stamp is the current generation.
  private keyId = new Int32Array(2048);
  private keySymbol = new Int32Array(2048);
  private value = new Int32Array(2048);
  private stamp = new Int32Array(2048);
  private shift = 32 - 11;
  private generation = 0;

  /**
   * `symbols[start, end)` of each range hold ids in [0, alphabet). `refs` are clipped against all at
   * once (max count over references); `matches[offset + n - 1]` receives the order-n matches.
   */
  match(
    symbols: Int32Array,
    alphabet: number,
    hyp: SymbolRange,
    refs: readonly SymbolRange[],
    maxOrder: number,
    matches: Float64Array | number[],
    offset = 0,
  ): void {
    let longest = hyp.end - hyp.start;
    let positions = longest;
    for (const r of refs) {
      positions += r.end - r.start;
      longest = Math.max(longest, r.end - r.start);
    }
    this.reserve(Math.max(symbols.length, alphabet, positions));
    const ids = this.ids;
    const budget = this.budget;
    for (let n = 1; n <= maxOrder; n++) {
      if (n > longest) {
        matches[offset + n - 1] = 0;
        continue;
      }
      let distinct = alphabet;
      if (n === 1) {
        ids.set(symbols.subarray(hyp.start, hyp.end), hyp.start);
        for (const r of refs) ids.set(symbols.subarray(r.start, r.end), r.start);
      } else {
        this.nextGeneration();
        distinct = this.extend(symbols, hyp, n, 0);
        for (const r of refs) distinct = this.extend(symbols, r, n, distinct);
      }
      if (refs.length === 1) {
        const r = refs[0] as SymbolRange;
        for (let i = r.start, last = r.end - n; i <= last; i++) {
          const id = ids[i] as number;
          budget[id] = (budget[id] as number) + 1;
        }
      } else {
        this.maxOverRefs(refs, n);
      }
      let m = 0;
      for (let i = hyp.start, last = hyp.end - n; i <= last; i++) {
        const id = ids[i] as number;
        const left = budget[id] as number;
        if (left > 0) {
          budget[id] = left - 1;
          m++;
        }
      }
      budget.fill(0, 0, distinct);
      matches[offset + n - 1] = m;
    }
  }

  private maxOverRefs(refs: readonly SymbolRange[], n: number): void {
    const { ids, budget, perRef } = this;
    for (const r of refs) {
      const last = r.end - n;
      for (let i = r.start; i <= last; i++) {
        const id = ids[i] as number;
        perRef[id] = (perRef[id] as number) + 1;
      }
      for (let i = r.start; i <= last; i++) {
        const id = ids[i] as number;
        if ((perRef[id] as number) > (budget[id] as number)) budget[id] = perRef[id] as number;
      }
      for (let i = r.start; i <= last; i++) perRef[ids[i] as number] = 0;
    }
  }

  /** Order n ids of one range from its order n-1 ids, in place; returns the new count of distinct ids. */
  private extend(symbols: Int32Array, range: SymbolRange, n: number, distinct: number): number {
    const { ids, keyId, keySymbol, value, stamp, shift, generation } = this;
    const mask = stamp.length - 1;
    let next = distinct;
    for (let i = range.start, last = range.end - n; i <= last; i++) {
      const a = ids[i] as number;
      const b = symbols[i + n - 1] as number;
      let slot = imul(imul(a, 0x27d4eb2d) ^ b, 0x9e3779b1) >>> shift;
      for (;;) {
        if (stamp[slot] !== generation) {
          stamp[slot] = generation;
          keyId[slot] = a;
          keySymbol[slot] = b;
          value[slot] = next;
          ids[i] = next++;
          break;
        }
        if (keyId[slot] === a && keySymbol[slot] === b) {
          ids[i] = value[slot] as number;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return next;
  }

  private nextGeneration(): void {
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    this.generation++;
  }

  /** Grows the buffers for `size` positions or ids; the table stays at most half full. */
  private reserve(size: number): void {
    if (size > this.ids.length) {
      const length = 1 << (32 - clz32(size));
      this.ids = new Int32Array(length);
      this.budget = new Int32Array(length);
      this.perRef = new Int32Array(length);
    }
    if (2 * size > this.stamp.length) {
      const bits = 33 - clz32(size);
      this.keyId = new Int32Array(1 << bits);
      this.keySymbol = new Int32Array(1 << bits);
      this.value = new Int32Array(1 << bits);
      this.stamp = new Int32Array(1 << bits);
      this.shift = 32 - bits;
      this.generation = 0;
    }
  }
}
