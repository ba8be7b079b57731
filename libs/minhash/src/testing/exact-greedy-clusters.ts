import type { NearDuplicateCluster } from '../dedup/cluster-near-duplicates';
import type { SimilarPair } from './exact-similar-pairs';

/**
 * What clusterNearDuplicates would return with exact Jaccard in place of MinHash + LSH: the same single
 * pass, each document joining the kept document with the highest exact Jaccard ≥ threshold (earliest
 * on ties). The gap between this and the real clustering is the approximation error alone; the gap
 * between this and "all pairs ≥ threshold" is what any star clustering of the corpus must give up.
 */
export function exactGreedyClusters(
  ids: readonly string[],
  pairs: readonly SimilarPair[],
  threshold: number,
): NearDuplicateCluster[] {
  const earlier = new Map<number, SimilarPair[]>();
  for (const p of pairs) {
    if (p.jaccard < threshold) continue;
    const list = earlier.get(p.j);
    if (list) list.push(p);
    else earlier.set(p.j, [p]);
  }
  const keptFor = new Int32Array(ids.length).fill(-1);
  const members = new Map<number, number[]>();
  for (let doc = 0; doc < ids.length; doc++) {
    let best = -1;
    let bestJaccard = -1;
    for (const p of earlier.get(doc) ?? []) {
      if (keptFor[p.i] !== -1) continue; // only kept documents can be matched
      if (p.jaccard > bestJaccard || (p.jaccard === bestJaccard && p.i < best)) {
        best = p.i;
        bestJaccard = p.jaccard;
      }
    }
    if (best < 0) continue;
    keptFor[doc] = best;
    const list = members.get(best);
    if (list) list.push(doc);
    else members.set(best, [best, doc]);
  }
  return [...members.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, docs], cluster) => ({ cluster, ids: docs.map((d) => ids[d] ?? '') }));
}
