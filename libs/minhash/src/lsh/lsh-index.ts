import { assertIntegerInRange, MinHashError } from '../errors/minhash-error';
import { BandBuckets } from './band-buckets';
import type { LshParams } from './optimal-lsh-params';

/** A signature chunk holds about this many uint32s (4 MiB). */
const CHUNK_WORDS_LOG2 = 20;

/**
 * MinHash LSH over signatures (datasketch's `MinHashLSH` with dict storage): band i is the slice
 * [i·rows, (i+1)·rows) of the signature, and two signatures are candidates when any band is equal.
 * Entries are numbered slots 0, 1, 2… in insertion order; callers map slots to their own keys.
 *
 * Storage is flat typed arrays, not a Map of byte strings: a bucket directory from (band, 32-bit hash
 * of the band) to the newest slot in that bucket, and a `next` array chaining older slots. Band equality
 * is then checked on the stored signatures, so a hash collision can never make a false candidate —
 * candidates are exactly datasketch's.
 */
export class LshIndex {
  readonly numPerm: number;
  readonly bands: number;
  readonly rows: number;
  private readonly buckets = new BandBuckets();
  /** next[slot · bands + band]: the previous slot in the same bucket, or −1. */
  private next = new Int32Array(0);
  /**
   * Every inserted signature, back to back, in chunks of about 4 MiB (8,192 signatures of 128
   * permutations): the store grows by one chunk instead of doubling, so it never holds more than a chunk spare nor
   * two copies while growing. At 1 GiB of input it is the largest structure of the near-duplicate step.
   */
  private readonly chunks: Uint32Array[] = [];
  private readonly chunkBits: number;
  private readonly chunkMask: number;
  /** Slot → the query number that last reported it, to report each candidate once per query. */
  private seen = new Int32Array(0);
  private queries = 0;
  private count = 0;

  constructor(numPerm: number, params: LshParams) {
    assertIntegerInRange('numPerm', numPerm, 2, 0x100000);
    assertIntegerInRange('bands', params.bands, 1, numPerm);
    assertIntegerInRange('rows', params.rows, 1, numPerm);
    if (params.bands * params.rows > numPerm) {
      throw new MinHashError('INVALID_OPTION', `bands × rows must be ≤ numPerm (${numPerm})`);
    }
    this.numPerm = numPerm;
    this.bands = params.bands;
    this.rows = params.rows;
    this.chunkBits = Math.max(0, CHUNK_WORDS_LOG2 - Math.ceil(Math.log2(numPerm)));
    this.chunkMask = (1 << this.chunkBits) - 1;
    this.grow(1024);
  }

  /** Number of signatures inserted. */
  get size(): number {
    return this.count;
  }

  /** Stores a copy of `signature` and indexes its bands; returns its slot. */
  insert(signature: Uint32Array): number {
    this.checkLength(signature);
    if (this.count === this.seen.length) this.grow(this.count * 2);
    const slot = this.count++;
    if (slot >>> this.chunkBits === this.chunks.length) {
      this.chunks.push(new Uint32Array((this.chunkMask + 1) * this.numPerm));
    }
    this.chunkOf(slot).set(signature, (slot & this.chunkMask) * this.numPerm);
    const rows = this.rows;
    for (let band = 0; band < this.bands; band++) {
      this.next[slot * this.bands + band] = this.buckets.put(
        band,
        bandHash(signature, band * rows, rows),
        slot,
      );
    }
    return slot;
  }

  /**
   * Calls `visit(slot)` once for every stored signature sharing at least one band with `signature`
   * (datasketch's `query`), newest first within a band. Returns the number of candidates.
   */
  query(signature: Uint32Array, visit: (slot: number) => void): number {
    this.checkLength(signature);
    const stamp = ++this.queries;
    const rows = this.rows;
    let found = 0;
    for (let band = 0; band < this.bands; band++) {
      const offset = band * rows;
      let slot = this.buckets.get(band, bandHash(signature, offset, rows));
      while (slot >= 0) {
        if (this.seen[slot] !== stamp && this.bandEquals(slot, signature, offset)) {
          this.seen[slot] = stamp;
          found++;
          visit(slot);
        }
        slot = this.next[slot * this.bands + band] ?? -1;
      }
    }
    return found;
  }

  /** The stored signature of `slot` (a view; do not modify). */
  signatureAt(slot: number): Uint32Array {
    const base = (slot & this.chunkMask) * this.numPerm;
    return this.chunkOf(slot).subarray(base, base + this.numPerm);
  }

  /** Estimated Jaccard between the stored signature of `slot` and `signature` (no view allocated). */
  jaccardWith(slot: number, signature: Uint32Array): number {
    this.checkLength(signature);
    const stored = this.chunkOf(slot);
    const base = (slot & this.chunkMask) * this.numPerm;
    let equal = 0;
    for (let k = 0; k < this.numPerm; k++) if (stored[base + k] === signature[k]) equal++;
    return equal / this.numPerm;
  }

  private bandEquals(slot: number, signature: Uint32Array, offset: number): boolean {
    const stored = this.chunkOf(slot);
    const base = (slot & this.chunkMask) * this.numPerm + offset;
    for (let k = 0; k < this.rows; k++) if (stored[base + k] !== signature[offset + k]) return false;
    return true;
  }

  private chunkOf(slot: number): Uint32Array {
    return this.chunks[slot >>> this.chunkBits] as Uint32Array;
  }

  private checkLength(signature: Uint32Array): void {
    if (signature.length !== this.numPerm) {
      throw new MinHashError(
        'SIGNATURE_MISMATCH',
        `expected a signature of ${this.numPerm}, got ${signature.length}`,
      );
    }
  }

  private grow(capacity: number): void {
    const next = new Int32Array(capacity * this.bands);
    next.set(this.next);
    this.next = next;
    const seen = new Int32Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }
}

/** A 32-bit hash of signature[offset, offset + rows). */
function bandHash(signature: Uint32Array, offset: number, rows: number): number {
  let h = 0x9e3779b9 | 0;
  for (let k = 0; k < rows; k++) {
    h = Math.imul(h ^ (signature[offset + k] ?? 0), 0x85ebca6b);
    h ^= h >>> 15;
  }
  return h;
}
