import type { Principal } from '@llmops/auth';
import type { Actor } from '@llmops/contracts';
import { AppError } from '@llmops/http';

/** The caller as the Actor events and history record; every prompt route is authenticated. */
export function principalActor(principal: Principal | undefined): Actor {
  if (!principal) throw new AppError('AUTH_UNAUTHENTICATED', 401, 'this route needs an authenticated caller');
  return { subject: principal.subject, kind: principal.kind, roles: [...principal.roles] };
}
