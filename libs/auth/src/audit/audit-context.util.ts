/*
 * Per-request audit details a handler can add. Kept in WeakMaps keyed by the request object so nothing
 * is added to the framework's request shape and nothing outlives the request.
 */

const before = new WeakMap<object, unknown>();
const resourceIds = new WeakMap<object, string>();
const claimed = new WeakSet<object>();

/** Records the state before the change; it becomes `before` of the audit record (default null). */
export function setAuditBefore(request: object, value: unknown): void {
  before.set(request, value);
}

/** Overrides the audited resource id (default: the `:id` route param, else the `id` of the response body). */
export function setAuditResourceId(request: object, id: string): void {
  resourceIds.set(request, id);
}

export function getAuditBefore(request: object): unknown {
  return before.has(request) ? before.get(request) : null;
}

export function getAuditResourceId(request: object): string | undefined {
  return resourceIds.get(request);
}

/** True for the first caller per request, so a twice-registered interceptor records once. */
export function claimAudit(request: object): boolean {
  if (claimed.has(request)) return false;
  claimed.add(request);
  return true;
}
