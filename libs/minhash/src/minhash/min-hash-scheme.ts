/**
 * datasketch's permutation schemes we reproduce.
 * - `affine32` — datasketch ≥ 2.0.0's default: h = fmix32(sha1_hash32(x)), then (a·h + b) mod 2^32 with
 *   a odd (a bijection, so no permutation collisions). What `MinHash()` gives in Python today.
 * - `legacy` — the only scheme before 2.0.0 (`scheme="legacy"` in 2.x): ((a·h + b) mod 2^64) mod
 *   (2^61 − 1), truncated to 32 bits. Needed to compare with sketches made by older datasketch.
 * Signatures from different schemes are unrelated and must never be compared.
 */
export type MinHashScheme = 'affine32' | 'legacy';

export const MIN_HASH_SCHEMES: readonly MinHashScheme[] = ['affine32', 'legacy'];
