import { seedDemo } from '../../services/demo/seed-demo';
import { adele, alex, cardActionActivity, installActivity, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { freshAppServices, movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
type InvokeBody = { value: unknown };

function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((item) => inputOf(item, id)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const record = card as Record<string, unknown>;
  if (record.id === id && typeof record.type === 'string' && record.type.startsWith('Input.')) return record;
  return Object.values(record).map((value) => inputOf(value, id)).find(Boolean);
}

/** An e-mail received on Friday 20 November 2026, logged by Adele for herself. */
const form = {
  channel: 'email',
  kind: 'complaint',
  receivedOn: '2026-11-20',
  summary: 'Horaires d’ouverture de l’accueil des étrangers jugés trop restreints',
  commitment: 'E.7',
  scope: 'in',
  service: 'BMI',
  assigneeId: adele.aadObjectId,
};

describe('complaints in chat: logged on a card, followed per role, answered, reminded (issue 6)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, adele, lynne]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  const say = async (text: string, from = adele) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const card = harness.connector.cards().at(-1);
    return { card, text: cardTexts(card).join('\n') };
  };
  const click = async (verb: string, data: Record<string, unknown>, from = adele) => {
    clock.advance(1_000);
    const response = await harness.post(cardActionActivity(harness.connector.url, verb, data, from));
    const card = (response.body as InvokeBody).value;
    return { status: response.status, card, text: cardTexts(card).join('\n') };
  };
  const cardsTo = (person: { id: string }) =>
    harness.connector.sent.filter((activity) => activity.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => cardTexts(x.content).join('\n')));

  it('opens the form on « nouvelle réclamation » with the agent’s service and themselves in charge', async () => {
    const { card, text } = await say('nouvelle réclamation');
    expect(text).toContain('Nouvelle réclamation');
    expect(text).toContain('Courriel — 5 jours ouvrés');
    expect(text).toContain('Courrier — 10 jours ouvrés');
    expect(inputOf(card, 'service')?.value).toBe('BMI');
    expect(inputOf(card, 'assigneeId')?.value).toBe(adele.aadObjectId);
    expect(inputOf(card, 'scope')?.value).toBe('in');
    expect(inputOf(card, 'receivedOn')?.max).toBe('2026-11-23');
  });

  it('stores the complaint with its E.17 due date and shows it on the card; audited, with its history', async () => {
    const saved = await click('complaint.submit', form);
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Réclamation R-2026-0001 enregistrée.');
    expect(saved.text).toContain('Réponse attendue le 27/11/2026 (5 jours ouvrés, courriel — E.17 / 17.2, 17.3)');
    expect(saved.text).toContain('à envoyer (17.3)');
    expect(await app().complaints.get('R-2026-0001')).toMatchObject({ dueOn: '2026-11-27', state: 'open', createdBy: adele.aadObjectId, revision: 0 });
    expect(await app().complaints.history('R-2026-0001')).toEqual([expect.objectContaining({ action: 'complaint.create', actorId: adele.aadObjectId })]);
    expect(await app().audit.listMonth('2026-11', { entityId: 'R-2026-0001' })).toEqual([expect.objectContaining({ action: 'complaint.create' })]);
  });

  it('refuses personal data, a future date, an unknown service or commitment with French messages, writing nothing', async () => {
    const phone = await click('complaint.submit', { ...form, summary: 'Rappeler l’usager au 06 12 34 56 78' });
    expect(phone.text).toContain('Ce texte semble contenir un numéro de téléphone');
    expect(phone.text).toContain('Rien n’a été enregistré');
    expect(inputOf(phone.card, 'summary')?.value).toBe('Rappeler l’usager au 06 12 34 56 78');
    const future = await click('complaint.submit', { ...form, receivedOn: '2026-11-24' });
    expect(future.text).toContain('La date de réception ne peut pas être dans le futur (aujourd’hui : 23/11/2026).');
    const unknown = await click('complaint.submit', { ...form, service: 'XYZ', commitment: 'E.99' });
    expect(unknown.text).toContain('Service « XYZ » inconnu');
    expect(unknown.text).toContain('Engagement « E.99 » inconnu du référentiel');
    const unreadable = await click('complaint.submit', { ...form, summary: 42 });
    expect(unreadable.text).toContain('illisibles');
    expect((await app().complaints.listYear(2026)).map((c) => c.id)).toEqual(['R-2026-0001']);
    expect(await app().complaints.history('R-2026-0001')).toHaveLength(1);
  });

  it('sends the card to the agent when a manager logs it for someone else', async () => {
    harness.connector.clear();
    const saved = await click('complaint.submit', { ...form, channel: 'letter', kind: 'suggestion', summary: 'Urne des suggestions peu visible', commitment: '' }, megan);
    expect(saved.text).toContain('Réclamation R-2026-0002 enregistrée. Elle est confiée à Adele Vance, qui la reçoit.');
    expect(saved.text).toContain('Réponse attendue le 04/12/2026 (10 jours ouvrés, courrier — E.17 / 17.1)');
    await harness.bot.sharedCards.settle();
    const toAdele = cardsTo(adele);
    expect(toAdele.some((text) => text.includes('Suggestion R-2026-0002') && text.includes('Cette réclamation vous est confiée'))).toBe(true);
  });

  it('lists an agent’s own, a manager’s service, and everything with the figures per channel for the quality officer', async () => {
    const own = await say('réclamations');
    expect(own.text).toContain('Réclamations 2026 — les vôtres');
    expect(own.text).toContain('R-2026-0001');
    expect(own.text).not.toContain('Questions et réclamations');
    const service = await say('réclamations', megan);
    expect(service.text).toContain('Réclamations 2026 — service BMI');
    expect(service.text).toContain('R-2026-0002');
    const other = await say('réclamations', lynne);
    expect(other.text).toContain('Aucune réclamation pour cette année.');
    const all = await say('Réclamations 2026', alex);
    expect(all.text).toContain('Réclamations 2026 — toutes');
    expect(all.text).toContain('Questions et réclamations 2026 (périmètre Qual-e-pref)');
    expect(all.text).toMatch(/Courriel\n1\n50 %/);
    expect(all.text).toContain('Total : 2 (hors périmètre : 0)');
    expect(all.text).toContain('2 en attente · 0 en retard · 1 accusé(s) de réception à envoyer');
    const forbidden = await say('réclamation R-2026-0001', lynne);
    expect(forbidden.text).toContain('n’est visible que de l’agent qui en est chargé');
    const missing = await say('réclamation R-2026-0099', alex);
    expect(missing.text).toContain('Aucune réclamation ne porte le numéro R-2026-0099');
  });

  it('records the acknowledgement, a holding reply that moves the due date, refuses a stale card, then the reply in time', async () => {
    const ack = await click('complaint.acknowledge', { id: 'R-2026-0001', revision: 0, ackOn: '2026-11-23' });
    expect(ack.text).toContain('Accusé de réception enregistré (envoyé le 23/11/2026).');
    const held = await click('complaint.reply', { id: 'R-2026-0001', revision: 1, replyKind: 'holding', holdingOn: '2026-11-23', forecastOn: '2026-12-11' });
    expect(held.text).toContain('Réponse d’attente enregistrée : nouvelle échéance le 11/12/2026.');
    expect(held.text).toContain('Réponse sur le fond attendue le 11/12/2026');
    const stale = await click('complaint.reply', { id: 'R-2026-0001', revision: 1, replyKind: 'substance', substanceOn: '2026-11-23' });
    expect(stale.text).toContain('Cette carte n’est plus à jour');
    const tooEarly = await click('complaint.reply', { id: 'R-2026-0001', revision: 2, replyKind: 'holding', holdingOn: '2026-11-23', forecastOn: '2026-12-01' });
    expect(tooEarly.text).toContain('ne peut pas précéder l’échéance en vigueur (11/12/2026)');
    const answered = await click('complaint.reply', { id: 'R-2026-0001', revision: 2, replyKind: 'substance', substanceOn: '2026-11-23' });
    expect(answered.text).toContain('Réponse sur le fond enregistrée : dans les délais.');
    expect(await app().complaints.get('R-2026-0001')).toMatchObject({ state: 'answered', dueOn: '2026-12-11', initialDueOn: '2026-11-27', revision: 3 });
    expect((await app().complaints.history('R-2026-0001')).map((entry) => entry.action)).toEqual([
      'complaint.reply-substance',
      'complaint.reply-holding',
      'complaint.acknowledge',
      'complaint.create',
    ]);
    const notMine = await click('complaint.reply', { id: 'R-2026-0002', revision: 0, replyKind: 'substance' }, lynne);
    expect(notMine.text).toContain('n’est visible que de l’agent qui en est chargé');
  });

  it('lets the quality officer reassign; the new agent receives the card; the agent may not', async () => {
    const refused = await click('complaint.reassign', { id: 'R-2026-0002', revision: 0, reassignTo: lynne.aadObjectId });
    expect(refused.text).toContain('Seuls les encadrants du service et le responsable qualité');
    harness.connector.clear();
    const moved = await click('complaint.reassign', { id: 'R-2026-0002', revision: 0, reassignTo: 'lynne.robbins@cher.gouv.fr' }, alex);
    expect(moved.text).toContain('Réclamation confiée à Lynne Robbins (CERT), qui la reçoit.');
    await harness.bot.sharedCards.settle();
    expect(cardsTo(lynne).some((text) => text.includes('Suggestion R-2026-0002') && text.includes('Cette réclamation vous est confiée'))).toBe(true);
    expect(await app().complaints.get('R-2026-0002')).toMatchObject({ service: 'CERT', assigneeId: lynne.aadObjectId });
  });

  it('reminds the agent 2 working days before the due date and escalates to the manager and the quality officer once it passes', async () => {
    const saved = await click('complaint.submit', { ...form, receivedOn: '2026-11-23', summary: 'Affichage des horaires du samedi absent' });
    expect(saved.text).toContain('Réponse attendue le 30/11/2026');
    harness.connector.clear();
    // 30 November minus 2 working days is Thursday 26: reached at 08:30 Paris.
    await harness.bot.reminders.runOnce(new Date('2026-11-26T08:00:00.000Z'));
    const toAdele = cardsTo(adele).join('\n');
    expect(toAdele).toContain('Réclamation R-2026-0003 à traiter : Affichage des horaires du samedi absent');
    expect(toAdele).toContain('Voir la réclamation');
    harness.connector.clear();
    // Due Monday 30: on Tuesday 1 December the manager of BMI and the quality officer hear of it.
    await harness.bot.reminders.runOnce(new Date('2026-12-01T08:00:00.000Z'));
    for (const person of [megan, alex]) expect(cardsTo(person).join('\n')).toContain('Réclamation R-2026-0003 sans réponse à l’échéance');
    expect(cardsTo(lynne).join('\n')).not.toContain('R-2026-0003');
    clock.advance(Date.parse('2026-12-01T08:00:00.000Z') - clock.now().getTime());
    const opened = await click('complaint.open', { id: 'R-2026-0003' }, megan);
    expect(opened.text).toContain('Réponse attendue le 30/11/2026 : échéance dépassée');
  });

  it('files a complaint without reply only with a reason (manager), and pages to other years', async () => {
    const noReason = await click('complaint.close', { id: 'R-2026-0003', revision: 0, closeReason: ' ' }, megan);
    expect(noReason.text).toContain('Indiquez pourquoi la réclamation est classée sans réponse sur le fond.');
    const byAgent = await click('complaint.close', { id: 'R-2026-0003', revision: 0, closeReason: 'Doublon' });
    expect(byAgent.text).toContain('Seuls les encadrants du service et le responsable qualité');
    const filed = await click('complaint.close', { id: 'R-2026-0003', revision: 0, closeReason: 'Doublon de R-2026-0001' }, megan);
    expect(filed.text).toContain('Réclamation classée.');
    expect(filed.text).toContain('Classée le 01/12/2026 sans réponse sur le fond');
    expect(await app().complaints.get('R-2026-0003')).toMatchObject({ state: 'closed', closeReason: 'Doublon de R-2026-0001' });
    const previous = await click('complaint.list', { year: 2025 }, alex);
    expect(previous.text).toContain('Réclamations 2025 — toutes');
    expect(previous.text).toContain('Aucune réclamation pour cette année.');
    const blank = await click('complaint.form', {}, lynne);
    expect(blank.text).toContain('Nouvelle réclamation');
    expect(inputOf(blank.card, 'service')?.value).toBe('CERT');
  });
});

describe('demo complaints', () => {
  it('are seeded once: a second seeding adds nothing', async () => {
    const app = await freshAppServices(movableClock(monday));
    const first = await seedDemo(app);
    expect(first.complaintsAdded).toBeGreaterThanOrEqual(12);
    expect((await seedDemo(app)).complaintsAdded).toBe(0);
    expect((await app.complaints.listYear(2026)).length).toBe(first.complaintsAdded);
    expect((await app.complaints.listOpen()).length).toBeGreaterThan(0);
  });
});
