import type { ModelStage } from '@llmops/contracts';

/**
 * The lifecycle graph. The order (registered → candidate → staging → production → deprecated →
 * archived) plus the moves teams need in practice: skipping `candidate` when a gate promotes a fresh
 * version straight to staging, sending a staging version back to candidate, rolling a deprecated version
 * back into production, and retiring (archiving) anything not live. Production is never archived directly:
 * it is deprecated first (by hand, or by the next promotion), so serving always sees a stop before a removal.
 */
const TRANSITIONS: Readonly<Record<ModelStage, readonly ModelStage[]>> = {
  registered: ['candidate', 'staging', 'archived'],
  candidate: ['staging', 'archived'],
  staging: ['production', 'candidate', 'archived'],
  production: ['deprecated'],
  deprecated: ['production', 'archived'],
  archived: [],
};

/** Stages a version in `stage` may move to, in lifecycle order. */
export function allowedTargetStages(stage: ModelStage): ModelStage[] {
  return [...TRANSITIONS[stage]];
}

export function isTransitionAllowed(from: ModelStage, to: ModelStage): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Stages the promotion gate (approvals) is asked about before a version may enter them. */
export function isGatedStage(stage: ModelStage): boolean {
  return stage === 'staging' || stage === 'production';
}
