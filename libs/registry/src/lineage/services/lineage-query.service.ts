import { Injectable } from '@nestjs/common';
import { AppError } from '@llmops/http';
import { walkGraph } from '../domain/graph-walk';
import type { LineageNodeKind } from '../domain/lineage-node-kind';
import { mergeDeploymentIntervals } from '../domain/route-intervals';
import {
  LINEAGE_GRAPH_FORMAT,
  type GraphQuery,
  type LineageGraphView,
  type LineageNodeView,
} from '../dtos/lineage-graph.dto';
import { LineageWalkRepository } from '../repositories/lineage-walk.repository';

/** The subgraph around one node, in the JSON the console draws. */
@Injectable()
export class LineageQueryService {
  constructor(private readonly walk: LineageWalkRepository) {}

  async subgraph(kind: LineageNodeKind, id: string, query: GraphQuery): Promise<LineageGraphView> {
    const root = await this.walk.findNode(kind, id);
    if (!root) throw new AppError('LINEAGE_NODE_NOT_FOUND', 404, `no lineage node ${kind}:${id}`);
    const result = await walkGraph(
      root,
      { depth: query.depth, direction: query.direction, maxNodes: query.limit },
      this.walk,
    );
    const rows = await this.walk.loadNodes([...result.nodes.keys()]);
    const keyOf = new Map(rows.map((r) => [r.node_key, `${r.kind}:${r.id}`]));
    const deployments = await this.walk.deploymentRows(
      rows.filter((r) => r.kind === 'deployment').map((r) => r.id),
    );
    const nodes: LineageNodeView[] = rows.map((r) => {
      const visit = result.nodes.get(r.node_key) ?? { distance: 0, side: 'root' as const };
      const intervals = deployments.get(r.id);
      return {
        key: `${r.kind}:${r.id}`,
        kind: r.kind,
        id: r.id,
        label: r.label,
        placeholder: r.placeholder,
        distance: visit.distance,
        side: visit.side,
        occurredAt: r.occurred_at ? r.occurred_at.toISOString() : null,
        firstSeenAt: r.first_seen_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        attributes: r.attributes,
        ...(r.kind === 'deployment'
          ? { intervals: intervals ? mergeDeploymentIntervals(intervals) : [] }
          : {}),
      };
    });
    nodes.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key));
    const edges = result.edges.flatMap((e) => {
      const from = keyOf.get(e.from);
      const to = keyOf.get(e.to);
      if (!from || !to) return [];
      return [
        {
          from,
          to,
          relation: e.relation,
          occurredAt: e.occurredAt ? e.occurredAt.toISOString() : null,
          attributes: e.attributes,
        },
      ];
    });
    return {
      format: LINEAGE_GRAPH_FORMAT,
      root: `${kind}:${id}`,
      depth: query.depth,
      direction: query.direction,
      limit: query.limit,
      truncated: result.truncated,
      nodes,
      edges,
    };
  }
}
