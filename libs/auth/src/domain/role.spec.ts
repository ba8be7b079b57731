import { hasAnyRole, isRole, ROLES } from './role';

describe('roles', () => {
  it('lists the seven platform roles', () => {
    expect(ROLES).toEqual([
      'admin',
      'data-engineer',
      'annotator',
      'ml-engineer',
      'approver',
      'viewer',
      'service',
    ]);
  });

  it('recognises only known roles', () => {
    expect(isRole('approver')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(42)).toBe(false);
  });

  it('passes admin through every check', () => {
    expect(hasAnyRole(['admin'], ['approver'])).toBe(true);
  });

  it('requires one of the listed roles', () => {
    expect(hasAnyRole(['viewer'], ['data-engineer', 'ml-engineer'])).toBe(false);
    expect(hasAnyRole(['viewer', 'ml-engineer'], ['data-engineer', 'ml-engineer'])).toBe(true);
  });

  it('lets any authenticated principal through an empty requirement', () => {
    expect(hasAnyRole([], [])).toBe(true);
  });
});
