import { fixedClock } from '../../services/clock';
import { seedDemo } from '../../services/demo/seed-demo';
import { adele, alex, cardActionActivity, installActivity, isaiah, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts, executeVerbs } from '../support/card-validation';
import { testConnectionString } from '../support/test-storage';

const monday = '2027-01-04T09:00:00.000Z'; // 10:00 in Paris
type InvokeBody = { value: unknown };

describe('the label calendar: « calendrier », marking done, editing, reminders', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), fixedClock(monday));
    for (const person of [alex, adele, megan, isaiah]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const textOf = (card: unknown) => cardTexts(card).join('\n');
  const invoke = async (verb: string, data: Record<string, unknown>, from = alex) =>
    ((await harness.post(cardActionActivity(harness.connector.url, verb, data, from))).body as InvokeBody).value;
  const lastCard = async (text: string, from = alex) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    return harness.connector.cards().at(-1);
  };
  const obligation = async (id: string) => (await harness.bot.app.labelCalendar.get(id))!;
  const sentTo = (account: { id: string }) =>
    harness.connector.sent
      .filter((activity) => activity.conversationId === `personal-chat-${account.id}`)
      .map((activity) => textOf(activity.attachments?.map((attachment) => attachment.content)))
      .join('\n');

  it('seeds the Cher calendar of CLU 2021 once, moved to the seeding day', async () => {
    expect((await seedDemo(harness.bot.app, { actionPlan: false, labelCalendar: true })).labelObligationsAdded).toBe(7);
    expect((await seedDemo(harness.bot.app, { actionPlan: false, labelCalendar: true })).labelObligationsAdded).toBe(0);
    expect(await obligation('label')).toMatchObject({ dueOn: '2027-05-04', history: [{ doneOn: '2024-05-04' }] });
  });

  it('shows everyone what is due in the next 6 months and what is late, with « Fait » for the owner and the quality officer only', async () => {
    const card = await lastCard('calendrier');
    const text = textOf(card);
    expect(text).toContain('Calendrier du label');
    expect(text).toContain('Au 04/01/2027 : échéances des 6 prochains mois et retards');
    expect(text).toContain('En retard (1)');
    expect(text).toContain('**15/12/2026** — Action de sensibilisation des partenaires à la fraude (23.3)');
    expect(text).toContain('Isaiah Langer · en retard de 20 jours');
    expect(text).toContain('Dans les 6 prochains mois (4)');
    expect(text).toContain('**18/02/2027** — Revue de la ligne éditoriale des réseaux sociaux (20.3)');
    expect(text).toContain('Alex Wilber · du 22/03/2027 au 01/04/2027 · dans 87 jours');
    expect(text).toContain('**04/05/2027** — Renouvellement du label Qual-e-pref (Label)');
    expect(text).not.toContain('ES49');
    expect(executeVerbs(card).filter((verb) => verb === 'labelCalendar.doneForm')).toHaveLength(5);

    const forAdele = await lastCard('Calendrier', adele);
    expect(textOf(forAdele)).toContain('En retard (1)');
    expect(executeVerbs(forAdele)).not.toContain('labelCalendar.doneForm');
    expect(textOf(forAdele)).not.toContain('Tout le calendrier');
    expect(executeVerbs(await lastCard('calendrier', isaiah)).filter((verb) => verb === 'labelCalendar.doneForm')).toHaveLength(1);
    expect(textOf(await lastCard('label calendar', { ...adele }))).toContain('Calendrier du label');
  });

  it('refuses a wrong or future date and someone else than the owner or the quality officer: French message, nothing written', async () => {
    const before = await obligation('ligne-editoriale');
    const form = await invoke('labelCalendar.doneForm', { id: 'ligne-editoriale' });
    expect(textOf(form)).toContain('Revue de la ligne éditoriale des réseaux sociaux (20.3)');
    expect(textOf(form)).toContain('Échéance du 18/02/2027 — responsable : Arthur Moreau');
    const data = { id: 'ligne-editoriale', etag: before.etag, occurrenceDueOn: '2027-02-18' };
    expect(textOf(await invoke('labelCalendar.done', { ...data, doneOn: '2027-01-05' }))).toContain('La date ne peut pas être dans le futur.');
    expect(textOf(await invoke('labelCalendar.done', { ...data, doneOn: '31/02/2027' }))).toContain('Date « 31/02/2027 » invalide');
    expect(textOf(await invoke('labelCalendar.doneForm', { id: 'sensibilisation-fraude' }, adele))).toContain('Seuls le responsable de cette échéance et le responsable qualité');
    expect(textOf(await invoke('labelCalendar.done', { ...data, doneOn: '2027-01-04' }, adele))).toContain('Seuls le responsable de cette échéance');
    expect(await obligation('ligne-editoriale')).toEqual(before);
    expect(await harness.bot.app.audit.listMonth('2027-01', { entityId: 'ligne-editoriale' })).toEqual([]);
  });

  it('marks an occurrence done with its date: the next one is due a year after the previous due date, audited, a second click changes nothing', async () => {
    const { etag } = await obligation('ligne-editoriale');
    const data = { id: 'ligne-editoriale', etag, occurrenceDueOn: '2027-02-18', doneOn: '2027-01-04', note: 'Revue en comité de direction' };
    const card = textOf(await invoke('labelCalendar.done', data));
    expect(card).toContain('Fait le 04/01/2027 : Revue de la ligne éditoriale des réseaux sociaux (20.3). Prochaine échéance le 18/02/2028.');
    expect(card).toContain('Dans les 6 prochains mois (3)');
    const after = await obligation('ligne-editoriale');
    expect(after).toMatchObject({ dueOn: '2028-02-18', revision: 1 });
    expect(after.history.at(-1)).toEqual({ occurrenceDueOn: '2027-02-18', doneOn: '2027-01-04', doneBy: alex.aadObjectId, doneAt: monday, note: 'Revue en comité de direction' });
    expect(textOf(await invoke('labelCalendar.done', data))).toContain('Déjà marquée comme faite le 04/01/2027');
    const audit = await harness.bot.app.audit.listMonth('2027-01', { entityId: 'ligne-editoriale' });
    expect(audit.map((entry) => entry.action)).toEqual(['labelObligation.done']);
  });

  it('renews the label: the follow-up audit and the internal audit are recomputed from the new label date', async () => {
    const { etag } = await obligation('label');
    const card = textOf(await invoke('labelCalendar.done', { id: 'label', etag, occurrenceDueOn: '2027-05-04', doneOn: '04/01/2027' }));
    expect(card).toContain('Fait le 04/01/2027 : Renouvellement du label Qual-e-pref (Label). Prochaine échéance le 04/01/2030.');
    expect(card).toContain('Dates recalculées : Audit de suivi externe (Label) → 04/07/2028, Audit interne (Label) → 09/11/2029.');
    expect(await obligation('audit-suivi')).toMatchObject({ dueOn: '2028-07-04', history: [{ doneOn: '2025-11-08' }] });
    const audit = await harness.bot.app.audit.listMonth('2027-01', { entityId: 'audit-suivi' });
    expect(audit.map((entry) => entry.action)).toEqual(['labelObligation.reschedule']);
  });

  it('lets only the quality officer and the admins edit: Adele gets a refusal and nothing is written', async () => {
    const before = await harness.bot.app.labelCalendar.list();
    expect(textOf(await lastCard('calendrier tout', adele))).toContain('Commande réservée');
    expect(textOf(await invoke('labelCalendar.form', { id: 'enquete-satisfaction' }, adele))).toContain('Action non autorisée');
    const edit = { id: 'enquete-satisfaction', etag: before.find((o) => o.id === 'enquete-satisfaction')?.etag, labelFr: 'Enquête', reference: '3.2', dueOn: '2027-02-01', owner: adele.aadObjectId };
    expect(textOf(await invoke('labelCalendar.save', edit, adele))).toContain('Action non autorisée');
    expect(textOf(await invoke('labelCalendar.retire', { id: 'enquete-satisfaction', etag: edit.etag }, adele))).toContain('Action non autorisée');
    expect(await harness.bot.app.labelCalendar.list()).toEqual(before);
  });

  it('lets the quality officer list every obligation, refuses an unknown owner or a bad date next to the field, then creates one', async () => {
    const all = await lastCard('calendrier tout');
    expect(textOf(all)).toContain('Calendrier du label : toutes les échéances');
    expect(textOf(all)).toContain('**04/09/2027** — Exercice de communication d’urgence (ES49)');
    expect(textOf(all)).toContain('18 mois après la dernière réalisation de « Renouvellement du label Qual-e-pref »');
    expect(executeVerbs(all)).toEqual(expect.arrayContaining(['labelCalendar.form', 'labelCalendar.retire']));
    const count = (await harness.bot.app.labelCalendar.list()).length;
    const draft = { id: '', etag: '', labelFr: 'Exercice de crise : alerte inondation', labelEn: '', reference: 'ES49', everyMonths: '', dueOn: '14/04/2027', owner: 'inconnu@cher.gouv.fr' };
    expect(textOf(await invoke('labelCalendar.save', draft))).toContain('Personne introuvable dans l’annuaire : « inconnu@cher.gouv.fr ».');
    expect(textOf(await invoke('labelCalendar.save', { ...draft, owner: adele.aadObjectId, dueOn: '2027-04-31' }))).toContain('Date « 2027-04-31 » invalide');
    expect(await harness.bot.app.labelCalendar.list()).toHaveLength(count);
    const saved = textOf(await invoke('labelCalendar.save', { ...draft, owner: adele.aadObjectId }));
    expect(saved).toContain('Échéance créée : Exercice de crise : alerte inondation (ES49), pour le 14/04/2027.');
    expect(await obligation('exercice-crise-alerte-inondation')).toMatchObject({ schedule: { kind: 'one-off' }, dueOn: '2027-04-14', ownerId: adele.aadObjectId });
    const shortly = { ...draft, labelFr: 'Affichage du label dans le hall', reference: 'Label', dueOn: '2027-01-15', owner: adele.aadObjectId };
    expect(textOf(await invoke('labelCalendar.save', shortly))).toContain('pour le 15/01/2027');
  });

  it('reminds the owner 90 days ahead and the quality officer and the manager once the due date has passed', async () => {
    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date(monday));
    expect(sentTo(isaiah)).toContain('Échéance dépassée : Action de sensibilisation des partenaires à la fraude (23.3)');
    expect(sentTo(alex)).toContain('Calendrier du label, échéance dépassée : Action de sensibilisation des partenaires à la fraude (23.3)');
    expect(sentTo(alex)).toContain('responsable : Isaiah Langer');

    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-01-14T08:00:00.000Z'));
    expect(sentTo(adele)).toContain('Calendrier du label : Exercice de crise : alerte inondation (ES49)');
    expect(sentTo(adele)).toContain('Échéance le 14/04/2027 (dans 90 jours)');

    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-01-15T15:00:00.000Z'));
    expect(sentTo(alex)).not.toContain('Affichage du label dans le hall');
    expect(sentTo(megan)).not.toContain('Affichage du label dans le hall');

    harness.connector.clear();
    await harness.bot.reminders.runOnce(new Date('2027-01-18T08:00:00.000Z'));
    expect(sentTo(alex)).toContain('Calendrier du label, échéance dépassée : Affichage du label dans le hall (Label)');
    expect(sentTo(megan)).toContain('Calendrier du label, échéance dépassée : Affichage du label dans le hall (Label)');
    expect(sentTo(adele)).toContain('Échéance dépassée : Affichage du label dans le hall (Label)');
  });
});
