import type { AppServices } from '../../services/app-services';
import { PeopleRepository } from '../../services/directory/people-repository';
import { ServicesRepository } from '../../services/directory/services-repository';
import type { Person } from '../../services/directory/person';
import { tableNames } from '../../services/storage/table-names';
import { freshAppServices } from '../support/test-storage';

const person = (n: number, fields: Partial<Person> = {}): Person => ({
  id: `c0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  name: `Personne ${n}`,
  service: 'BMI',
  roles: ['agent'],
  toAssign: false,
  createdAt: '2026-11-23T09:00:00.000Z',
  ...fields,
});

/** Writes a row as another instance would: straight to the table, around this repository. */
async function writeElsewhere(app: AppServices, written: Person): Promise<void> {
  await new PeopleRepository(app.store.table(tableNames.people)).create(written);
}

describe('the directory kept in memory (issue 9: no full directory read per click)', () => {
  let app: AppServices;
  beforeEach(async () => {
    app = await freshAppServices();
    await app.people.upsertMany([person(1), person(2)]);
  });

  it('answers the whole directory from memory until a write through the repository', async () => {
    expect((await app.people.list()).map((p) => p.name).sort()).toEqual(['Personne 1', 'Personne 2']);
    await writeElsewhere(app, person(3));
    expect(await app.people.list()).toHaveLength(2);
    await app.people.create(person(4));
    expect((await app.people.list()).map((p) => p.name).sort()).toEqual(['Personne 1', 'Personne 2', 'Personne 3', 'Personne 4']);
  });

  it('shows an update and an import at once', async () => {
    const [first] = (await app.people.list()).filter((p) => p.name === 'Personne 1');
    if (!first) throw new Error('missing');
    await app.people.update({ ...first, roles: ['agent', 'manager'] });
    expect((await app.people.list()).find((p) => p.id === first.id)?.roles).toEqual(['agent', 'manager']);
    await app.people.upsertMany([person(5)]);
    expect(await app.people.list()).toHaveLength(3);
  });

  it('does not let a caller change the kept copy', async () => {
    const [first] = await app.people.list();
    if (!first) throw new Error('missing');
    first.name = 'Changé';
    first.roles.push('admin');
    const again = (await app.people.list()).find((p) => p.id === first.id);
    expect(again?.name).not.toBe('Changé');
    expect(again?.roles).toEqual(['agent']);
  });

  it('reads storage again once the copy is older than its time to live', async () => {
    let now = 0;
    const repository = new PeopleRepository(app.store.table(tableNames.people), 1_000, () => now);
    expect(await repository.list()).toHaveLength(2);
    await writeElsewhere(app, person(6));
    now = 999;
    expect(await repository.list()).toHaveLength(2);
    now = 1_000;
    expect(await repository.list()).toHaveLength(3);
  });

  it('gives a name from the kept copy while it is fresh, from storage otherwise', async () => {
    let now = 0;
    const repository = new PeopleRepository(app.store.table(tableNames.people), 1_000, () => now);
    const one = person(1);
    // Nothing kept yet: a point read.
    expect((await repository.known(one.id))?.name).toBe('Personne 1');
    await repository.list();
    const renamedElsewhere = await app.people.get(one.id);
    if (!renamedElsewhere) throw new Error('missing');
    await new PeopleRepository(app.store.table(tableNames.people)).update({ ...renamedElsewhere, name: 'Personne Un' });
    now = 500;
    expect((await repository.known(one.id))?.name).toBe('Personne 1');
    expect((await repository.get(one.id))?.name).toBe('Personne Un');
    // Someone the copy does not hold yet is read from storage, not reported unknown.
    await writeElsewhere(app, person(7));
    expect((await repository.known(person(7).id))?.name).toBe('Personne 7');
    now = 1_000;
    expect((await repository.known(one.id))?.name).toBe('Personne Un');
    expect(await repository.known(person(8).id)).toBeUndefined();
  });
});

describe('the services kept in memory', () => {
  it('answers from memory until a write through the repository, and reads again after the time to live', async () => {
    const app = await freshAppServices();
    let now = 0;
    const repository = new ServicesRepository(app.store.table(tableNames.services), 1_000, () => now);
    await repository.upsertMany([{ code: 'BMI', name: 'Bureau des migrations' }]);
    expect((await repository.list()).map((service) => service.code)).toEqual(['BMI']);
    await new ServicesRepository(app.store.table(tableNames.services)).upsertMany([{ code: 'CERT', name: 'Certificats' }]);
    now = 999;
    expect((await repository.list()).map((service) => service.code)).toEqual(['BMI']);
    await repository.upsertMany([{ code: 'DC', name: 'Direction' }]);
    expect((await repository.list()).map((service) => service.code)).toEqual(['BMI', 'CERT', 'DC']);
    const [first] = await repository.list();
    if (!first) throw new Error('missing');
    first.name = 'Changé';
    expect((await repository.list())[0]?.name).toBe('Bureau des migrations');
    await new ServicesRepository(app.store.table(tableNames.services)).upsertMany([{ code: 'SG', name: 'Secrétariat' }]);
    now = 2_500;
    expect(await repository.list()).toHaveLength(4);
  });
});
