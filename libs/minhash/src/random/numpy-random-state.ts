// Just enough of numpy's legacy `np.random.RandomState(seed)` to reproduce datasketch's permutation
// parameters bit for bit: the MT19937 generator with numpy's integer seeding, and `randint` with numpy's
// masked rejection sampling for uint32 arrays and uint64 scalars (the two calls datasketch makes).
// 64-bit values are carried as (hi, lo) uint32 pairs so no BigInt is needed.

const N = 624;
const M = 397;

export class NumpyRandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** `RandomState(seed)` for an integer seed in [0, 2^32): MT19937's linear init_genrand seeding. */
  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ?? 0;
      mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** The next raw 32-bit output of MT19937. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++] ?? 0;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** `randint(low, high, size, dtype=np.uint32)` for 0 <= low < high <= 2^32. */
  randintUint32(low: number, high: number, size: number): Uint32Array {
    const out = new Uint32Array(size);
    const range = high - low - 1;
    if (range === 0xffffffff) {
      for (let i = 0; i < size; i++) out[i] = low + this.nextUint32();
      return out;
    }
    const mask = maskFor32(range);
    for (let i = 0; i < size; i++) {
      let value: number;
      do value = (this.nextUint32() & mask) >>> 0;
      while (value > range);
      out[i] = low + value;
    }
    return out;
  }

  /**
   * Scalar `randint(low, high, dtype=np.uint64)` for bounds given as (hi, lo) pairs, with
   * high - low - 1 >= 2^32 (numpy's 64-bit masked path). Returns [hi, lo] of the drawn value.
   */
  randintUint64(lowHi: number, lowLo: number, highHi: number, highLo: number): [number, number] {
    // range = high - 1 - low, as (hi, lo).
    let rangeLo = highLo - 1 - lowLo;
    let rangeHi = highHi - lowHi;
    if (rangeLo < 0) {
      rangeLo += 0x100000000;
      rangeHi -= 1;
    }
    const maskHi = maskFor32(rangeHi);
    let hi: number;
    let lo: number;
    do {
      // numpy's MT19937 next_uint64: the first 32-bit output is the high word.
      hi = (this.nextUint32() & maskHi) >>> 0;
      lo = this.nextUint32();
    } while (hi > rangeHi || (hi === rangeHi && lo > rangeLo));
    lo += lowLo;
    hi += lowHi;
    if (lo >= 0x100000000) {
      lo -= 0x100000000;
      hi += 1;
    }
    return [hi >>> 0, lo >>> 0];
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = ((mt[i] ?? 0) & 0x80000000) | ((mt[(i + 1) % N] ?? 0) & 0x7fffffff);
      let next = (mt[(i + M) % N] ?? 0) ^ (y >>> 1);
      if (y & 1) next ^= 0x9908b0df;
      mt[i] = next >>> 0;
    }
    this.index = 0;
  }
}

/** The smallest all-ones mask covering `range` (numpy's gen_mask), for a 32-bit range. */
function maskFor32(range: number): number {
  let mask = range >>> 0;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}
