import type { Principal } from '@llmops/auth';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';

/** The caller as an Actor; every route here is authenticated, so a missing principal is a wiring bug. */
export function principalActor(principal: Principal | undefined): Actor {
  if (!principal) throw new AppError('AUTH_UNAUTHENTICATED', 401, 'this route needs an authenticated caller');
  return { subject: principal.subject, kind: principal.kind, roles: [...principal.roles] };
}
