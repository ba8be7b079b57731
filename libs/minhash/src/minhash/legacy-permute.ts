const TWO_32 = 0x100000000;

/**
 * datasketch's legacy permutation of one 32-bit hash h, without BigInt:
 * `((a*h + b) as numpy uint64, i.e. mod 2^64) % (2^61 - 1) & 0xFFFFFFFF`.
 * a and b are below 2^61 and given as (hi, lo) uint32 halves.
 */
export function legacyPermute(aHi: number, aLo: number, bHi: number, bLo: number, h: number): number {
  // aLo * h exactly, as hi32:lo32, through 16-bit halves of h (each partial product < 2^48).
  const p0 = aLo * (h & 0xffff);
  const p1 = aLo * (h >>> 16);
  const p1Lo = p1 % 0x10000;
  const low = p0 + p1Lo * 0x10000; // < 2^49, exact
  const lowCarry = Math.floor(low / TWO_32);
  let lo = low - lowCarry * TWO_32;
  let hi = (p1 - p1Lo) / 0x10000 + lowCarry; // < 2^32: aLo * h < 2^64
  // + aHi * h * 2^32, where only the low 32 bits of aHi * h survive mod 2^64.
  hi += Math.imul(aHi, h) >>> 0;
  // + b, with the carry from the low word.
  lo += bLo;
  if (lo >= TWO_32) {
    lo -= TWO_32;
    hi += 1;
  }
  hi = (hi + bHi) % TWO_32;
  // mod 2^61 - 1: x = q·2^61 + r ≡ q + r, and q + r < 2·(2^61 - 1) so one subtraction at most.
  const q = hi >>> 29;
  let rHi = hi & 0x1fffffff;
  lo += q;
  if (lo >= TWO_32) {
    lo -= TWO_32;
    rHi += 1;
  }
  if (rHi > 0x1fffffff || (rHi === 0x1fffffff && lo === 0xffffffff)) {
    // − (2^61 − 1) = − 2^61 + 1; only the low 32 bits are kept, and 2^61 does not touch them.
    return (lo + 1) >>> 0;
  }
  return lo;
}
