// A module-level binding: under a vm context (jest) a `Math.` lookup in a hot loop is dozens of times slower.
const { imul } = Math;

// One slot is STRIDE int32s in a single array, so a probe touches one cache line instead of one per field.
const STRIDE = 8;
const STAMP = 0;
const KEY_A = 1;
const KEY_B = 2;
const COUNT = 3;
const FIRST = 4;
const MARK = 5;

/**
 * Counts 64-bit keys (two int32 halves whose high bits are well mixed, e.g. multiplicative hashes) with
 * open addressing in one typed array. One
 * table serves every record: `reset` is a generation bump, so counting n-grams allocates nothing per record.
 * Slots are returned as offsets into the array and stay valid until the next `reset` or growth.
 */
export class PairCountTable {
  private cells = new Int32Array(0);
  private generation = 0;
  private mask = 0;
  private capacity = 0;
  private size = 0;

  /** Empties the table, sized so `expected` distinct keys fit without growing. */
  reset(expected: number): void {
    const wanted = capacityFor(expected);
    if (wanted > this.capacity) {
      this.allocate(wanted);
    } else if (++this.generation === 0x7fffffff) {
      this.cells.fill(0);
      this.generation = 1;
    }
    this.size = 0;
  }

  /** Adds one occurrence of the key (a, b), first seen at `position`; returns the key's slot. */
  add(a: number, b: number, position: number): number {
    if (this.size * 2 >= this.capacity) this.grow();
    const cells = this.cells;
    const generation = this.generation;
    // Multiplicative hashes mix upwards, so fold the high half into the low bits the index uses.
    let index = (a ^ (a >>> 15)) & this.mask;
    for (;;) {
      const slot = index * STRIDE;
      if (cells[slot + STAMP] !== generation) {
        cells[slot + STAMP] = generation;
        cells[slot + KEY_A] = a;
        cells[slot + KEY_B] = b;
        cells[slot + COUNT] = 1;
        cells[slot + FIRST] = position;
        cells[slot + MARK] = 0;
        this.size++;
        return slot;
      }
      if (cells[slot + KEY_A] === a && cells[slot + KEY_B] === b) {
        cells[slot + COUNT] = (cells[slot + COUNT] ?? 0) + 1;
        return slot;
      }
      index = (index + 1) & this.mask;
    }
  }

  /** Occurrences of the key in `slot`. */
  count(slot: number): number {
    return this.cells[slot + COUNT] ?? 0;
  }

  /** Position the key in `slot` was first added at. */
  first(slot: number): number {
    return this.cells[slot + FIRST] ?? 0;
  }

  /** Marks `slot`; returns whether it was already marked since the last reset. */
  mark(slot: number): boolean {
    if (this.cells[slot + MARK] === 1) return true;
    this.cells[slot + MARK] = 1;
    return false;
  }

  private allocate(capacity: number): void {
    this.cells = new Int32Array(capacity * STRIDE);
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.generation = 1;
  }

  private grow(): void {
    const old = this.cells;
    const oldGeneration = this.generation;
    this.allocate(this.capacity * 2);
    for (let slot = 0; slot < old.length; slot += STRIDE) {
      if (old[slot + STAMP] !== oldGeneration) continue;
      const a = old[slot + KEY_A] ?? 0;
      let index = (a ^ (a >>> 15)) & this.mask;
      while (this.cells[index * STRIDE + STAMP] === this.generation) index = (index + 1) & this.mask;
      this.cells.set(old.subarray(slot, slot + STRIDE), index * STRIDE);
      this.cells[index * STRIDE + STAMP] = this.generation;
    }
  }
}

function capacityFor(expected: number): number {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  return capacity;
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the output (slots use the low bits). */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
