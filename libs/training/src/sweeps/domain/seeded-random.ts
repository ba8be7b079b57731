/** A stream of numbers uniform in [0, 1). */
export type RandomSource = () => number;

const GOLDEN = 0x9e3779b9;

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** SplitMix32: turns one 32-bit word into the well-mixed words that seed xoshiro's state. */
function splitMix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + GOLDEN) >>> 0;
    return fmix32(state);
  };
}

/**
 * A deterministic stream for `(seed, stream)`: the same pair always yields the same numbers, on every
 * platform (32-bit integer arithmetic only). Sweeps use the trial index as the stream, so trial 7 of a
 * sweep samples the same parameters whether it is proposed alone or in a batch. xoshiro128** generator.
 */
export function seededRandom(seed: number, stream: number): RandomSource {
  // For a fixed seed, distinct streams (mod 2^32) give distinct keys: multiplying by an odd constant is a bijection.
  const next = splitMix32(fmix32(fmix32(seed) + Math.imul(stream, GOLDEN)));
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
