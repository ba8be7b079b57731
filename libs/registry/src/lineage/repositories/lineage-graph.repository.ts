import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import type { EdgeFact, JsonObject, NodeFact } from '../domain/lineage-facts';
import type { LineageNodeKind } from '../domain/lineage-node-kind';
import type { LineageRelation } from '../domain/lineage-relation';

/** Writes of the lineage graph: idempotent upserts, so replays and the same fact twice change nothing. */
@Injectable()
export class LineageGraphRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * Inserts or merges a node and returns its key. A reference never overrides what the node's own event
   * said; state values apply only when they are not older than the stored state (events arrive out of
   * order across topics).
   */
  async upsertNode(fact: NodeFact): Promise<string> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      `INSERT INTO registry.lineage_nodes AS n
         (kind, id, label, placeholder, attributes, occurred_at, state_at)
       VALUES ($1, $2, $3, $4, $5::jsonb || $6::jsonb, $7::timestamptz, $8::timestamptz)
       ON CONFLICT (kind, id) DO UPDATE SET
         label = CASE WHEN EXCLUDED.placeholder THEN n.label ELSE EXCLUDED.label END,
         placeholder = n.placeholder AND EXCLUDED.placeholder,
         attributes =
           CASE WHEN EXCLUDED.placeholder THEN $5::jsonb || n.attributes ELSE n.attributes || $5::jsonb END
           || CASE WHEN $8::timestamptz IS NOT NULL AND (n.state_at IS NULL OR $8::timestamptz >= n.state_at)
                   THEN $6::jsonb ELSE '{}'::jsonb END,
         occurred_at = LEAST(n.occurred_at, EXCLUDED.occurred_at),
         state_at = GREATEST(n.state_at, EXCLUDED.state_at),
         updated_at = now()
       RETURNING node_key::text AS node_key`,
      [
        fact.kind,
        fact.id,
        fact.label,
        fact.placeholder,
        JSON.stringify(fact.attributes),
        JSON.stringify(fact.state?.values ?? {}),
        fact.occurredAt,
        fact.state?.at ?? null,
      ],
    );
    const key = rows[0]?.node_key;
    if (key === undefined) throw new Error(`lineage node ${fact.kind}:${fact.id} was not written`);
    return key;
  }

  /** Merges `entries` into the object attribute `field` (one key per entry: no entry overwrites another). */
  async mergeEntries(nodeKey: string, field: string, entries: JsonObject): Promise<void> {
    await this.tx.query(
      `UPDATE registry.lineage_nodes
       SET attributes = attributes || jsonb_build_object($2::text, COALESCE(attributes->$2::text, '{}'::jsonb) || $3::jsonb),
           updated_at = now()
       WHERE node_key = $1`,
      [nodeKey, field, JSON.stringify(entries)],
    );
  }

  /** Inserts an edge or merges it; the earliest time anyone reported for it is kept. */
  async upsertEdge(
    from: string,
    to: string,
    edge: Pick<EdgeFact, 'relation' | 'occurredAt' | 'attributes'>,
  ): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.lineage_edges AS e (from_node, to_node, relation, occurred_at, attributes)
       VALUES ($1, $2, $3, $4::timestamptz, $5::jsonb)
       ON CONFLICT (from_node, to_node, relation) DO UPDATE SET
         occurred_at = LEAST(e.occurred_at, EXCLUDED.occurred_at),
         attributes = e.attributes || EXCLUDED.attributes`,
      [from, to, edge.relation, edge.occurredAt, JSON.stringify(edge.attributes)],
    );
  }

  async recordEventNode(eventId: string, nodeKey: string): Promise<void> {
    await this.tx.query(
      `INSERT INTO registry.lineage_event_nodes (event_id, node_key) VALUES ($1, $2)
       ON CONFLICT (event_id) DO NOTHING`,
      [eventId, nodeKey],
    );
  }

  async nodeOfEvent(eventId: string): Promise<string | null> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      'SELECT node_key::text AS node_key FROM registry.lineage_event_nodes WHERE event_id = $1',
      [eventId],
    );
    return rows[0]?.node_key ?? null;
  }

  async findNodeKey(kind: LineageNodeKind, id: string): Promise<string | null> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      'SELECT node_key::text AS node_key FROM registry.lineage_nodes WHERE kind = $1 AND id = $2',
      [kind, id],
    );
    return rows[0]?.node_key ?? null;
  }

  /** Runs whose plan was fired by this event (they arrived before it). */
  async runsTriggeredBy(eventId: string): Promise<string[]> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      `SELECT node_key::text AS node_key FROM registry.lineage_nodes
       WHERE kind = 'training-run' AND attributes->>'triggerEventId' = $1`,
      [eventId],
    );
    return rows.map((r) => r.node_key);
  }

  /** Nodes one hop downstream of `from` through `relations`, optionally only those with a given status. */
  async downstreamOf(
    from: string,
    relations: readonly LineageRelation[],
    status?: string,
  ): Promise<string[]> {
    const rows = await this.tx.query<{ node_key: string }[]>(
      `SELECT e.to_node::text AS node_key FROM registry.lineage_edges e
       JOIN registry.lineage_nodes n ON n.node_key = e.to_node
       WHERE e.from_node = $1 AND e.relation = ANY($2::text[])
         AND ($3::text IS NULL OR n.attributes->>'status' = $3::text)`,
      [from, relations, status ?? null],
    );
    return rows.map((r) => r.node_key);
  }
}
