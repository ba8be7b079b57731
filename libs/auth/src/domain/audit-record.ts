import type { Principal } from './principal';
import type { Role } from './role';

/** The caller of an audited call; `anonymous` for mutating `@Public()` routes. */
export interface AuditActor {
  subject: string;
  kind: Principal['kind'] | 'anonymous';
  roles: Role[];
}

/** One audited mutating call. Sinks persist or publish it (e.g. as the service's `audit-recorded` event). */
export interface AuditRecord {
  actor: AuditActor;
  /** HTTP method and route template, e.g. `POST /v1/datasets` or `PUT /v1/datasets/:id`. */
  action: string;
  /** What was changed: `type` from `@AuditResource()` or the first path segment after `/v1`. */
  resource: { type: string; id?: string };
  /** State before the change, as the handler stored it with `setAuditBefore()`; null when not given. */
  before: unknown;
  /** The response body of the successful call; null for empty or binary responses. */
  after: unknown;
  /** ISO-8601 time the call completed. */
  at: string;
  /** `x-request-id` header or the framework's request id. */
  requestId?: string;
}
