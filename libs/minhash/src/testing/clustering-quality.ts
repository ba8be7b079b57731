import type { NearDuplicateCluster } from '../dedup/cluster-near-duplicates';
import type { SimilarPair } from './exact-similar-pairs';

/**
 * Quality of a clustering against exact Jaccard, over unordered document pairs:
 * - truth      T = pairs with exact Jaccard ≥ threshold;
 * - detected   D = pairs placed in the same cluster;
 * - precision  = |T ∩ D| / |D|, recall = |T ∩ D| / |T| (1 when the denominator is 0).
 * Two duplicates of the same kept document form a detected pair too, and it is only correct when those
 * two are themselves ≥ threshold: the strict reading of "same cluster means near-duplicate".
 *
 * Two dedup readings, about the kept set rather than the clusters:
 * - keptEdgePrecision: share of removed documents whose exact Jaccard with the kept document they were
 *   removed for is ≥ threshold (was each removal justified?);
 * - eliminationRecall: share of true pairs that do not survive, i.e. not both documents kept (is the
 *   output free of near-duplicate pairs?).
 */
export interface ClusteringQuality {
  truePairs: number;
  detectedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  /** Documents removed as near-duplicates (cluster members after the first). */
  removed: number;
  keptEdgePrecision: number;
  eliminationRecall: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function clusteringQuality(
  ids: readonly string[],
  clusters: readonly NearDuplicateCluster[],
  similarPairs: readonly SimilarPair[],
  threshold: number,
): ClusteringQuality {
  const index = new Map(ids.map((id, i) => [id, i]));
  const key = (a: number, b: number): number => (a < b ? a * ids.length + b : b * ids.length + a);
  const truth = new Set<number>();
  for (const p of similarPairs) if (p.jaccard >= threshold) truth.add(key(p.i, p.j));

  let detectedPairs = 0;
  let correctPairs = 0;
  let correctEdges = 0;
  const removed = new Set<number>();
  for (const { ids: members } of clusters) {
    const docs = members.map((id) => index.get(id) ?? -1);
    for (let x = 0; x < docs.length; x++) {
      for (let y = x + 1; y < docs.length; y++) {
        detectedPairs++;
        if (truth.has(key(docs[x] ?? 0, docs[y] ?? 0))) correctPairs++;
      }
    }
    const kept = docs[0] ?? 0;
    for (const doc of docs.slice(1)) {
      removed.add(doc);
      if (truth.has(key(kept, doc))) correctEdges++;
    }
  }
  let survived = 0;
  for (const k of truth) {
    if (!removed.has(Math.floor(k / ids.length)) && !removed.has(k % ids.length)) survived++;
  }
  return {
    truePairs: truth.size,
    detectedPairs,
    correctPairs,
    precision: ratio(correctPairs, detectedPairs),
    recall: ratio(correctPairs, truth.size),
    removed: removed.size,
    keptEdgePrecision: ratio(correctEdges, removed.size),
    eliminationRecall: truth.size === 0 ? 1 : 1 - survived / truth.size,
  };
}

/** Same-cluster pair agreement of `actual` with `expected` clusters (precision and recall of pairs). */
export function pairAgreement(
  expected: readonly NearDuplicateCluster[],
  actual: readonly NearDuplicateCluster[],
): { expectedPairs: number; actualPairs: number; commonPairs: number; precision: number; recall: number } {
  const e = sameClusterPairs(expected);
  const a = sameClusterPairs(actual);
  let common = 0;
  for (const p of a) if (e.has(p)) common++;
  return {
    expectedPairs: e.size,
    actualPairs: a.size,
    commonPairs: common,
    precision: ratio(common, a.size),
    recall: ratio(common, e.size),
  };
}

function sameClusterPairs(clusters: readonly NearDuplicateCluster[]): Set<string> {
  const out = new Set<string>();
  for (const { ids } of clusters) {
    const sorted = [...ids].sort();
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < sorted.length; y++) out.add(`${sorted[x] ?? ''}\u0000${sorted[y] ?? ''}`);
    }
  }
  return out;
}
