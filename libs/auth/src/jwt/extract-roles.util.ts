import { isRole, type Role } from '../domain/role';

/**
 * The value at `claim` in a JWT payload. A claim named literally with dots (Auth0-style
 * `https://example.com/roles`) wins over the dotted-path reading (`realm_access.roles`).
 */
export function readClaim(payload: Record<string, unknown>, claim: string): unknown {
  if (Object.hasOwn(payload, claim)) return payload[claim];
  let current: unknown = payload;
  for (const segment of claim.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Known roles from the claim: an array of strings, or one space/comma-separated string. Unknown roles are dropped. */
export function extractRoles(payload: Record<string, unknown>, claim: string): Role[] {
  const value = readClaim(payload, claim);
  const candidates: unknown[] =
    typeof value === 'string' ? value.split(/[\s,]+/) : Array.isArray(value) ? value : [];
  return [...new Set(candidates.filter(isRole))];
}
