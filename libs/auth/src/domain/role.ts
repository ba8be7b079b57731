/** Every role the platform knows (DESIGN §6). The order is documentation only; no role implies another except `admin`. */
export const ROLES = [
  'admin',
  'data-engineer',
  'annotator',
  'ml-engineer',
  'approver',
  'viewer',
  'service',
] as const;

export type Role = (typeof ROLES)[number];

const KNOWN_ROLES: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}

/**
 * True when `granted` satisfies a route that requires any one of `required`.
 * `admin` passes every check; an empty requirement only asks for an authenticated caller.
 */
export function hasAnyRole(granted: readonly Role[], required: readonly Role[]): boolean {
  if (required.length === 0 || granted.includes('admin')) return true;
  return required.some((role) => granted.includes(role));
}
