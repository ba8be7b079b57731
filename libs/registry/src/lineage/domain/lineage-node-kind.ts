import { z } from 'zod';

/**
 * What a lineage node stands for. Every kind is an entity some service announces (or references) in its
 * events; `base-model` (a builtin or Hugging Face foundation outside the registry) and `drift-report` (a
 * monitoring finding that is not an alert) complete the list so that every lineage fact in the
 * contracts has somewhere to land. Adding a kind needs a migration (the table checks the list).
 */
export const LINEAGE_NODE_KINDS = [
  'source',
  'dataset-version',
  'labeling-project',
  'labeling-export',
  'base-model',
  'training-run',
  'model-version',
  'evaluation',
  'approval',
  'deployment',
  'alert',
  'drift-report',
  'feedback',
  'retraining-request',
  'prompt-version',
] as const;

export const LineageNodeKindSchema = z.enum(LINEAGE_NODE_KINDS);

export type LineageNodeKind = (typeof LINEAGE_NODE_KINDS)[number];

/** A node's identity: the kind plus the id the owning service gave the entity. */
export interface NodeRef {
  kind: LineageNodeKind;
  id: string;
}

/** `kind:id`, the node's key in exported graphs (ids never contain a kind prefix, so it is unambiguous). */
export function nodeKey(ref: NodeRef): string {
  return `${ref.kind}:${ref.id}`;
}
