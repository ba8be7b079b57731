import { assertIntegerInRange, MinHashError } from '../errors/minhash-error';
import { NumpyRandomState } from '../random/numpy-random-state';
import { MIN_HASH_SCHEMES, type MinHashScheme } from './min-hash-scheme';

/** affine32 parameters: phv_k = (a_k·h + b_k) mod 2^32. */
export interface Affine32Permutations {
  readonly scheme: 'affine32';
  readonly a: Uint32Array;
  readonly b: Uint32Array;
}

/** legacy parameters: a_k, b_k < 2^61 − 1 as (hi, lo) uint32 halves. */
export interface LegacyPermutations {
  readonly scheme: 'legacy';
  readonly aHi: Uint32Array;
  readonly aLo: Uint32Array;
  readonly bHi: Uint32Array;
  readonly bLo: Uint32Array;
}

export type Permutations = Affine32Permutations | LegacyPermutations;

/** 2^61 − 1 as (hi, lo). */
const PRIME_HI = 0x1fffffff;
const PRIME_LO = 0xffffffff;

const cache = new Map<string, Permutations>();

/**
 * The permutation parameters datasketch's `MinHash(num_perm, seed, scheme)` draws from
 * `np.random.RandomState(seed)`, memoised (they are immutable and shared by every signature).
 */
export function permutationsFor(numPerm: number, seed = 1, scheme: MinHashScheme = 'affine32'): Permutations {
  assertIntegerInRange('numPerm', numPerm, 1, 0x100000);
  assertIntegerInRange('seed', seed, 0, 0xffffffff);
  if (!MIN_HASH_SCHEMES.includes(scheme)) {
    throw new MinHashError('INVALID_OPTION', `scheme must be one of ${MIN_HASH_SCHEMES.join(', ')}`);
  }
  const key = `${scheme}:${seed}:${numPerm}`;
  let perms = cache.get(key);
  if (perms === undefined) {
    perms = scheme === 'affine32' ? affine32(numPerm, seed) : legacy(numPerm, seed);
    cache.set(key, perms);
  }
  return perms;
}

// a = randint(0, 2^31, num_perm) * 2 + 1; b = randint(0, 2^32, num_perm). All a's are drawn before any
// b, so (unlike legacy) the parameters for a smaller num_perm are NOT a prefix of a larger one's.
function affine32(numPerm: number, seed: number): Affine32Permutations {
  const random = new NumpyRandomState(seed);
  const a = random.randintUint32(0, 0x80000000, numPerm);
  for (let k = 0; k < numPerm; k++) a[k] = (a[k] ?? 0) * 2 + 1;
  const b = random.randintUint32(0, 0x100000000, numPerm);
  return { scheme: 'affine32', a, b };
}

// For each k in turn: a_k = randint(1, 2^61 − 1), b_k = randint(0, 2^61 − 1), each a uint64 scalar.
function legacy(numPerm: number, seed: number): LegacyPermutations {
  const random = new NumpyRandomState(seed);
  const perms: LegacyPermutations = {
    scheme: 'legacy',
    aHi: new Uint32Array(numPerm),
    aLo: new Uint32Array(numPerm),
    bHi: new Uint32Array(numPerm),
    bLo: new Uint32Array(numPerm),
  };
  for (let k = 0; k < numPerm; k++) {
    [perms.aHi[k], perms.aLo[k]] = random.randintUint64(0, 1, PRIME_HI, PRIME_LO);
    [perms.bHi[k], perms.bLo[k]] = random.randintUint64(0, 0, PRIME_HI, PRIME_LO);
  }
  return perms;
}
