import { odata } from '@azure/data-tables';
import type { AppServices } from '../../services/app-services';
import { ConversationReferenceRepository } from '../../services/conversations/conversation-reference-repository';
import { seedDemo } from '../../services/demo/seed-demo';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { tableNames } from '../../services/storage/table-names';
import { listAllEntities, listOnePage, submitInBatches } from '../../services/storage/table-pages';
import { freshAppServices, movableClock } from '../support/test-storage';

const newcomer = '11111111-2222-3333-4444-555555555555';

describe('storage repositories against a real Azurite', () => {
  let app: AppServices;
  beforeAll(async () => {
    app = await freshAppServices();
    await seedDemo(app);
  });

  it('registers an unknown person once, even when two first messages race', async () => {
    const [a, b] = await Promise.all([app.directory.resolve(newcomer, 'Nouvelle Personne'), app.directory.resolve(newcomer, 'Autre Nom')]);
    expect(a.id).toBe(newcomer);
    expect(b.id).toBe(newcomer);
    expect((await app.people.list()).filter((p) => p.id === newcomer)).toHaveLength(1);
    const audit = await app.audit.listMonth('2026-11', { entityId: newcomer });
    expect(audit.filter((e) => e.action === 'person.firstContact')).toHaveLength(1);
  });

  it('gives a person first seen without a name (installation event) the name of their first message', async () => {
    const id = '22222222-3333-4444-5555-666666666666';
    expect((await app.directory.resolve(id, undefined)).name).toBe('Utilisateur Teams');
    expect((await app.directory.resolve(id, 'Jeanne Premier')).name).toBe('Jeanne Premier');
    expect((await app.directory.resolve(id, 'Autre')).name).toBe('Jeanne Premier');
  });

  it('updates with the ETag and refuses a stale one instead of overwriting', async () => {
    const person = (await app.people.get(newcomer))!;
    const saved = await app.people.update({ ...person, name: 'Premier' });
    await expect(app.people.update({ ...person, name: 'Second' })).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect((await app.people.get(newcomer))?.name).toBe('Premier');
    expect(saved.etag).not.toBe(person.etag);
  });

  it('loads the référentiel once: a second load adds nothing and keeps edits', async () => {
    expect(await app.commitments.list('cher')).toHaveLength(33);
    const table = app.store.table(tableNames.commitments);
    await table.updateEntity({ partitionKey: 'cher', rowKey: 'E.4', title: 'Texte modifié localement' }, 'Merge');
    const { readReferentielFile } = await import('../../services/referentiel/referentiel-files');
    expect(await app.commitments.loadMissing(readReferentielFile('cher'))).toBe(0);
    expect((await app.commitments.get('cher', 'E.4'))?.title).toBe('Texte modifié localement');
    expect((await app.commitments.list('cher'))[0]?.id).toBe('E.1');
  });

  it('seeds the demo idempotently', async () => {
    const before = (await app.people.list()).length;
    const report = await seedDemo(app);
    expect(report.peopleAdded).toBe(0);
    expect((await app.people.list()).length).toBe(before);
  });

  it('claims an activity once, frees it after a failed turn, and forgets it after the window', async () => {
    const clock = movableClock('2026-11-23T09:00:00Z');
    const repo = app.processedActivities;
    expect(await repo.claim('conv/1#?', 'act-1', clock.now())).toBe(true);
    expect(await repo.claim('conv/1#?', 'act-1', clock.now())).toBe(false);
    const racing = await Promise.all([repo.claim('conv', 'act-2', clock.now()), repo.claim('conv', 'act-2', clock.now())]);
    expect(racing.filter(Boolean)).toHaveLength(1);
    await repo.release('conv/1#?', 'act-1');
    expect(await repo.claim('conv/1#?', 'act-1', clock.now())).toBe(true);
    clock.advance(25 * 60 * 60 * 1000);
    expect(await repo.claim('conv/1#?', 'act-1', clock.now())).toBe(true);
  });

  it('stores a conversation reference only when it changes, and deactivates it', async () => {
    const repo = app.conversations;
    expect(await repo.remember('personal', newcomer, '{"a":1}', '2026-11-23T09:00:00Z')).toBe(true);
    expect(await repo.remember('personal', newcomer, '{"a":1}', '2026-11-23T09:01:00Z')).toBe(false);
    expect(await repo.remember('personal', newcomer, '{"a":2}', '2026-11-23T09:02:00Z')).toBe(true);
    expect((await repo.listActive('personal')).map((c) => c.key)).toContain(newcomer);
    await repo.deactivate('personal', newcomer, '2026-11-23T10:00:00Z');
    expect(await repo.get('personal', newcomer)).toMatchObject({ active: false, reference: '{"a":2}' });
    expect((await repo.listActive('personal')).map((c) => c.key)).not.toContain(newcomer);
    // A reinstall recorded by another instance: this one's cache must not hide it.
    const otherInstance = new ConversationReferenceRepository(app.store.table(tableNames.conversations));
    await otherInstance.remember('personal', newcomer, '{"a":2}', '2026-11-23T10:01:00Z');
    await repo.deactivate('personal', newcomer, '2026-11-23T10:02:00Z');
    expect(await otherInstance.remember('personal', newcomer, '{"a":2}', '2026-11-23T10:03:00Z', true)).toBe(true);
    expect(await repo.get('personal', newcomer)).toMatchObject({ active: true });
  });

  it('writes more than 100 entities of a partition in several transactions and pages through them', async () => {
    const table = app.store.table(tableNames.audit);
    const rows = Array.from({ length: 250 }, (_, i) => ({ partitionKey: 'bulk', rowKey: String(i).padStart(4, '0'), n: i }));
    expect(await submitInBatches(table, rows.map((row) => ['create', row]))).toBe(3);
    const first = await listOnePage<{ n: number }>(table, { filter: odata`PartitionKey eq ${'bulk'}`, pageSize: 100 });
    expect(first.items).toHaveLength(100);
    expect(first.continuationToken).toBeDefined();
    const second = await listOnePage<{ n: number }>(table, { filter: odata`PartitionKey eq ${'bulk'}`, pageSize: 100, continuationToken: first.continuationToken });
    expect(second.items[0]?.n).toBe(100);
    expect(await listAllEntities(table, odata`PartitionKey eq ${'bulk'}`)).toHaveLength(250);
  });

  it('keeps hostile text inside the filter it was meant for', async () => {
    const hostile = `bulk' or PartitionKey ne '`;
    expect(await listAllEntities(app.store.table(tableNames.audit), odata`PartitionKey eq ${hostile}`)).toHaveLength(0);
    await expect(app.people.get('x/../#')).rejects.toThrow(/invalid storage key/);
  });

  it('appends audit entries newest first with before and after', async () => {
    const entries = await app.audit.listMonth('2026-11', { entityId: newcomer });
    expect(entries[0]).toMatchObject({ action: 'person.firstContact', after: expect.objectContaining({ id: newcomer }) });
    await expect(app.audit.listMonth("2026-11' or '1' eq '1")).rejects.toThrow();
  });
});
