// Bound once: under jest's module wrapper, global lookups in hot loops cost 2–80×.
const imul = Math.imul;
const floor = Math.floor;

/**
 * mulberry32: a small, fast 32-bit PRNG, deterministic for a seed. Returns a function yielding
 * uniform integers in [0, 2^32). Not cryptographic; for resampling only.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Fills `out` with indices drawn uniformly with replacement from [0, size). */
export function drawIndices(next: () => number, size: number, out: Int32Array): void {
  // floor(u · size / 2^32): unbiased enough for size ≪ 2^32 (bias < size / 2^32).
  for (let k = 0; k < out.length; k++) out[k] = floor((next() * size) / 4294967296);
}
