import type { JsonValue } from '@llmops/contracts';
import { nodeKey, type NodeRef } from './lineage-node-kind';
import type { LineageRelation } from './lineage-relation';

export type JsonObject = { [key: string]: JsonValue };

/** What one event says about one node. */
export interface NodeFact extends NodeRef {
  /** Display name for drawings; a node's own event sets it, a reference only fills it in when empty. */
  label: string;
  /** True when the event only references the node (its own event may come later, or never). */
  placeholder: boolean;
  /** When the entity came to be (its own event's time); null for a reference. */
  occurredAt: string | null;
  /** Facts that do not change once known (ids, names, configuration); merged into the node's attributes. */
  attributes: JsonObject;
  /** Facts that change over time (status, stage, health); applied only if not older than what is stored. */
  state?: { at: string; values: JsonObject };
  /** Entries merged into an object attribute (e.g. one approver's decision), so none overwrites another. */
  entries?: { field: string; key: string; value: JsonValue }[];
}

export interface EdgeFact {
  from: NodeRef;
  to: NodeRef;
  relation: LineageRelation;
  /** When the link came to be; the earliest report wins. */
  occurredAt: string | null;
  attributes: JsonObject;
}

/** Links whose upstream end is whatever served a route at a time (resolved against deployment history). */
export interface RouteLink {
  route: string;
  at: string;
  /** Only the targets serving this model version, or every non-shadow target when null. */
  modelVersionId: string | null;
  to: NodeRef;
  relation: LineageRelation;
  occurredAt: string;
}

/** A link from the node that another event created (by that event's id) to this node. */
export interface CauseLink {
  eventId: string;
  to: NodeRef;
  relation: LineageRelation;
  occurredAt: string;
}

/** An approval request became approved: it authorises the deployments that serve its subject. */
export interface ApprovalGranted {
  approval: NodeRef;
  subject: NodeRef;
  at: string;
}

/** Everything one event contributes to the lineage graph. */
export interface LineageFacts {
  /** The node this event is about (looked up by event id when a later event names it as its cause). */
  primary: NodeRef | null;
  nodes: NodeFact[];
  edges: EdgeFact[];
  routeLinks: RouteLink[];
  causes: CauseLink[];
  approvals: ApprovalGranted[];
}

/** Normalises an RFC 3339 time to UTC `toISOString` form, so stored times compare as text and as instants. */
export function utc(time: string): string {
  return new Date(time).toISOString();
}

/**
 * Collects one event's facts. A node mentioned twice in one event (say, a dataset version used for two
 * splits) becomes one fact, so the writer never upserts the same row twice in a statement batch.
 */
export class FactSet {
  private readonly nodes = new Map<string, NodeFact>();
  private readonly edges = new Map<string, EdgeFact>();
  private readonly routeLinks: RouteLink[] = [];
  private readonly causes: CauseLink[] = [];
  private readonly approvals: ApprovalGranted[] = [];
  private primary: NodeRef | null = null;

  /** Records the event's own node. */
  own(fact: Omit<NodeFact, 'placeholder'>): NodeRef {
    const ref = this.node({ ...fact, placeholder: false });
    this.primary ??= ref;
    return ref;
  }

  /** Records a node the event only points at. */
  ref(ref: NodeRef, label: string, attributes: JsonObject = {}): NodeRef {
    return this.node({ ...ref, label, placeholder: true, occurredAt: null, attributes });
  }

  node(input: NodeFact): NodeRef {
    const fact: NodeFact = {
      ...input,
      occurredAt: input.occurredAt === null ? null : utc(input.occurredAt),
      ...(input.state ? { state: { at: utc(input.state.at), values: input.state.values } } : {}),
    };
    const key = nodeKey(fact);
    const seen = this.nodes.get(key);
    this.nodes.set(key, seen ? mergeNodeFacts(seen, fact) : fact);
    return { kind: fact.kind, id: fact.id };
  }

  edge(
    from: NodeRef,
    to: NodeRef,
    relation: LineageRelation,
    occurredAt: string | null,
    attributes: JsonObject = {},
  ): void {
    const key = `${nodeKey(from)}|${relation}|${nodeKey(to)}`;
    const seen = this.edges.get(key);
    this.edges.set(key, {
      from,
      to,
      relation,
      occurredAt: occurredAt === null ? null : utc(occurredAt),
      attributes: { ...seen?.attributes, ...attributes },
    });
  }

  routeLink(link: RouteLink): void {
    this.routeLinks.push({ ...link, at: utc(link.at), occurredAt: utc(link.occurredAt) });
  }

  cause(link: CauseLink): void {
    this.causes.push({ ...link, occurredAt: utc(link.occurredAt) });
  }

  approvalGranted(grant: ApprovalGranted): void {
    this.approvals.push({ ...grant, at: utc(grant.at) });
  }

  build(): LineageFacts {
    const first = this.nodes.values().next();
    return {
      primary: this.primary ?? (first.done ? null : { kind: first.value.kind, id: first.value.id }),
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()],
      routeLinks: [...this.routeLinks],
      causes: [...this.causes],
      approvals: [...this.approvals],
    };
  }
}

function mergeNodeFacts(a: NodeFact, b: NodeFact): NodeFact {
  const own = !a.placeholder ? a : b;
  const state = a.state && b.state ? (a.state.at >= b.state.at ? a.state : b.state) : (a.state ?? b.state);
  const entries = [...(a.entries ?? []), ...(b.entries ?? [])];
  return {
    kind: a.kind,
    id: a.id,
    label: own.label,
    placeholder: a.placeholder && b.placeholder,
    occurredAt: own.occurredAt ?? a.occurredAt ?? b.occurredAt,
    attributes: { ...a.attributes, ...b.attributes, ...own.attributes },
    ...(state ? { state } : {}),
    ...(entries.length > 0 ? { entries } : {}),
  };
}
