/** Who is asking, as far as per-model permissions care. */
export interface Requester {
  subject: string;
  roles: readonly string[];
}

/** The model's permission lists. */
export interface ModelAcl {
  owners: readonly string[];
  maintainers: readonly string[];
}

/**
 * May `who` change this model (register versions, move stages, set aliases, edit cards)? Admins always;
 * otherwise owners and maintainers. A model nobody has claimed yet (no owners, no maintainers — e.g. one
 * created automatically from a training run) is open to every ml-engineer until permissions are set.
 * The route's `@Roles('ml-engineer')` has already checked the role.
 */
export function canMaintain(who: Requester, acl: ModelAcl): boolean {
  if (who.roles.includes('admin')) return true;
  if (acl.owners.length === 0 && acl.maintainers.length === 0) return true;
  return acl.owners.includes(who.subject) || acl.maintainers.includes(who.subject);
}

/** May `who` change the permission lists themselves? Admins and owners only. */
export function canAdminister(who: Requester, acl: ModelAcl): boolean {
  return who.roles.includes('admin') || acl.owners.includes(who.subject);
}
