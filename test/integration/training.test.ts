import { fixedClock } from '../../services/clock';
import { seedDemo } from '../../services/demo/seed-demo';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { cardTexts } from '../support/card-validation';
import { adele, alex, cardActionActivity, installActivity, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // first working day of January 2027, 10:00 in Paris
type InvokeBody = { value: unknown };

const demoId = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
/** Megan Bowen, agent and manager of BMI in the demo data. */
const megan = { id: 'user-id-1', aadObjectId: demoId(21), name: 'Megan Bowen' };
/** Lynne Robbins, manager of CERT. */
const lynne = { id: 'user-id-5', aadObjectId: demoId(25), name: 'Lynne Robbins' };
const gabriel = demoId(106); // BMI agent with nothing on record
const louis = demoId(104); // BMI agent whose continuous training expired

/** The input of a card with this id (to check what the form kept), searched anywhere in the card. */
function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((item) => inputOf(item, id)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const record = card as Record<string, unknown>;
  if (record.id === id && typeof record.type === 'string' && record.type.startsWith('Input.')) return record;
  return Object.values(record).map((value) => inputOf(value, id)).find(Boolean);
}

describe('training on a 4-year cycle: reminded, declared on a card, followed in « formations »', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday));
    for (const person of [alex, adele, megan]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const invoke = async (verb: string, data: Record<string, unknown>, from = adele) =>
    ((await harness.post(cardActionActivity(harness.connector.url, verb, data, from))).body as InvokeBody).value;
  const declare = (data: Record<string, unknown>, from = adele) => invoke('training.declare', data, from);
  const textOf = (card: unknown) => cardTexts(card).join('\n');
  const lastCard = async (text: string, from = adele) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    return textOf(harness.connector.cards().at(-1));
  };
  const recordsOf = (personId: string) => harness.bot.app.trainingRecords.listFor(personId);

  it('sends each person their training reminders and each manager the monthly digest of the service', async () => {
    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date(monday));
    const sentTo = (account: { id: string }) =>
      harness.connector.sent
        .filter((activity) => activity.conversationId === `personal-chat-${account.id}`)
        .map((activity) => textOf(activity.attachments?.map((attachment) => attachment.content)))
        .join('\n');
    const toAdele = sentTo(adele);
    expect(toAdele).toContain('Formation à renouveler : Sensibilisation à la lutte contre la fraude (23.1)');
    expect(toAdele).toContain('Échéance le 14/02/2027 (dans 41 jours)');
    expect(toAdele).toContain('Formation à suivre : Plan de formation — titres des étrangers (E.28)');
    expect(sentTo(alex)).toContain('Formation à renouveler : Formation continue (4.2)');
    const toMegan = sentTo(megan);
    expect(toMegan).toContain('Formations du service BMI : point de janvier 2027');
    expect(toMegan).toMatch(/\d+ formations? expirées?, \d+ jamais déclarées?, \d+ à renouveler dans les 6 mois — service BMI/);
  });

  it('shows Adele « mes formations »: one line per required training with its state, last completion and expiry', async () => {
    const card = await lastCard('mes formations');
    expect(card).toContain('Mes formations');
    expect(card).toContain('Service BMI — au 04/01/2027');
    expect(card).toContain('Valide');
    expect(card).toContain('À renouveler (dans 41 jours)');
    expect(card).toContain('« Fraude documentaire : les bons réflexes » suivie le 14/02/2023 (e-learning) — échéance le 14/02/2027');
    expect(card).toContain('Jamais déclarée');
    expect(card).toContain('1 valide, 1 à renouveler, 1 jamais déclarée');
    expect(await lastCard('My training')).toContain('Mes formations');
  });

  it('opens the form from a reminder button with the type chosen, for Adele herself only', async () => {
    const form = await invoke('training.declareForm', { typeId: 'plan-formation-titres-etrangers' });
    expect(inputOf(form, 'typeId')?.value).toBe('plan-formation-titres-etrangers');
    expect(inputOf(form, 'personId')).toBeUndefined();
    expect(textOf(form)).toContain('Pour : Adele Vance — BMI');
    expect(textOf(await invoke('training.declareForm', { personId: gabriel }))).toContain('Déclaration impossible');
  });

  it('refuses a future date, an unknown type and a missing title: form back with the errors and the typed values, nothing written', async () => {
    const before = (await recordsOf(adele.aadObjectId)).length;
    const future = await declare({ typeId: 'formation-continue', completedOn: '2027-01-05', title: 'Accueil', mode: 'e-learning' });
    expect(textOf(future)).toContain('La date ne peut pas être dans le futur.');
    expect(inputOf(future, 'completedOn')?.value).toBe('2027-01-05');
    expect(inputOf(future, 'title')?.value).toBe('Accueil');
    expect(inputOf(future, 'mode')?.value).toBe('e-learning');
    expect(textOf(await declare({ typeId: 'permis-bateau', completedOn: '2026-12-01', title: 'Navigation', mode: 'presentiel' }))).toContain(
      'Type de formation inconnu.',
    );
    const untitled = await declare({ typeId: 'formation-continue', completedOn: '2026-12-01', mode: 'presentiel' });
    expect(textOf(untitled)).toContain('Indiquez l\'intitulé de la formation.');
    expect(inputOf(untitled, 'typeId')?.value).toBe('formation-continue');
    expect(textOf(await declare({ typeId: 'formation-continue', completedOn: '1969-07-20', title: 'Lune', mode: 'presentiel' }))).toContain(
      'Date trop ancienne',
    );
    expect(textOf(await declare({ typeId: 42, completedOn: '2026-12-01', title: 'x', mode: 'presentiel' }))).toContain('illisibles');
    expect(await recordsOf(adele.aadObjectId)).toHaveLength(before);
    expect(await harness.bot.app.audit.listMonth('2027-01', { entityId: `${adele.aadObjectId}|formation-continue|2027-01-05` })).toEqual([]);
  });

  it('records Adele’s declaration once, audits it and shows her updated status; a second click says it is already there', async () => {
    const data = { typeId: 'plan-formation-titres-etrangers', completedOn: '2026-12-15', title: 'Réglementation du séjour', mode: 'presentiel' };
    const card = textOf(await declare(data));
    expect(card).toContain('Formation enregistrée : Plan de formation — titres des étrangers (E.28), suivie le 15/12/2026.');
    expect(card).toContain('2 valides, 1 à renouveler');
    expect(card).not.toContain('Jamais déclarée');
    const again = textOf(await declare({ ...data, title: 'Autre intitulé' }));
    expect(again).toContain('Déjà enregistrée : Plan de formation — titres des étrangers (E.28) du 15/12/2026 (« Réglementation du séjour »');
    const records = (await recordsOf(adele.aadObjectId)).filter((record) => record.typeId === 'plan-formation-titres-etrangers');
    expect(records).toEqual([{ ...data, personId: adele.aadObjectId, declaredBy: adele.aadObjectId, declaredAt: monday }]);
    const audit = await harness.bot.app.audit.listMonth('2027-01', { entityId: `${adele.aadObjectId}|plan-formation-titres-etrangers|2026-12-15` });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: adele.aadObjectId, action: 'training.declare' });
  });

  it('lets a manager declare for her service only, and the quality officer for anyone', async () => {
    const form = await invoke('training.declareForm', { personId: louis }, megan);
    const chooser = inputOf(form, 'personId');
    expect(chooser?.value).toBe(louis);
    const offered = (chooser?.choices as { title: string }[]).map((choice) => choice.title);
    expect(offered[0]).toBe('Megan Bowen — BMI');
    expect(offered.every((title) => title.endsWith('— BMI'))).toBe(true);

    const forLouis = { personId: louis, typeId: 'formation-continue', completedOn: '2026-11-30', title: 'Accueil des publics', mode: 'e-learning' };
    expect(textOf(await declare(forLouis, lynne))).toContain('pour un agent de votre service si vous êtes encadrant');
    expect((await recordsOf(louis)).some((record) => record.completedOn === '2026-11-30')).toBe(false);

    const byManager = textOf(await declare(forLouis, megan));
    expect(byManager).toContain('Formations de Louis Thomas');
    expect(byManager).toContain('Formation enregistrée pour Louis Thomas : Formation continue (4.2), suivie le 30/11/2026.');
    expect(await harness.bot.app.trainingRecords.get(louis, 'formation-continue', '2026-11-30')).toMatchObject({ declaredBy: megan.aadObjectId });

    const byQualityOfficer = { personId: gabriel, typeId: 'lutte-contre-la-fraude', completedOn: '2026-10-07', title: 'Fraude documentaire', mode: 'presentiel' };
    expect(textOf(await declare(byQualityOfficer, alex))).toContain('Formation enregistrée pour Gabriel Richard');
    expect(await recordsOf(gabriel)).toHaveLength(1);
  });

  it('shows « formations » as own status to an agent, the service to a manager, every service with counts per type to the quality officer', async () => {
    expect(await lastCard('formations')).toContain('Mes formations');

    const service = await lastCard('formations', megan);
    expect(service).toContain('Suivi des formations');
    expect(service).toContain('Service BMI — 5 personne(s), au 04/01/2027');
    expect(service).toContain('Agents du service');
    expect(service).toContain('Gabriel Richard');
    expect(service).toContain('Chloé Robert');
    expect(service).not.toContain('Camille Martin');
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'formations CERT', megan));
    expect(harness.connector.sent.at(-1)?.text).toContain('votre service (BMI) uniquement');

    const all = await lastCard('Suivi des formations', alex);
    expect(all).toContain('Tous les services');
    expect(all).toContain('À relancer (expirées, jamais déclarées, à renouveler)');
    expect(all).toContain('Formation continue (4.2)');
    expect(all).toContain('Plan de formation — titres des étrangers (E.28)');
    expect(all).toContain('Emma Petit (CERT)');
    expect(await lastCard('formations BMI', alex)).toContain('Service BMI — 5 personne(s)');
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'formations XYZ', alex));
    expect(harness.connector.sent.at(-1)?.text).toContain('Service « XYZ » inconnu');
  });

  it('refuses a training before the arrival day an admin sets on the person form, and accepts older ones when it is cleared', async () => {
    const before = (await harness.bot.app.people.get(adele.aadObjectId))!;
    const saveArrival = async (arrivedOn: string) => {
      const { etag } = (await harness.bot.app.people.get(adele.aadObjectId))!;
      return textOf(await invoke('person.save', { personId: adele.aadObjectId, etag, service: 'BMI', roles: 'agent', arrivedOn }, alex));
    };
    expect(await saveArrival('31/02/2024')).toContain('Date d’arrivée invalide');
    expect(await saveArrival('2024-09-02')).toContain('Fiche enregistrée');
    expect((await harness.bot.app.people.get(adele.aadObjectId))?.arrivedOn).toBe('2024-09-02');
    const older = { typeId: 'formation-continue', completedOn: '2024-06-03', title: 'Accueil des publics', mode: 'presentiel' };
    expect(textOf(await declare(older))).toContain("La date ne peut pas être antérieure à l'arrivée de l'agent (02/09/2024).");
    expect(await harness.bot.app.trainingRecords.get(adele.aadObjectId, 'formation-continue', '2024-06-03')).toBeUndefined();
    expect(await saveArrival('')).toContain('Fiche enregistrée');
    expect((await harness.bot.app.people.get(adele.aadObjectId))?.arrivedOn).toBeUndefined();
    expect(textOf(await declare(older))).toContain('Formation enregistrée');
    expect(before.arrivedOn).toBeUndefined();
  });

  it('seeds the training catalogue and demo records once, keeps the quality officer’s edits, and guards edits with the ETag', async () => {
    const { trainingTypes, trainingRecords } = harness.bot.app;
    const recordsBefore = (await trainingRecords.listAll()).length;
    const type = (await trainingTypes.get('formation-continue'))!;
    const edited = await trainingTypes.save({ ...type, label: { ...type.label, fr: 'Formation continue (4 ans)' } }, type.etag);
    await expect(trainingTypes.save({ ...type, validityMonths: 36 }, type.etag)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    await expect(trainingTypes.save(defaultTrainingTypes[0]!)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(await seedDemo(harness.bot.app)).toMatchObject({ trainingTypesAdded: 0, trainingRecordsAdded: 0 });
    expect(await trainingTypes.get('formation-continue')).toMatchObject({ label: { fr: 'Formation continue (4 ans)' }, validityMonths: 48, etag: edited.etag });
    expect((await trainingTypes.list()).map((t) => t.commitment)).toEqual(['4.1', '4.2', '4.3', '4.4', '23.1', 'E.28']);
    expect(await trainingRecords.listAll()).toHaveLength(recordsBefore);
  });

  it('shows the form from « déclarer une formation », with a person named by the quality officer', async () => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'déclarer une formation', adele));
    expect(textOf(harness.connector.cards().at(-1))).toContain('Déclarer une formation suivie');
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'declarer une formation Chloé', alex));
    expect(inputOf(harness.connector.cards().at(-1), 'personId')?.value).toBe(demoId(105));
  });
});
