import { assertIntegerInRange, assertNumberInRange } from '../errors/minhash-error';
import { DEFAULT_DEDUP_WEIGHTS } from '../dedup/near-duplicate-options';
import { LshIndex } from '../lsh/lsh-index';
import { optimalLshParams } from '../lsh/optimal-lsh-params';
import { TextMinHasher } from '../minhash/text-min-hasher';
import { TokenBuffer } from '../text/token-buffer';
import type { ContaminationOptions } from './contamination-options';
import type { ContaminatedRecord, ContaminationMatch, ContaminationReport } from './contamination-report';
import { uniqueKeys, writeNgramKeys } from './ngram-keys';

interface EvalItem {
  id: string;
  text: string;
}

/**
 * Checks training records against a held eval set, one record at a time. The eval side is held in
 * memory — an n-gram key → eval items table, and MinHash signatures in an LSH index — and records
 * stream through `check`, so memory is bounded by the eval set plus the contaminated records kept for
 * the report (call `check` and keep only what you need if even that is too much).
 */
export class ContaminationChecker {
  readonly ngram: number;
  readonly minOverlap: number;
  readonly minEvalTokens: number;
  readonly minhashThreshold: number | null;
  private readonly evalIds: string[] = [];
  /** n-gram key → eval item index, or indexes when several eval items share the n-gram. */
  private readonly table = new Map<number, number | number[]>();
  /** Token counts (< ngram) of eval items matched by their whole sequence. */
  private readonly shortLengths = new Set<number>();
  private readonly tooShort: string[] = [];
  private readonly tokens = new TokenBuffer();
  private keys = new Float64Array(1024);
  private readonly hasher: TextMinHasher | null;
  private readonly lsh: LshIndex | null;
  private readonly signature: Uint32Array;
  /** Eval index → LSH slot (−1: no tokens, no signature), and back. */
  private readonly slots: number[] = [];
  private readonly slotItems: number[] = [];
  private readonly shared = new Map<number, number>();
  private readonly touched = new Set<number>();
  private readonly contaminated: ContaminatedRecord[] = [];
  private recordsChecked = 0;
  private matchedByNgram = 0;
  private matchedByMinhash = 0;

  constructor(evalItems: Iterable<EvalItem>, options: ContaminationOptions = {}) {
    this.ngram = options.ngram ?? 13;
    this.minOverlap = options.minOverlap ?? 1;
    this.minEvalTokens = options.minEvalTokens ?? 8;
    assertIntegerInRange('ngram', this.ngram, 1, 1000);
    assertIntegerInRange('minOverlap', this.minOverlap, 1, 1_000_000);
    assertIntegerInRange('minEvalTokens', this.minEvalTokens, 1, 1000);
    const minhash = options.minhash === false ? null : (options.minhash ?? {});
    if (minhash) {
      this.minhashThreshold = minhash.threshold ?? 0.8;
      assertNumberInRange('minhash.threshold', this.minhashThreshold, 0, 1);
      this.hasher = new TextMinHasher({ ngram: 5, ...minhash });
      const params = optimalLshParams(
        this.minhashThreshold,
        this.hasher.numPerm,
        minhash.weights ?? DEFAULT_DEDUP_WEIGHTS,
      );
      this.lsh = new LshIndex(this.hasher.numPerm, params);
    } else {
      this.minhashThreshold = null;
      this.hasher = null;
      this.lsh = null;
    }
    this.signature = new Uint32Array(this.hasher?.numPerm ?? 0);
    for (const item of evalItems) this.addEvalItem(item);
  }

  /** Checks one training record; returns its entry when it matched any eval item, else null. */
  check(record: { id: string; text: string }): ContaminatedRecord | null {
    this.recordsChecked++;
    const { overlapping, distinct } = this.countSharedNgrams(record.text);
    const matches = new Map<number, ContaminationMatch>();
    let byNgram = false;
    for (const [item, count] of this.shared) {
      if (count < this.minOverlap) continue;
      byNgram = true;
      matches.set(item, { evalId: this.evalIds[item] ?? '', sharedNgrams: count, jaccard: NaN });
    }
    const byMinhash = this.addMinhashMatches(record.text, matches);
    if (matches.size === 0) return null;

    if (byNgram) this.matchedByNgram++;
    if (byMinhash) this.matchedByMinhash++;
    for (const item of matches.keys()) this.touched.add(item);
    const list = [...matches.values()].sort(
      (a, b) => b.sharedNgrams - a.sharedNgrams || (b.jaccard || 0) - (a.jaccard || 0),
    );
    const entry: ContaminatedRecord = {
      recordId: record.id,
      matches: list,
      overlappingNgrams: overlapping,
      recordNgrams: distinct,
      overlapRatio: distinct === 0 ? 0 : overlapping / distinct,
      maxJaccard: this.lsh ? Math.max(...list.map((m) => m.jaccard)) : NaN,
      reasons: reasonsFor(byNgram, byMinhash),
    };
    this.contaminated.push(entry);
    return entry;
  }

  /** Totals so far, and every contaminated record in the order checked. */
  report(): ContaminationReport {
    return {
      ngram: this.ngram,
      minOverlap: this.minOverlap,
      minhashThreshold: this.minhashThreshold,
      evalItems: this.evalIds.length,
      recordsChecked: this.recordsChecked,
      contaminatedRecords: this.contaminated.length,
      matchedByNgram: this.matchedByNgram,
      matchedByMinhash: this.matchedByMinhash,
      evalItemsTouched: [...this.touched].sort((a, b) => a - b).map((i) => this.evalIds[i] ?? ''),
      evalItemsTooShort: [...this.tooShort],
      records: [...this.contaminated],
    };
  }

  private addEvalItem(item: EvalItem): void {
    const index = this.evalIds.length;
    this.evalIds.push(item.id);
    const tokens = this.tokens.load(item.text);
    let end: number;
    if (tokens.count >= this.ngram) {
      end = writeNgramKeys(tokens, this.ngram, this.ensureKeys(tokens.count), 0);
    } else if (tokens.count >= this.minEvalTokens) {
      this.shortLengths.add(tokens.count);
      end = writeNgramKeys(tokens, tokens.count, this.ensureKeys(1), 0);
    } else {
      this.tooShort.push(item.id);
      end = 0;
    }
    end = uniqueKeys(this.keys, 0, end);
    for (let i = 0; i < end; i++) {
      const key = this.keys[i] ?? 0;
      const known = this.table.get(key);
      if (known === undefined) this.table.set(key, index);
      else if (typeof known === 'number') this.table.set(key, [known, index]);
      else known.push(index);
    }
    if (this.hasher && this.lsh) {
      const shingles = this.hasher.signatureInto(item.text, this.signature);
      const slot = shingles === 0 ? -1 : this.lsh.insert(this.signature);
      this.slots.push(slot);
      if (slot >= 0) this.slotItems[slot] = index;
    }
  }

  /**
   * Fills `shared` (eval index → distinct shared n-grams) for `text`; returns how many of the record's
   * distinct n-grams occur in the eval set, and how many distinct n-grams it has.
   */
  private countSharedNgrams(text: string): { overlapping: number; distinct: number } {
    this.shared.clear();
    const tokens = this.tokens.load(text);
    const keys = this.ensureKeys(tokens.count * (1 + this.shortLengths.size));
    const distinct = uniqueKeys(keys, 0, writeNgramKeys(tokens, this.ngram, keys, 0));
    let end = distinct;
    for (const length of this.shortLengths) {
      const from = end;
      end = uniqueKeys(keys, from, writeNgramKeys(tokens, length, keys, from));
    }
    let overlapping = 0;
    for (let i = 0; i < end; i++) {
      const items = this.table.get(keys[i] ?? 0);
      if (items === undefined) continue;
      if (i < distinct) overlapping++;
      if (typeof items === 'number') this.shared.set(items, (this.shared.get(items) ?? 0) + 1);
      else for (const item of items) this.shared.set(item, (this.shared.get(item) ?? 0) + 1);
    }
    return { overlapping, distinct };
  }

  /** Adds MinHash matches ≥ threshold and fills in Jaccard for n-gram matches; true if any matched. */
  private addMinhashMatches(text: string, matches: Map<number, ContaminationMatch>): boolean {
    const { hasher, lsh, minhashThreshold } = this;
    if (!hasher || !lsh || minhashThreshold === null) return false;
    if (hasher.signatureInto(text, this.signature) === 0) return false;
    for (const [item, match] of matches) {
      const slot = this.slots[item] ?? -1;
      if (slot >= 0) match.jaccard = lsh.jaccardWith(slot, this.signature);
    }
    let matched = false;
    lsh.query(this.signature, (slot) => {
      const jaccard = lsh.jaccardWith(slot, this.signature);
      if (jaccard < minhashThreshold) return;
      matched = true;
      const item = this.slotItems[slot] ?? -1;
      const known = matches.get(item);
      if (known) known.jaccard = jaccard;
      else matches.set(item, { evalId: this.evalIds[item] ?? '', sharedNgrams: 0, jaccard });
    });
    return matched;
  }

  private ensureKeys(size: number): Float64Array {
    if (this.keys.length < size) this.keys = new Float64Array(size * 2);
    return this.keys;
  }
}

function reasonsFor(byNgram: boolean, byMinhash: boolean): ContaminatedRecord['reasons'] {
  const reasons: ContaminatedRecord['reasons'] = [];
  if (byNgram) reasons.push('ngram');
  if (byMinhash) reasons.push('minhash');
  return reasons;
}
