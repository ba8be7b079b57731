import { canAdminister, canMaintain } from './model-permission.rules';

const alice = { subject: 'alice', roles: ['ml-engineer'] };
const admin = { subject: 'root', roles: ['admin'] };

describe('per-model permissions', () => {
  it('leaves an unclaimed model open to every ml-engineer, but only admins may claim it', () => {
    const open = { owners: [], maintainers: [] };
    expect(canMaintain(alice, open)).toBe(true);
    expect(canAdminister(alice, open)).toBe(false);
    expect(canAdminister(admin, open)).toBe(true);
  });

  it('lets owners and maintainers maintain a claimed model, and nobody else but admins', () => {
    expect(canMaintain(alice, { owners: ['bob'], maintainers: ['alice'] })).toBe(true);
    expect(canMaintain(alice, { owners: ['alice'], maintainers: [] })).toBe(true);
    expect(canMaintain(alice, { owners: ['bob'], maintainers: ['carol'] })).toBe(false);
    expect(canMaintain(admin, { owners: ['bob'], maintainers: [] })).toBe(true);
  });

  it('lets only owners (and admins) change the lists', () => {
    expect(canAdminister(alice, { owners: ['bob'], maintainers: ['alice'] })).toBe(false);
    expect(canAdminister(alice, { owners: ['alice'], maintainers: [] })).toBe(true);
  });
});
