import { decideImport, decideRoleChange, personFromFirstContact } from '../../services/directory/directory-rules';

import type { Role } from '../../services/directory/roles';

const admin: { id: string; roles: Role[] } = { id: 'a', roles: ['agent', 'admin'] };
const other: { id: string; roles: Role[] } = { id: 'b', roles: ['agent'] };

describe('directory rules', () => {
  it('registers an unknown person as an agent without service, to be assigned', () => {
    const person = personFromFirstContact('ABC-DEF-0000000000000000000000000000', '  Sacha  ', new Date('2026-11-23T09:00:00Z'));
    expect(person).toEqual({
      id: 'abc-def-0000000000000000000000000000',
      name: 'Sacha',
      roles: ['agent'],
      toAssign: true,
      createdAt: '2026-11-23T09:00:00.000Z',
    });
    expect(personFromFirstContact('x', undefined, new Date()).name).toBe('Utilisateur Teams');
  });

  it('lets only admins change roles', () => {
    expect(decideRoleChange(other, admin, ['agent'], 1)).toEqual({ allowed: false, reason: expect.stringContaining('administrateur') });
    expect(decideRoleChange(admin, other, ['agent', 'manager'], 1)).toEqual({ allowed: true });
  });

  it('stops the last admin from dropping their own admin role', () => {
    expect(decideRoleChange(admin, admin, ['agent'], 1)).toEqual({ allowed: false, reason: expect.stringContaining('dernier administrateur') });
    expect(decideRoleChange(admin, admin, ['agent'], 2)).toEqual({ allowed: true });
  });

  it('refuses an empty role list', () => {
    expect(decideRoleChange(admin, other, [], 1).allowed).toBe(false);
  });

  it('refuses an import that would leave no admin', () => {
    expect(decideImport([{ roles: ['agent'] }]).allowed).toBe(false);
    expect(decideImport([{ roles: ['agent'] }, { roles: ['admin'] }]).allowed).toBe(true);
  });
});
