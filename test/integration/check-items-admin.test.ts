import { fixedClock } from '../../services/clock';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { cardTexts } from '../support/card-validation';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // first working day of 2027-Q1, 10:00 in Paris
const nextQuarterStart = new Date('2027-04-01T08:00:00.000Z'); // first working day of 2027-Q2, 10:00 in Paris
const megan = '00000000-0000-0000-0000-0000000000021';
const lynne = '00000000-0000-0000-0000-0000000000025';
type InvokeBody = { value: unknown };

describe('the quality officer manages check items by card and imports them from CSV (issue 4)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday));
    await harness.post(installActivity(harness.connector.url, alex));
  });
  afterAll(() => harness.stop());

  const click = async (verb: string, data: Record<string, unknown>, from = alex) => {
    const card = ((await harness.post(cardActionActivity(harness.connector.url, verb, data, from))).body as InvokeBody).value;
    return { card, text: cardTexts(card).join('\n'), json: JSON.stringify(card) };
  };
  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    return cardTexts(harness.connector.cards().at(-1)).join('\n');
  };
  // The clock is fixed, so entries of one instant come in no particular order: compare them sorted.
  const auditActions = async (entityId?: string) =>
    (await harness.bot.app.audit.listMonth('2027-01', { entityId }))
      .map((e) => e.action)
      .filter((a) => a.startsWith('checkItem.'))
      .sort();
  const form = (fields: Record<string, string>) => ({ itemId: '', etag: '', label: '', commitment: '', location: '', url: '', owner: '', service: '', ...fields });

  it('lists the items per service with their buttons for the quality officer', async () => {
    const text = await say('gérer les contrôles');
    expect(text).toContain('Éléments de contrôle trimestriel');
    expect(text).toContain('7 élément(s) actif(s), 0 retiré(s)');
    expect(text).toContain('Horaires d’ouverture et conditions d’accès');
    expect(text).toMatch(/Modifier[\s\S]*Retirer[\s\S]*Nouvel élément[\s\S]*Importer \(CSV\)/);
    expect(await say('gérer les contrôles BMI')).toContain('Service BMI : 2 élément(s) actif(s)');
  });

  it('refuses an agent, by command and by card, writing nothing', async () => {
    expect(await say('gérer les contrôles', adele)).toContain('réservée aux rôles');
    expect(await say('importer les contrôles', adele)).toContain('réservée aux rôles');
    const { text } = await click('checkItem.save', form({ label: 'Tentative', commitment: 'E.1', location: 'hall', owner: adele.aadObjectId }), adele);
    expect(text).toContain('Action non autorisée');
    const retire = await click('checkItem.retire', { itemId: 'POINT-NUMERIQUE', etag: 'x' }, adele);
    expect(retire.text).toContain('Action non autorisée');
    expect((await harness.bot.app.checkItems.list()).map((i) => i.id)).not.toContain('TENTATIVE');
    expect(await auditActions()).toEqual([]);
  });

  it('opens an empty form listing the directory, and the import form, from the list’s buttons', async () => {
    const { text, json } = await click('checkItem.form', {});
    expect(text).toContain('Nouvel élément de contrôle');
    expect(json).toContain('"title":"Megan Bowen (BMI)"');
    expect(json).toContain('"title":"Site internet","value":"website"');
    expect((await click('checkItem.importForm', {})).text).toContain('Importer les éléments de contrôle');
  });

  it('shows errors next to the fields and keeps what was typed', async () => {
    const { json, text } = await click('checkItem.save', form({ label: 'Plan d’accès sur le site', commitment: 'E.99', location: 'website', owner: megan }));
    expect(text).toContain('Nouvel élément de contrôle');
    expect(text).toContain('Engagement « E.99 » absent du référentiel');
    expect(text).toContain('Indiquez l’adresse de la page du site internet.');
    expect(json).toContain('"value":"Plan d’accès sur le site"');
    expect(json).toContain(`"value":"${megan}"`);
  });

  let createdId = '';
  it('creates an item in the owner’s service, with an id from its label, audited', async () => {
    const { text } = await click('checkItem.save', form({ label: 'Plan d’accès sur le site', commitment: 'e.11', location: 'website', url: 'https://www.cher.gouv.fr/acces', owner: megan }));
    expect(text).toContain('Élément créé : Plan d’accès sur le site (PLAN-ACCES-SITE).');
    createdId = 'PLAN-ACCES-SITE';
    expect(await harness.bot.app.checkItems.get(createdId)).toMatchObject({ commitment: 'E.11', location: 'website', ownerId: megan, service: 'BMI', active: true, createdAt: monday });
    expect(await auditActions(createdId)).toEqual(['checkItem.create']);
  });

  it('edits an item from the form built with its ETag, and refuses a save over a newer version', async () => {
    const opened = await click('checkItem.form', { itemId: createdId });
    expect(opened.text).toContain(`Modifier l’élément ${createdId}`);
    const before = await harness.bot.app.checkItems.get(createdId);
    expect(opened.json).toContain(JSON.stringify(before?.etag).slice(1, -1));
    const fields = { itemId: createdId, etag: before?.etag ?? '', label: 'Plan d’accès et parkings', commitment: 'E.11', location: 'site', url: 'https://www.cher.gouv.fr/acces', owner: megan, service: 'BMI' };
    expect((await click('checkItem.save', fields)).text).toContain('Élément enregistré : Plan d’accès et parkings (PLAN-ACCES-SITE).');

    // The same form sent again carries the old ETag: refused, the fresh version is shown.
    const stale = await click('checkItem.save', { ...fields, label: 'Écrasement' });
    expect(stale.text).toContain('Cet élément a été modifié par quelqu’un d’autre entre-temps');
    expect(stale.json).toContain('"value":"Plan d’accès et parkings"');
    expect((await harness.bot.app.checkItems.get(createdId))?.label).toBe('Plan d’accès et parkings');
    expect(await auditActions(createdId)).toEqual(['checkItem.create', 'checkItem.update']);
  });

  it('reassigns an item: the service follows the new owner', async () => {
    const item = await harness.bot.app.checkItems.get('TITRES-DELAIS');
    expect(item).toMatchObject({ ownerId: lynne, service: 'CERT' });
    const fields = { itemId: 'TITRES-DELAIS', etag: item?.etag ?? '', label: item?.label ?? '', commitment: 'E.32', location: 'website', url: 'https://www.cher.gouv.fr/titres', owner: megan, service: 'CERT' };
    expect((await click('checkItem.save', fields)).text).toContain('Élément enregistré');
    expect(await harness.bot.app.checkItems.get('TITRES-DELAIS')).toMatchObject({ ownerId: megan, service: 'BMI' });
    const [entry] = await harness.bot.app.audit.listMonth('2027-01', { entityId: 'TITRES-DELAIS' });
    expect(entry).toMatchObject({ actorId: alex.aadObjectId, action: 'checkItem.update', before: { ownerId: lynne, service: 'CERT' }, after: { ownerId: megan, service: 'BMI' } });
    expect(entry?.after).not.toHaveProperty('etag');
  });

  it('retires an item (refused with a stale ETag) and restores it', async () => {
    const item = await harness.bot.app.checkItems.get('APPELS-TAUX');
    expect((await click('checkItem.retire', { itemId: 'APPELS-TAUX', etag: 'W/"stale"' })).text).toContain('modifié entre-temps');
    expect((await harness.bot.app.checkItems.get('APPELS-TAUX'))?.active).toBe(true);
    const retired = await click('checkItem.retire', { itemId: 'APPELS-TAUX', etag: item?.etag ?? '' });
    expect(retired.text).toContain('Élément retiré : Taux d’appels aboutis affiché et publié.');
    expect(retired.text).toContain('Retiré : plus contrôlé');
    expect(retired.text).toContain('Réactiver');
    expect((await click('checkItem.retire', { itemId: 'APPELS-TAUX', etag: item?.etag ?? '' })).text).toContain('déjà retiré');

    // Restored then retired again, each time with the ETag of the card clicked.
    const afterRetire = await harness.bot.app.checkItems.get('APPELS-TAUX');
    expect((await click('checkItem.restore', { itemId: 'APPELS-TAUX', etag: afterRetire?.etag ?? '' })).text).toContain('Élément réactivé');
    const afterRestore = await harness.bot.app.checkItems.get('APPELS-TAUX');
    await click('checkItem.retire', { itemId: 'APPELS-TAUX', etag: afterRestore?.etag ?? '' });
    expect((await harness.bot.app.checkItems.get('APPELS-TAUX'))?.active).toBe(false);
    expect(await auditActions('APPELS-TAUX')).toEqual(['checkItem.restore', 'checkItem.retire', 'checkItem.retire']);
  });

  it('leaves a retired item out of « contrôles »', async () => {
    const text = await say('contrôles');
    expect(text).not.toContain('Taux d’appels aboutis');
    expect(text).toContain('Plan d’accès et parkings');
  });

  it('refuses a CSV import with one bad line and writes nothing', async () => {
    const before = await harness.bot.app.checkItems.list();
    const csv = [
      'identifiant;libelle;engagement;support;url;responsable;service;actif',
      'HALL-HORAIRES;Horaires d’ouverture (modifié);E.1;hall;;alex.wilber@cher.gouv.fr;;',
      ';Tarifs des titres;E.32;dépliant;;personne@cher.gouv.fr;;',
      ';Message d’attente;E.10;téléphone;;adele.vance@cher.gouv.fr;;oui',
    ].join('\n');
    expect(await say('importer les contrôles')).toContain('Importer les éléments de contrôle');
    const { text, json } = await click('checkItem.import', { csv });
    expect(text).toContain('Import refusé : 1 ligne(s) à corriger, rien n’a été enregistré.');
    expect(text).toContain('Ligne 3 : responsable — Personne introuvable dans l’annuaire : « personne@cher.gouv.fr ».');
    expect(json).toContain('Tarifs des titres'); // the pasted text is kept for correction
    expect(await harness.bot.app.checkItems.list()).toEqual(before);
    expect(await auditActions()).not.toContain('checkItem.import');
  });

  it('imports a good CSV: updates known items, creates the others, and a second run changes nothing', async () => {
    const csv = [
      'identifiant;libelle;engagement;support;url;responsable;service;actif',
      'HALL-HORAIRES;Horaires d’ouverture et accès;E.1;hall;;alex.wilber@cher.gouv.fr;;',
      ';Message d’attente téléphonique;E.10;téléphone;;adele.vance@cher.gouv.fr;;oui',
    ].join('\n');
    const first = await click('checkItem.import', { csv });
    expect(first.text).toContain('Import terminé : 1 élément(s) créé(s), 1 mis à jour, 0 inchangé(s).');
    expect(await harness.bot.app.checkItems.get('HALL-HORAIRES')).toMatchObject({ label: 'Horaires d’ouverture et accès', active: true });
    expect(await harness.bot.app.checkItems.get('MESSAGE-ATTENTE-TELEPHONIQUE')).toMatchObject({ ownerId: adele.aadObjectId, service: 'BMI', location: 'phone' });
    expect(await auditActions('MESSAGE-ATTENTE-TELEPHONIQUE')).toEqual(['checkItem.import']);
    const second = await click('checkItem.import', { csv });
    expect(second.text).toContain('Import terminé : 0 élément(s) créé(s), 0 mis à jour, 2 inchangé(s).');
  });

  it('writes an import of up to 100 rows in one transaction: a stale row leaves nothing written', async () => {
    const repository = harness.bot.app.checkItems;
    const hall = await repository.get('HALL-HORAIRES');
    const created = { ...hall!, id: 'ATOMIQUE', label: 'Ne doit pas exister' };
    await expect(repository.importAll([{ item: created }, { item: { ...hall!, label: 'Périmé' }, etag: 'W/"datetime\'2000-01-01T00%3A00%3A00.000Z\'"' }])).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );
    expect(await repository.get('ATOMIQUE')).toBeUndefined();
    expect((await repository.get('HALL-HORAIRES'))?.label).toBe('Horaires d’ouverture et accès');
  });

  it('reminds the new owner of a reassigned item in the next sweep, and nobody of a retired one', async () => {
    await harness.bot.reminders.runOnce(nextQuarterStart);
    const keysOf = async (id: string) => (await harness.bot.app.outbox.listFor(id)).map((entry) => entry.key);
    expect(await keysOf(megan)).toContain('check:TITRES-DELAIS:2027-Q2:start');
    expect(await keysOf(megan)).toContain('check:PLAN-ACCES-SITE:2027-Q2:start');
    expect((await keysOf(lynne)).filter((key) => key.startsWith('check:TITRES-DELAIS'))).toEqual([]);
    expect(await keysOf(alex.aadObjectId)).toContain('check:HALL-HORAIRES:2027-Q2:start');
    expect((await keysOf(alex.aadObjectId)).filter((key) => key.startsWith('check:APPELS-TAUX'))).toEqual([]);
  });
});
