/**
 * A set of 128-bit digests stored as four int32 words per slot in one typed array (open addressing,
 * linear probing, ≤ 70% full): about 16–45 bytes per digest and no per-entry objects, so memory stays
 * proportional to the number of distinct records and light on the garbage collector.
 */
export class DigestSet {
  private words = new Int32Array(4 * 1024);
  private mask = 1023;
  private count = 0;
  // All-zero words mark an empty slot, so the (astronomically unlikely) all-zero digest is kept aside.
  private hasZero = false;

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.words.byteLength;
  }

  has(a: number, b: number, c: number, d: number): boolean {
    if ((a | b | c | d) === 0) return this.hasZero;
    return this.find(a, b, c, d) >= 0;
  }

  /** Adds the digest; returns false when it was already present. */
  add(a: number, b: number, c: number, d: number): boolean {
    if ((a | b | c | d) === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.count++;
      return true;
    }
    if (this.find(a, b, c, d) >= 0) return false;
    if ((this.count + 1) * 10 > (this.mask + 1) * 7) this.grow();
    this.insert(a, b, c, d);
    this.count++;
    return true;
  }

  private find(a: number, b: number, c: number, d: number): number {
    const w = this.words;
    let slot = a & this.mask;
    for (;;) {
      const i = slot * 4;
      const wa = w[i] ?? 0;
      const wb = w[i + 1] ?? 0;
      const wc = w[i + 2] ?? 0;
      const wd = w[i + 3] ?? 0;
      if ((wa | wb | wc | wd) === 0) return -1;
      if (wa === a && wb === b && wc === c && wd === d) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(a: number, b: number, c: number, d: number): void {
    const w = this.words;
    let slot = a & this.mask;
    while (
      ((w[slot * 4] ?? 0) | (w[slot * 4 + 1] ?? 0) | (w[slot * 4 + 2] ?? 0) | (w[slot * 4 + 3] ?? 0)) !==
      0
    ) {
      slot = (slot + 1) & this.mask;
    }
    w[slot * 4] = a;
    w[slot * 4 + 1] = b;
    w[slot * 4 + 2] = c;
    w[slot * 4 + 3] = d;
  }

  private grow(): void {
    const old = this.words;
    this.words = new Int32Array(old.length * 2);
    this.mask = this.words.length / 4 - 1;
    for (let i = 0; i < old.length; i += 4) {
      const a = old[i] ?? 0;
      const b = old[i + 1] ?? 0;
      const c = old[i + 2] ?? 0;
      const d = old[i + 3] ?? 0;
      if ((a | b | c | d) !== 0) this.insert(a, b, c, d);
    }
  }
}
