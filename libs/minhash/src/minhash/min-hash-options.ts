import type { MinHashScheme } from './min-hash-scheme';

/** The parameters that make two signatures comparable: both must use the same three. */
export interface MinHashOptions {
  /** Number of permutations = signature length (datasketch's `num_perm`, default 128). */
  numPerm?: number;
  /** numpy RandomState seed for the permutations (datasketch's `seed`, default 1). */
  seed?: number;
  /** Permutation scheme (default 'affine32', datasketch ≥ 2.0.0's default). */
  scheme?: MinHashScheme;
}

export const DEFAULT_NUM_PERM = 128;
export const DEFAULT_SEED = 1;
