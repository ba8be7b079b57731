import { shingles } from '../text/tokenize';

/** A pair of document indexes (i < j) and their exact Jaccard similarity. */
export interface SimilarPair {
  i: number;
  j: number;
  jaccard: number;
}

/**
 * Every pair of documents whose exact Jaccard over distinct word n-gram shingles is ≥ `minJaccard`
 * (> 0), found through an inverted index so only pairs sharing a shingle are compared. Ground truth
 * for the quality specs and the benchmark; exact but O(Σ postings²) per shingle, so for test sizes.
 */
export function exactSimilarPairs(
  texts: readonly string[],
  ngram: number,
  minJaccard: number,
): SimilarPair[] {
  const sets = texts.map((t) => new Set(shingles(t, ngram)));
  const postings = new Map<string, number[]>();
  sets.forEach((set, doc) => {
    for (const s of set) {
      const list = postings.get(s);
      if (list) list.push(doc);
      else postings.set(s, [doc]);
    }
  });
  const pairs: SimilarPair[] = [];
  const shared = new Map<number, number>();
  sets.forEach((set, i) => {
    shared.clear();
    for (const s of set) {
      for (const j of postings.get(s) ?? []) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, intersection] of shared) {
      const jaccard = intersection / (set.size + (sets[j]?.size ?? 0) - intersection);
      if (jaccard >= minJaccard) pairs.push({ i, j, jaccard });
    }
  });
  return pairs;
}
