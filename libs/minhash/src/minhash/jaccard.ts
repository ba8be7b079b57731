import { MinHashError } from '../errors/minhash-error';

/**
 * Estimated Jaccard similarity of the sets behind two signatures: the fraction of equal slots
 * (datasketch's `MinHash.jaccard`). Both must come from the same numPerm, seed and scheme.
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) {
    throw new MinHashError(
      'SIGNATURE_MISMATCH',
      `signature lengths differ or are zero (${a.length}, ${b.length})`,
    );
  }
  let equal = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) equal++;
  return equal / a.length;
}
