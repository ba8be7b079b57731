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
 * Clusters documents as they stream past, in input order: each document joins the cluster of the kept
 * document it near-duplicates. So a cluster is a kept document and the later documents that match it
 * (a star, not a transitive chain: A~B and B~C does not pull C into A's cluster unless C~A). Holds
 * signatures and ids, never texts.
 */
export class NearDuplicateClusterer {
  private readonly index: NearDuplicateIndex;
  private readonly kept = new Set<string>();
  private readonly members = new Map<string, string[]>();

  constructor(options: NearDuplicateOptions) {
    this.index = new NearDuplicateIndex(options);
  }

  /** Adds a document; returns the id of the kept document it duplicates, or null when it is kept. */
  add(id: string, text: string): string | null {
    const original = this.index.add(id, text);
    if (original === null) {
      this.kept.add(id);
      return null;
    }
    const ids = this.members.get(original);
    if (ids) ids.push(id);
    else this.members.set(original, [original, id]);
    return original;
  }

  result(): NearDuplicateClustering {
    // Map iteration is in order of each cluster's first duplicate; number clusters by their kept document.
    const order = new Map<string, number>();
    let position = 0;
    for (const id of this.kept) order.set(id, position++);
    const clusters = [...this.members.values()]
      .sort((a, b) => (order.get(a[0] ?? '') ?? 0) - (order.get(b[0] ?? '') ?? 0))
      .map((ids, cluster) => ({ cluster, ids }));
    return { clusters, kept: this.kept };
  }
}

/** Batch form of NearDuplicateClusterer. */
export function clusterNearDuplicates(
  documents: Iterable<{ id: string; text: string }>,
  options: NearDuplicateOptions,
): NearDuplicateClustering {
  const clusterer = new NearDuplicateClusterer(options);
  for (const { id, text } of documents) clusterer.add(id, text);
  return clusterer.result();
}
