/** Which way to walk from the start node: towards inputs, towards outcomes, or both (each on its own). */
export const WALK_DIRECTIONS = ['upstream', 'downstream', 'both'] as const;
export type WalkDirection = (typeof WALK_DIRECTIONS)[number];

export interface WalkEdge {
  from: string;
  to: string;
  relation: string;
  occurredAt: Date | null;
  attributes: unknown;
}

/** One step of a walk: the edges leaving the downstream frontier and entering the upstream frontier. */
export interface AdjacencySource {
  step(
    frontier: { downstream: string[]; upstream: string[] },
    limit: number,
  ): Promise<{ downstream: WalkEdge[]; upstream: WalkEdge[] }>;
}

export interface WalkOptions {
  depth: number;
  direction: WalkDirection;
  /** Node cap: the walk stops adding nodes here and reports truncation. */
  maxNodes: number;
}

export interface VisitedNode {
  /** Hops from the start node. */
  distance: number;
  side: 'root' | 'upstream' | 'downstream';
}

export interface WalkResult {
  nodes: Map<string, VisitedNode>;
  edges: WalkEdge[];
  /** True when the node cap (or the per-step edge bound) cut the walk short. */
  truncated: boolean;
}

/**
 * Breadth-first walk with a depth limit and a node cap, one round trip per level (both directions in
 * the same step). "both" is the union of the upstream and the downstream walk, not a walk that turns
 * around: a model version's upstream datasets are shown, not every other model trained on them.
 */
export async function walkGraph(
  root: string,
  options: WalkOptions,
  source: AdjacencySource,
): Promise<WalkResult> {
  const nodes = new Map<string, VisitedNode>([[root, { distance: 0, side: 'root' }]]);
  const edges = new Map<string, WalkEdge>();
  const walkDown = options.direction !== 'upstream';
  const walkUp = options.direction !== 'downstream';
  let frontier = { downstream: walkDown ? [root] : [], upstream: walkUp ? [root] : [] };
  let truncated = false;
  // Bounds one step's rows; a hub (a model version with 100k feedback nodes) must not load them all.
  const stepLimit = options.maxNodes * 4;

  for (let distance = 1; distance <= options.depth; distance++) {
    if (frontier.downstream.length === 0 && frontier.upstream.length === 0) break;
    const found = await source.step(frontier, stepLimit);
    if (found.downstream.length >= stepLimit || found.upstream.length >= stepLimit) truncated = true;
    const next = { downstream: [] as string[], upstream: [] as string[] };
    for (const side of ['downstream', 'upstream'] as const) {
      for (const edge of found[side]) {
        const neighbour = side === 'downstream' ? edge.to : edge.from;
        if (!nodes.has(neighbour)) {
          if (nodes.size >= options.maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(neighbour, { distance, side });
          next[side].push(neighbour);
        }
        edges.set(`${edge.from}|${edge.relation}|${edge.to}`, edge);
      }
    }
    frontier = next;
  }
  return { nodes, edges: [...edges.values()], truncated };
}
