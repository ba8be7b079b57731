import { MinHashError } from '../errors/minhash-error';
import { sha1Hash32 } from '../hashing/sha1-hash32';
import { jaccard } from './jaccard';
import { DEFAULT_NUM_PERM, DEFAULT_SEED, type MinHashOptions } from './min-hash-options';
import type { MinHashScheme } from './min-hash-scheme';
import { permutationsFor, type Permutations } from './permutations';
import { EMPTY_HASH_VALUE, permuteMinInto } from './permute-min';

/**
 * datasketch's `MinHash` with its default `sha1_hash32`: same permutations, same hash values. For bulk
 * text use `TextMinHasher`, which computes the same signature without a string or array per shingle.
 */
export class MinHash {
  readonly numPerm: number;
  readonly seed: number;
  readonly scheme: MinHashScheme;
  /** The signature (datasketch's `hashvalues`), as uint32. */
  readonly hashvalues: Uint32Array;
  private readonly perms: Permutations;
  private readonly one = new Uint32Array(1);

  constructor(options: MinHashOptions = {}) {
    this.numPerm = options.numPerm ?? DEFAULT_NUM_PERM;
    this.seed = options.seed ?? DEFAULT_SEED;
    this.scheme = options.scheme ?? 'affine32';
    this.perms = permutationsFor(this.numPerm, this.seed, this.scheme);
    this.hashvalues = new Uint32Array(this.numPerm).fill(EMPTY_HASH_VALUE);
  }

  /** `update(b)`: a string is hashed as its UTF-8 bytes (Python: `s.encode('utf-8')`). */
  update(value: Uint8Array | string): void {
    this.one[0] = sha1Hash32(value);
    permuteMinInto(this.perms, this.one, 1, this.hashvalues);
  }

  /** `update_batch(values)`. */
  updateBatch(values: Iterable<Uint8Array | string>): void {
    const hashes: number[] = [];
    for (const value of values) hashes.push(sha1Hash32(value));
    permuteMinInto(this.perms, Uint32Array.from(hashes), hashes.length, this.hashvalues);
  }

  /** Estimated Jaccard similarity; refuses a MinHash made with other parameters, as datasketch does. */
  jaccard(other: MinHash): number {
    if (other.scheme !== this.scheme || other.seed !== this.seed || other.numPerm !== this.numPerm) {
      throw new MinHashError('SIGNATURE_MISMATCH', 'MinHash with different scheme, seed or numPerm');
    }
    return jaccard(this.hashvalues, other.hashvalues);
  }

  /** True until something has been added (every slot still at the maximum). */
  isEmpty(): boolean {
    return this.hashvalues.every((v) => v === EMPTY_HASH_VALUE);
  }
}
