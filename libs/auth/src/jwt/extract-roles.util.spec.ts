import { extractRoles, readClaim } from './extract-roles.util';

describe('extractRoles', () => {
  it('reads a top-level array and drops unknown roles', () => {
    expect(extractRoles({ roles: ['viewer', 'superuser', 'approver', 7] }, 'roles')).toEqual([
      'viewer',
      'approver',
    ]);
  });

  it('follows a dotted path', () => {
    expect(
      extractRoles({ realm_access: { roles: ['ml-engineer', 'offline_access'] } }, 'realm_access.roles'),
    ).toEqual(['ml-engineer']);
  });

  it('prefers a claim whose name contains dots', () => {
    const payload = { 'https://llmops.dev/roles': ['admin'], https: { roles: ['viewer'] } };
    expect(extractRoles(payload, 'https://llmops.dev/roles')).toEqual(['admin']);
  });

  it('splits a space- or comma-separated string and de-duplicates', () => {
    expect(extractRoles({ roles: 'viewer annotator,viewer' }, 'roles')).toEqual(['viewer', 'annotator']);
  });

  it('yields no roles when the claim is missing or of another type', () => {
    expect(extractRoles({}, 'realm_access.roles')).toEqual([]);
    expect(extractRoles({ realm_access: 'x' }, 'realm_access.roles')).toEqual([]);
    expect(extractRoles({ roles: { admin: true } }, 'roles')).toEqual([]);
  });

  it('does not walk into inherited properties', () => {
    expect(readClaim({}, 'constructor.name')).toBeUndefined();
  });
});
