import type { Actor } from '@llmops/contracts';

/** The actor recorded in events and history for an authenticated caller. */
export function actorOf(principal: {
  subject: string;
  kind: Actor['kind'];
  roles: readonly string[];
}): Actor {
  return { subject: principal.subject, kind: principal.kind, roles: [...principal.roles] };
}

/** The registry acting on its own (automatic registration from a training run). */
export const REGISTRY_ACTOR: Actor = { subject: 'registry', kind: 'service', roles: ['service'] };
