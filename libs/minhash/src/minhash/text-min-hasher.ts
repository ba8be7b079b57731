import { assertIntegerInRange } from '../errors/minhash-error';
import { sha1Hash32Range } from '../hashing/sha1-hash32';
import { TokenBuffer } from '../text/token-buffer';
import { DEFAULT_NUM_PERM, DEFAULT_SEED, type MinHashOptions } from './min-hash-options';
import type { MinHashScheme } from './min-hash-scheme';
import { permutationsFor, type Permutations } from './permutations';
import { EMPTY_HASH_VALUE, permuteMinInto } from './permute-min';

export interface TextMinHasherOptions extends MinHashOptions {
  /** Word n-gram size of the shingles (default 5). */
  ngram?: number;
}

/**
 * Text → MinHash signature on the hot path: tokenizes into a reused UTF-8 buffer, SHA-1s each shingle
 * in place, and folds the hashes with the shared permutations. The signature equals datasketch's
 * `MinHash(num_perm, seed, scheme)` after `update_batch` over the document's distinct shingles encoded
 * as UTF-8 (see text/tokenize.ts for the shingling contract). Not reentrant: one instance per thread of
 * control, which in Node is one per index.
 */
export class TextMinHasher {
  readonly numPerm: number;
  readonly seed: number;
  readonly scheme: MinHashScheme;
  readonly ngram: number;
  private readonly perms: Permutations;
  private readonly tokens = new TokenBuffer();
  private hashes = new Uint32Array(1024);

  constructor(options: TextMinHasherOptions = {}) {
    this.numPerm = options.numPerm ?? DEFAULT_NUM_PERM;
    this.seed = options.seed ?? DEFAULT_SEED;
    this.scheme = options.scheme ?? 'affine32';
    this.ngram = options.ngram ?? 5;
    assertIntegerInRange('ngram', this.ngram, 1, 1000);
    this.perms = permutationsFor(this.numPerm, this.seed, this.scheme);
  }

  /** A new signature for `text`. */
  signature(text: string): Uint32Array {
    const out = new Uint32Array(this.numPerm);
    this.signatureInto(text, out);
    return out;
  }

  /**
   * Writes the signature of `text` into `out` (length numPerm) and returns the number of shingles
   * (0 = no tokens: `out` is all 0xFFFFFFFF, datasketch's empty MinHash).
   */
  signatureInto(text: string, out: Uint32Array): number {
    out.fill(EMPTY_HASH_VALUE);
    const count = this.hashShingles(text);
    permuteMinInto(this.perms, this.hashes, count, out);
    return count;
  }

  /** sha1_hash32 of each shingle of `text` into the internal buffer, in order; returns how many. */
  private hashShingles(text: string): number {
    const tokens = this.tokens.load(text);
    const count = tokens.shingleCount(this.ngram);
    if (this.hashes.length < count) this.hashes = new Uint32Array(count * 2);
    const hashes = this.hashes;
    const bytes = tokens.bytes;
    for (let i = 0; i < count; i++) {
      hashes[i] = sha1Hash32Range(bytes, tokens.shingleStart(i), tokens.shingleEnd(i, this.ngram));
    }
    return count;
  }
}
