import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@llmops/persistence';
import type { EdgeFact, JsonObject, LineageFacts, NodeFact, RouteLink } from '../domain/lineage-facts';
import { nodeKey, type NodeRef } from '../domain/lineage-node-kind';
import { LineageGraphRepository } from '../repositories/lineage-graph.repository';
import { RouteHistoryRepository } from '../repositories/route-history.repository';

/**
 * Writes one event's lineage facts into the graph, inside the transaction that marks the event as
 * processed. Every write is an idempotent upsert, in a fixed (sorted) order so that two events touching
 * the same nodes concurrently cannot deadlock each other.
 */
@Injectable()
export class LineageRecorder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly graph: LineageGraphRepository,
    private readonly routes: RouteHistoryRepository,
  ) {}

  async record(facts: LineageFacts, eventId: string | null): Promise<void> {
    await this.tx.run(async () => {
      const keys = new Map<string, string>();
      for (const node of [...facts.nodes].sort(byNodeKey)) {
        const key = await this.graph.upsertNode(node);
        keys.set(nodeKey(node), key);
        for (const [field, entries] of groupEntries(node)) await this.graph.mergeEntries(key, field, entries);
      }
      const keyOf = (ref: NodeRef): string => {
        const key = keys.get(nodeKey(ref));
        if (key === undefined) throw new Error(`lineage fact references ${nodeKey(ref)} without a node fact`);
        return key;
      };
      for (const edge of [...facts.edges].sort(byEdgeKey)) {
        await this.graph.upsertEdge(keyOf(edge.from), keyOf(edge.to), edge);
      }
      await this.linkCauses(facts, eventId, keyOf);
      await this.linkApprovals(facts, keyOf);
      for (const link of facts.routeLinks) await this.linkRoute(link, keyOf(link.to));
    });
  }

  /** Event-id links in both arrival orders: the cause arrived first, or the run did. */
  private async linkCauses(
    facts: LineageFacts,
    eventId: string | null,
    keyOf: (ref: NodeRef) => string,
  ): Promise<void> {
    if (eventId && facts.primary) {
      const primary = keyOf(facts.primary);
      await this.graph.recordEventNode(eventId, primary);
      for (const run of await this.graph.runsTriggeredBy(eventId)) {
        await this.graph.upsertEdge(primary, run, {
          relation: 'triggered',
          occurredAt: null,
          attributes: {},
        });
      }
    }
    for (const cause of facts.causes) {
      const from = await this.graph.nodeOfEvent(cause.eventId);
      if (from) await this.graph.upsertEdge(from, keyOf(cause.to), { ...cause, attributes: {} });
    }
  }

  /**
   * An approved request authorises the deployments serving its subject, whichever is learnt first: the
   * approval (link to the subject's deployments so far) or the deployment (link the subject's approvals).
   */
  private async linkApprovals(facts: LineageFacts, keyOf: (ref: NodeRef) => string): Promise<void> {
    for (const grant of facts.approvals) {
      const approval = keyOf(grant.approval);
      for (const deployment of await this.graph.downstreamOf(keyOf(grant.subject), [
        'deployed-as',
        'applied-in',
      ])) {
        await this.graph.upsertEdge(approval, deployment, {
          relation: 'authorised',
          occurredAt: grant.at,
          attributes: {},
        });
      }
    }
    for (const edge of facts.edges) {
      if (edge.relation !== 'deployed-as' && edge.relation !== 'applied-in') continue;
      const deployment = keyOf(edge.to);
      for (const approval of await this.graph.downstreamOf(keyOf(edge.from), ['subject-of'], 'approved')) {
        await this.graph.upsertEdge(approval, deployment, {
          relation: 'authorised',
          occurredAt: edge.occurredAt,
          attributes: {},
        });
      }
    }
  }

  /**
   * A finding about a route hangs off the deployments that served it at the finding's time. Resolved
   * when the finding arrives: a route change announced later than the finding does not re-link it.
   */
  private async linkRoute(link: RouteLink, to: string): Promise<void> {
    const state = await this.routes.stateAt(link.route, link.at);
    if (!state) return;
    const targets = (await this.routes.targetsOf([state.state_id])).filter((t) =>
      link.modelVersionId === null ? t.mode !== 'shadow' : t.model_version_id === link.modelVersionId,
    );
    for (const target of targets) {
      const deployment = await this.graph.findNodeKey('deployment', target.deployment_id);
      if (deployment) {
        await this.graph.upsertEdge(deployment, to, {
          relation: link.relation,
          occurredAt: link.occurredAt,
          attributes: {},
        });
      }
    }
  }
}

function byNodeKey(a: NodeRef, b: NodeRef): number {
  return nodeKey(a) < nodeKey(b) ? -1 : nodeKey(a) > nodeKey(b) ? 1 : 0;
}

function byEdgeKey(a: EdgeFact, b: EdgeFact): number {
  const ka = `${nodeKey(a.from)}|${a.relation}|${nodeKey(a.to)}`;
  const kb = `${nodeKey(b.from)}|${b.relation}|${nodeKey(b.to)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function groupEntries(node: NodeFact): Map<string, JsonObject> {
  const fields = new Map<string, JsonObject>();
  for (const entry of node.entries ?? []) {
    fields.set(entry.field, { ...fields.get(entry.field), [entry.key]: entry.value });
  }
  return fields;
}
