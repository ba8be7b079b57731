import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { WALK_DIRECTIONS } from '../domain/graph-walk';
import { LineageNodeKindSchema } from '../domain/lineage-node-kind';
import type { DeploymentInterval } from '../domain/route-intervals';

export const NodeParamsSchema = z.object({
  kind: LineageNodeKindSchema,
  /** The entity's id as its service announced it (a UUID for most kinds). */
  id: z.string().min(1).max(300),
});
export class NodeParamsDto extends createZodDto(NodeParamsSchema) {}

export const GraphQuerySchema = z.object({
  /** Hops from the start node (0 returns the node alone). */
  depth: z.coerce.number().int().min(0).max(10).default(3),
  direction: z.enum(WALK_DIRECTIONS).default('both'),
  /** Node cap; the answer says `truncated: true` when it was reached. */
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export class GraphQueryDto extends createZodDto(GraphQuerySchema) {}
export type GraphQuery = z.output<typeof GraphQuerySchema>;

/** Export format version of the graph JSON (docs/services/registry-lineage.md). */
export const LINEAGE_GRAPH_FORMAT = 'llmops.lineage-graph.v1';

export interface LineageNodeView {
  /** `kind:id`; edges refer to nodes by it. */
  key: string;
  kind: string;
  id: string;
  label: string;
  /** True when only other events referenced the node (its own event has not arrived). */
  placeholder: boolean;
  /** Hops from the start node. */
  distance: number;
  side: 'root' | 'upstream' | 'downstream';
  occurredAt: string | null;
  firstSeenAt: string;
  updatedAt: string;
  attributes: Record<string, unknown>;
  /** Deployments only: when the deployment served its route, and how. */
  intervals?: (DeploymentInterval & { route: string })[];
}

export interface LineageEdgeView {
  from: string;
  to: string;
  relation: string;
  occurredAt: string | null;
  attributes: unknown;
}

export interface LineageGraphView {
  format: typeof LINEAGE_GRAPH_FORMAT;
  root: string;
  depth: number;
  direction: string;
  limit: number;
  truncated: boolean;
  nodes: LineageNodeView[];
  edges: LineageEdgeView[];
}
