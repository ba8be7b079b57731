import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import type { AdjacencySource, WalkEdge } from '../domain/graph-walk';
import type { LineageNodeKind } from '../domain/lineage-node-kind';
import type { DeploymentInterval } from '../domain/route-intervals';

export interface LineageNodeRow {
  node_key: string;
  kind: LineageNodeKind;
  id: string;
  label: string;
  placeholder: boolean;
  attributes: Record<string, unknown>;
  occurred_at: Date | null;
  first_seen_at: Date;
  updated_at: Date;
}

interface EdgeRow {
  side: 'd' | 'u';
  from_node: string;
  to_node: string;
  relation: string;
  occurred_at: Date | null;
  attributes: unknown;
}

/** Reads of the lineage graph for queries: one SQL round trip per walk level, then one for the nodes. */
@Injectable()
export class LineageWalkRepository implements AdjacencySource {
  constructor(private readonly tx: TransactionHost) {}

  async findNode(kind: LineageNodeKind, id: string): Promise<string | null> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      'SELECT node_key::text AS node_key FROM registry.lineage_nodes WHERE kind = $1 AND id = $2',
      [kind, id],
    );
    return rows[0]?.node_key ?? null;
  }

  async step(
    frontier: { downstream: string[]; upstream: string[] },
    limit: number,
  ): Promise<{ downstream: WalkEdge[]; upstream: WalkEdge[] }> {
    // Each side has its own LIMIT so that a hub on one side cannot starve the other.
    const rows = await this.tx.query<EdgeRow[]>(
      `(SELECT 'd' AS side, from_node::text AS from_node, to_node::text AS to_node, relation, occurred_at, attributes
          FROM registry.lineage_edges WHERE from_node = ANY($1::bigint[]) LIMIT $3)
       UNION ALL
       (SELECT 'u' AS side, from_node::text AS from_node, to_node::text AS to_node, relation, occurred_at, attributes
          FROM registry.lineage_edges WHERE to_node = ANY($2::bigint[]) LIMIT $3)`,
      [frontier.downstream, frontier.upstream, limit],
    );
    const result = { downstream: [] as WalkEdge[], upstream: [] as WalkEdge[] };
    for (const row of rows) {
      result[row.side === 'd' ? 'downstream' : 'upstream'].push({
        from: row.from_node,
        to: row.to_node,
        relation: row.relation,
        occurredAt: row.occurred_at,
        attributes: row.attributes,
      });
    }
    return result;
  }

  loadNodes(keys: string[]): Promise<LineageNodeRow[]> {
    return this.tx.query<LineageNodeRow[]>(
      `SELECT node_key::text AS node_key, kind, id, label, placeholder, attributes, occurred_at, first_seen_at, updated_at
       FROM registry.lineage_nodes WHERE node_key = ANY($1::bigint[])`,
      [keys],
    );
  }

  /** Every route state each deployment took part in, in time order (merged into intervals by the caller). */
  async deploymentRows(
    deploymentIds: string[],
  ): Promise<Map<string, (DeploymentInterval & { route: string })[]>> {
    const byDeployment = new Map<string, (DeploymentInterval & { route: string })[]>();
    if (deploymentIds.length === 0) return byDeployment; // most subgraphs: spare the round trip
    const rows = await this.tx.query<
      {
        deployment_id: string;
        route: string;
        valid_from: Date;
        valid_to: Date | null;
        mode: string;
        weight: number;
        status: string;
      }[]
    >(
      `SELECT t.deployment_id, s.route, s.valid_from, s.valid_to, t.mode, t.weight, t.status
       FROM registry.lineage_route_targets t
       JOIN registry.lineage_route_states s ON s.state_id = t.state_id
       WHERE t.deployment_id = ANY($1::uuid[])
       ORDER BY t.deployment_id, s.valid_from, s.revision`,
      [deploymentIds],
    );
    for (const row of rows) {
      const list = byDeployment.get(row.deployment_id) ?? [];
      list.push({
        route: row.route,
        validFrom: row.valid_from.toISOString(),
        validTo: row.valid_to ? row.valid_to.toISOString() : null,
        mode: row.mode,
        weight: row.weight,
        status: row.status,
      });
      byDeployment.set(row.deployment_id, list);
    }
    return byDeployment;
  }
}
