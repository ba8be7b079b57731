import { NearDuplicateIndex } from './near-duplicate-index';
import type { NearDuplicateOptions } from './near-duplicate-options';

export interface NearDuplicateCluster {
  /** 0, 1, 2… in the input order of the clusters' first documents. */
  cluster: number;
  /** The kept document first, then its near-duplicates, in input order; always ≥ 2 ids. */
  ids: string[];
}

export interface NearDuplicateClustering {
  clusters: NearDuplicateCluster[];
  /** The first document of every cluster plus every document that near-duplicates nothing. */
  kept: Set<string>;
}

/**
 * Batch form of NearDuplicateIndex: one pass in input order, each document joining the cluster of the
 * kept document it near-duplicates. So a cluster is a kept document and the later documents that match
 * it (a star, not a transitive chain: A~B and B~C does not pull C into A's cluster unless C~A).
 */
export function clusterNearDuplicates(
  documents: Iterable<{ id: string; text: string }>,
  options: NearDuplicateOptions,
): NearDuplicateClustering {
  const index = new NearDuplicateIndex(options);
  const kept = new Set<string>();
  const members = new Map<string, string[]>();
  for (const { id, text } of documents) {
    const original = index.add(id, text);
    if (original === null) {
      kept.add(id);
      continue;
    }
    const ids = members.get(original);
    if (ids) ids.push(id);
    else members.set(original, [original, id]);
  }
  // Map iteration is in order of each cluster's first duplicate; number clusters by their kept document.
  const order = new Map<string, number>();
  let position = 0;
  for (const id of kept) order.set(id, position++);
  const clusters = [...members.values()]
    .sort((a, b) => (order.get(a[0] ?? '') ?? 0) - (order.get(b[0] ?? '') ?? 0))
    .map((ids, cluster) => ({ cluster, ids }));
  return { clusters, kept };
}
