/** One eval item a training record matched. */
export interface ContaminationMatch {
  evalId: string;
  /** Distinct n-grams the record shares with this eval item (0 when only MinHash matched). */
  sharedNgrams: number;
  /** Estimated Jaccard (MinHash) between the record and this eval item; NaN when MinHash is off. */
  jaccard: number;
}

/** A training record that matched at least one eval item. */
export interface ContaminatedRecord {
  recordId: string;
  /** By shared n-grams, then Jaccard, both descending. */
  matches: ContaminationMatch[];
  /** Distinct n-grams of the record that occur in some eval item. */
  overlappingNgrams: number;
  /** Distinct n-grams in the record. */
  recordNgrams: number;
  /** overlappingNgrams / recordNgrams (0 when the record has none). */
  overlapRatio: number;
  /** Highest estimated Jaccard over the matches (NaN when MinHash is off). */
  maxJaccard: number;
  /** Which checks fired. */
  reasons: ('ngram' | 'minhash')[];
}

export interface ContaminationReport {
  ngram: number;
  minOverlap: number;
  /** null when the MinHash check is off. */
  minhashThreshold: number | null;
  evalItems: number;
  recordsChecked: number;
  contaminatedRecords: number;
  /** Records matched by the n-gram check / by the MinHash check (a record can count in both). */
  matchedByNgram: number;
  matchedByMinhash: number;
  /** Eval items matched by at least one record, in eval order. */
  evalItemsTouched: string[];
  /** Eval items too short for the n-gram check (see minEvalTokens); MinHash still covers them. */
  evalItemsTooShort: string[];
  records: ContaminatedRecord[];
}
