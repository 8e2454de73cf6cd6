import { prepareStorage } from '../../services/app-services';
import { fixedClock } from '../../services/clock';
import { cardTexts } from '../support/card-validation';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // first working day of January 2027, 10:00 in Paris
type InvokeBody = { value: unknown };
const defaultIds = [
  'accueil-prise-de-poste',
  'formation-continue',
  'exigences-web',
  'referents-qualite',
  'lutte-contre-la-fraude',
  'plan-formation-titres-etrangers',
];

describe('a fresh deployment starts with the label’s six training types (issue 4)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday), {}, { seed: false });
  });
  afterAll(() => harness.stop());

  it('loads the six types, active and valid 4 years, into empty storage without any demo data', async () => {
    const types = await harness.bot.app.trainingTypes.list();
    expect(types.map((type) => type.id)).toEqual(defaultIds);
    expect(types.map((type) => type.commitment)).toEqual(['4.1', '4.2', '4.3', '4.4', '23.1', 'E.28']);
    expect(types.every((type) => type.active && type.validityMonths === 48)).toBe(true);
    expect(await harness.bot.app.people.list()).toEqual([]);
  });

  it('never brings back a retired type nor overwrites an edited one at the next start', async () => {
    const { trainingTypes } = harness.bot.app;
    const web = (await trainingTypes.get('exigences-web'))!;
    await trainingTypes.save({ ...web, active: false }, web.etag);
    const continuous = (await trainingTypes.get('formation-continue'))!;
    const edited = await trainingTypes.save({ ...continuous, validityMonths: 36 }, continuous.etag);

    expect(await prepareStorage(harness.bot.app)).toMatchObject({ trainingTypesAdded: 0 });

    expect(await trainingTypes.get('exigences-web')).toMatchObject({ active: false });
    expect(await trainingTypes.get('formation-continue')).toMatchObject({ validityMonths: 36, etag: edited.etag });
    expect((await trainingTypes.list()).map((type) => type.id)).toEqual(defaultIds);
  });
});

describe('the quality officer edits the training types in chat, and statuses and reminders follow (issue 4)', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday));
    for (const person of [alex, adele]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const click = async (verb: string, data: Record<string, unknown>, from = alex) => {
    const card = ((await harness.post(cardActionActivity(harness.connector.url, verb, data, from))).body as InvokeBody).value;
    return { card, text: cardTexts(card).join('\n'), json: JSON.stringify(card) };
  };
  const say = async (text: string, from = alex) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    return cardTexts(harness.connector.cards().at(-1)).join('\n') || (harness.connector.sent.at(-1)?.text ?? '');
  };
  // The clock is fixed, so entries of one instant come in no particular order: compare them sorted.
  const auditOf = async (entityId?: string) =>
    (await harness.bot.app.audit.listMonth('2027-01', { entityId })).filter((entry) => entry.action.startsWith('trainingType.'));
  const form = (fields: Record<string, string>) => ({
    typeId: '',
    etag: '',
    labelFr: '',
    labelEn: '',
    commitment: '',
    validityMonths: '48',
    roles: '',
    services: '',
    active: 'true',
    ...fields,
  });
  const typeOf = (id: string) => harness.bot.app.trainingTypes.get(id);

  it('lists every type with its commitment, validity, who must hold it and its buttons', async () => {
    const text = await say('types de formation');
    expect(text).toContain('Types de formation');
    expect(text).toContain('6 type(s) actif(s), 0 retiré(s)');
    expect(text).toContain('Formation continue');
    expect(text).toContain('Engagement 4.2 · valable 4 ans');
    expect(text).toContain('Tous les agents');
    expect(text).toContain('Services : ACCUEIL');
    expect(text).toContain('Rôles : Responsable qualité');
    expect(text).toContain('Rôles : Référent fraude · Services : BMI, CERT');
    expect(text).toMatch(/Modifier[\s\S]*Retirer[\s\S]*Nouveau type/);
    expect(await say('catalogue des formations')).toContain('6 type(s) actif(s)');
    expect(await say('training types')).toContain('Types de formation');
  });

  it('refuses Adele, by command and by card, writing nothing', async () => {
    expect(await say('types de formation', adele)).toContain('réservée aux rôles');
    const continuous = (await typeOf('formation-continue'))!;
    expect((await click('trainingType.form', {}, adele)).text).toContain('Action non autorisée');
    const save = await click('trainingType.save', form({ typeId: 'formation-continue', etag: continuous.etag, labelFr: 'Formation continue', commitment: '4.2', validityMonths: '1' }), adele);
    expect(save.text).toContain('Action non autorisée');
    expect((await click('trainingType.save', form({ labelFr: 'Tentative', commitment: '4.9' }), adele)).text).toContain('Action non autorisée');
    expect((await click('trainingType.retire', { typeId: 'formation-continue', etag: continuous.etag }, adele)).text).toContain('Action non autorisée');
    expect(await typeOf('formation-continue')).toEqual(continuous);
    expect(await typeOf('tentative')).toBeUndefined();
    expect(await auditOf()).toEqual([]);
  });

  it('opens an empty form with the roles and services to choose from, and a filled one to edit', async () => {
    const empty = await click('trainingType.form', {});
    expect(empty.text).toContain('Nouveau type de formation');
    expect(empty.json).toContain('"title":"Référent fraude","value":"fraud-referent"');
    expect(empty.json).toContain('"value":"BMI"');
    const edit = await click('trainingType.form', { typeId: 'lutte-contre-la-fraude' });
    expect(edit.text).toContain('Modifier le type de formation');
    expect(edit.json).toContain('"value":"Sensibilisation à la lutte contre la fraude"');
    expect(edit.json).toContain('"value":"BMI,CERT"');
    expect((await click('trainingType.form', { typeId: 'permis-bateau' })).text).toContain('Ce type de formation n’existe plus.');
  });

  it('shows errors next to the fields, keeps what was typed and writes nothing', async () => {
    const { text, json } = await click('trainingType.save', form({ labelFr: 'Accueil téléphonique', commitment: 'E.7', validityMonths: '300', services: 'ACCUEIL,DRH' }));
    expect(text).toContain('Nouveau type de formation');
    expect(text).toContain('Durée de validité invalide : un nombre entier de mois, de 1 à 240');
    expect(text).toContain('Service inconnu : « DRH »');
    expect(json).toContain('"value":"Accueil téléphonique"');
    expect(json).toContain('"value":"300"');
    expect((await click('trainingType.save', form({ labelFr: ' ', commitment: 'E.7', validityMonths: '0' }))).text).toContain('Indiquez le nom de la formation.');
    expect((await harness.bot.app.trainingTypes.list()).map((type) => type.id)).toEqual(defaultIds);
    expect(await auditOf()).toEqual([]);
  });

  it('creates a type with an id from its French label, audited, and offers it in the declaration form', async () => {
    const { text } = await click('trainingType.save', form({ labelFr: 'Accueil téléphonique', commitment: 'E.7', validityMonths: '24', services: 'BMI' }));
    expect(text).toContain('Type créé : Accueil téléphonique (E.7) (identifiant accueil-telephonique).');
    expect(text).toContain('Engagement E.7 · valable 2 ans');
    expect(await typeOf('accueil-telephonique')).toMatchObject({
      label: { fr: 'Accueil téléphonique', en: 'Accueil téléphonique' },
      validityMonths: 24,
      requiredFor: { services: ['BMI'] },
      active: true,
    });
    const again = await click('trainingType.save', form({ labelFr: 'Accueil téléphonique', commitment: 'E.8' }));
    expect(again.text).toContain('(identifiant accueil-telephonique-2)');
    const audit = await auditOf('accueil-telephonique');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: alex.aadObjectId, action: 'trainingType.create', before: null, after: { id: 'accueil-telephonique', validityMonths: 24 } });
    expect((await click('training.declareForm', {}, adele)).json).toContain('Accueil téléphonique (E.7)');
    expect(await say('mes formations', adele)).toContain('Accueil téléphonique (E.7)');
  });

  it('shortens a validity from 48 to 24 months: Adele’s « mes formations » and her reminders change at once', async () => {
    // Adele completed her continuous training on 09/04/2024 (demo data, 1000 days before the seeding day).
    const before = await say('mes formations', adele);
    expect(before).toContain('« Accueil des publics en préfecture » suivie le 09/04/2024 (e-learning) — échéance le 09/04/2028');
    expect(before).not.toContain('Expirée');

    const current = (await typeOf('formation-continue'))!;
    const { text } = await click('trainingType.save', form({ typeId: current.id, etag: current.etag, labelFr: 'Formation continue', labelEn: 'Continuous training', commitment: '4.2', validityMonths: '24' }));
    expect(text).toContain('Type enregistré : Formation continue (4.2).');
    expect(text).toContain('Engagement 4.2 · valable 2 ans');

    const after = await say('mes formations', adele);
    expect(after).toContain('Expirée depuis le 09/04/2026');
    expect(after).toContain('— échéance le 09/04/2026');
    const audit = await auditOf('formation-continue');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'trainingType.update', before: { validityMonths: 48 }, after: { validityMonths: 24 } });

    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date(monday));
    const toAdele = harness.connector.sent
      .filter((activity) => activity.conversationId === `personal-chat-${adele.id}`)
      .map((activity) => cardTexts(activity.attachments?.map((attachment) => attachment.content)).join('\n'))
      .join('\n');
    expect(toAdele).toContain('Formation à renouveler : Formation continue (4.2)');
    expect(toAdele).toContain('Expirée depuis le 09/04/2026');
  });

  it('refuses a save from a form shown before someone else’s change, and shows the fresh form', async () => {
    const current = (await typeOf('formation-continue'))!;
    const stale = 'W/"datetime\'2027-01-01T00%3A00%3A00.0000000Z\'"';
    const { text, json } = await click('trainingType.save', form({ typeId: current.id, etag: stale, labelFr: 'Formation continue', commitment: '4.2', validityMonths: '12' }));
    expect(text).toContain('Ce type a été modifié par quelqu’un d’autre entre-temps');
    expect(json).toContain('"value":"24"');
    expect(await typeOf('formation-continue')).toEqual(current);
    expect(await auditOf('formation-continue')).toHaveLength(1);
  });

  it('retires a type: gone from Adele’s « mes formations » and from the declaration form, kept in the list; then restores it', async () => {
    const e28 = (await typeOf('plan-formation-titres-etrangers'))!;
    expect(await say('mes formations', adele)).toContain('Plan de formation — titres des étrangers (E.28)');

    const retired = await click('trainingType.retire', { typeId: e28.id, etag: e28.etag });
    expect(retired.text).toContain('Type retiré : Plan de formation — titres des étrangers (E.28).');
    expect(retired.text).toContain('7 type(s) actif(s), 1 retiré(s)');
    expect(retired.text).toContain('Réactiver');
    expect(await say('mes formations', adele)).not.toContain('Plan de formation — titres des étrangers');
    expect((await click('training.declareForm', {}, adele)).json).not.toContain('plan-formation-titres-etrangers');
    expect((await click('trainingType.retire', { typeId: e28.id, etag: e28.etag })).text).toContain('Ce type était déjà retiré : rien n’a changé.');

    const stored = (await typeOf(e28.id))!;
    expect(stored.active).toBe(false);
    expect((await click('trainingType.restore', { typeId: e28.id, etag: e28.etag })).text).toContain('Ce type a été modifié entre-temps');
    const restored = await click('trainingType.restore', { typeId: e28.id, etag: stored.etag });
    expect(restored.text).toContain('Type réactivé : Plan de formation — titres des étrangers (E.28).');
    expect(await say('mes formations', adele)).toContain('Plan de formation — titres des étrangers (E.28)');
    expect((await auditOf(e28.id)).map((entry) => entry.action).sort()).toEqual(['trainingType.restore', 'trainingType.retire']);
  });
});
