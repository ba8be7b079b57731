import { assertNumberInRange } from '../errors/minhash-error';
import { LshIndex } from '../lsh/lsh-index';
import { optimalLshParams, type LshParams } from '../lsh/optimal-lsh-params';
import { TextMinHasher } from '../minhash/text-min-hasher';
import { DEFAULT_DEDUP_WEIGHTS, type NearDuplicateOptions } from './near-duplicate-options';

/**
 * Streaming near-duplicate filter: `add` each document once, in order; it answers with the id of an
 * earlier kept document it near-duplicates, or null when the document is new and is kept.
 *
 * Only kept documents are indexed, so every duplicate points at a kept document (never at another
 * duplicate, so no chains form), and memory grows with the kept set only: numPerm × 4 bytes of
 * signature plus one int per band per kept document.
 *
 * Documents without a single token have no shingles; Jaccard is undefined for them, so they are kept
 * and never matched (filter empty records before deduplication if they are unwanted).
 * Ids are not checked for uniqueness.
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  readonly verify: boolean;
  readonly params: LshParams;
  private readonly hasher: TextMinHasher;
  private readonly lsh: LshIndex;
  private readonly keptIds: string[] = [];
  private readonly signature: Uint32Array;
  private best = -1;
  private bestJaccard = -1;
  private readonly visit = (slot: number): void => {
    const similarity = this.lsh.jaccardWith(slot, this.signature);
    // Highest estimate wins; the earliest kept document breaks ties.
    if (similarity > this.bestJaccard || (similarity === this.bestJaccard && slot < this.best)) {
      this.best = slot;
      this.bestJaccard = similarity;
    }
  };

  constructor(options: NearDuplicateOptions) {
    assertNumberInRange('threshold', options.threshold, 0, 1);
    this.threshold = options.threshold;
    this.verify = options.verify ?? true;
    this.hasher = new TextMinHasher(options);
    const { bands, rows } =
      options.params ??
      optimalLshParams(options.threshold, this.hasher.numPerm, options.weights ?? DEFAULT_DEDUP_WEIGHTS);
    this.params = { bands, rows };
    this.lsh = new LshIndex(this.hasher.numPerm, this.params);
    this.signature = new Uint32Array(this.hasher.numPerm);
  }

  /** Number of documents kept (and indexed) so far. */
  get keptCount(): number {
    return this.keptIds.length;
  }

  /** The id of the earlier kept document `text` near-duplicates, or null (then `id` is kept). */
  add(id: string, text: string): string | null {
    const shingleCount = this.hasher.signatureInto(text, this.signature);
    if (shingleCount === 0) return null;
    const match = this.findMatch();
    if (match !== null) return match;
    this.lsh.insert(this.signature);
    this.keptIds.push(id);
    return null;
  }

  /** Like `add` but only asks: the best kept match for `text`, without keeping it. */
  match(text: string): { id: string; jaccard: number } | null {
    if (this.hasher.signatureInto(text, this.signature) === 0) return null;
    const id = this.findMatch();
    return id === null ? null : { id, jaccard: this.bestJaccard };
  }

  private findMatch(): string | null {
    this.best = -1;
    this.bestJaccard = -1;
    this.lsh.query(this.signature, this.visit);
    if (this.best < 0 || (this.verify && this.bestJaccard < this.threshold)) return null;
    return this.keptIds[this.best] ?? null;
  }
}
