import { openStates, workStates } from '../../services/action-plan/action-item';
import { answeredOnTime } from '../../services/complaints/complaint-deadline';
import type { Complaint } from '../../services/complaints/complaint';
import type { Person } from '../../services/directory/person';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { quarterOf } from '../../services/reminders/quarter';
import { trainingStatus } from '../../services/training/training-status';
import { formatDay } from '../../services/training/training-dates';
import { adele, alex, cardActionActivity, installActivity, isaiah, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris, in 2026-Q4
type Persona = { id: string; aadObjectId: string };
type InvokeBody = { value: unknown };

/** French singular for 0 and 1, as the cards write counts. */
const fr = (n: number, singular: string, plural: string) => `${n} ${n <= 1 ? singular : plural}`;

/**
 * The figures a person should read, computed here straight from the repositories with the rules of DOMAIN.md
 * (scope: everything for the quality officer, the service for a manager, one's own for an agent), not through the
 * overview's code.
 */
async function expectedFigures(harness: BotHarness, who: Persona, today: string) {
  const app = harness.bot.app;
  const person = (await app.people.get(who.aadObjectId)) as Person;
  const all = person.roles.includes('rq') || person.roles.includes('admin');
  const manager = person.roles.includes('manager') ? person.service : undefined;

  const actions = (await app.actions.list()).filter(
    (item) => all || item.ownerId === person.id || item.createdBy === person.id || (manager !== undefined && item.services.includes(manager)),
  );
  const overdue = actions.filter((item) => workStates.includes(item.state) && item.deadline !== undefined && item.deadline < today).length;

  const quarter = quarterOf(today);
  const answered = new Set((await app.checkAnswers.listQuarter(quarter.id)).map((answer) => answer.itemId));
  const checks = (await app.checkItems.list()).filter(
    (item) => item.active && item.createdAt.slice(0, 10) <= quarter.end && (all || item.ownerId === person.id || (manager !== undefined && item.service === manager)),
  );

  const everyone = await app.people.list();
  const group = all ? everyone.filter((p) => !p.toAssign) : manager !== undefined ? everyone.filter((p) => !p.toAssign && p.service === manager) : [person];
  const [types, records] = await Promise.all([app.trainingTypes.list(), app.trainingRecords.listAll()]);
  const lines = group.flatMap((p) => trainingStatus(p, types, records, today));

  const inScope = (complaint: Complaint) =>
    all || complaint.assigneeId === person.id || complaint.createdBy === person.id || (manager !== undefined && complaint.service === manager);
  const open = (await app.complaints.listOpen()).filter(inScope);
  const answeredThisYear = (await app.complaints.listYear(Number(today.slice(0, 4)))).filter(
    (complaint) => inScope(complaint) && complaint.inScope && complaint.replies.some((reply) => reply.kind === 'substance'),
  );
  const onTime = answeredThisYear.filter((complaint) => answeredOnTime(complaint) === true).length;

  const signals = await app.fraudSignals.listYear(Number(today.slice(0, 4)));
  return {
    actions: `${fr(actions.filter((item) => openStates.includes(item.state)).length, 'ouverte', 'ouvertes')} · ${overdue} en retard · ${
      actions.filter((item) => item.state === 'awaiting-approval').length
    } à valider`,
    checks:
      checks.length === 0
        ? 'Aucun contrôle dû ce trimestre.'
        : `${checks.filter((item) => answered.has(item.id)).length} fait(s) sur ${checks.length} · ${checks.filter((item) => !answered.has(item.id)).length} à faire`,
    training: [
      fr(lines.filter((line) => line.state === 'expired').length, 'expirée', 'expirées'),
      fr(lines.filter((line) => line.state === 'missing').length, 'jamais déclarée', 'jamais déclarées'),
      `${lines.filter((line) => line.state === 'expiring' && (line.daysLeft ?? 999) <= 90).length} à renouveler dans les 90 jours`,
    ].join(' · '),
    expired: lines.filter((line) => line.state === 'expired').length,
    complaints: `${open.length} en attente · ${open.filter((complaint) => complaint.dueOn < today).length} en retard`,
    late: open.filter((complaint) => complaint.dueOn < today).length,
    onTime:
      answeredThisYear.length === 0
        ? `${today.slice(0, 4)} : aucune réponse sur le fond enregistrée pour l’instant`
        : `${today.slice(0, 4)} : ${Math.round((onTime * 100) / answeredThisYear.length)} % répondues dans les délais (${onTime} sur ${answeredThisYear.length})`,
    fraud: `${signals.filter((signal) => signal.state !== 'not-confirmed').length} signalement(s) retenu(s), dont ${
      signals.filter((signal) => signal.state === 'submitted' || signal.state === 'to-complete').length
    } à qualifier · ${signals.filter((signal) => signal.article40.reported).length} transmis au procureur (art. 40)`,
  };
}

describe('« statut »: one overview card per role, each line leading to its detail (issue 7)', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);
  const today = new WorkingCalendar({ timeZone: 'Europe/Paris' }).localDateOf(new Date(monday));

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, {}, { actionPlan: true });
    for (const person of [alex, megan, adele, lynne, isaiah]) await harness.post(installActivity(harness.connector.url, person));
    // One check answered this quarter, so « done » is not zero.
    const [first] = (await harness.bot.app.checkItems.list()).filter((item) => item.active);
    if (first) {
      await harness.bot.app.checkAnswers.record({ itemId: first.id, quarter: quarterOf(today).id, answer: 'verified', answeredBy: first.ownerId, answeredAt: monday, late: false });
    }
  });
  afterAll(() => harness.stop());

  const ask = async (text: string, from: Persona) => {
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, text, from));
    const card = harness.connector.cards().at(-1);
    return { card, texts: cardTexts(card), text: cardTexts(card).join('\n') };
  };
  const click = async (data: Record<string, unknown>, from: Persona) => {
    const response = await harness.post(cardActionActivity(harness.connector.url, 'command.run', data, from));
    return cardTexts((response.body as InvokeBody).value).join('\n');
  };

  it.each([
    ['alex (quality officer)', alex, 'Tous les services'],
    ['megan (manager of BMI)', megan, 'Service BMI'],
    ['adele (agent of BMI)', adele, 'Vos dossiers'],
    ['isaiah (fraud referent)', isaiah, 'Vos dossiers'],
  ] as const)('shows %s the figures the repositories hold, in their scope', async (_name, who, scope) => {
    const expected = await expectedFigures(harness, who, today);
    const { texts } = await ask('statut', who);
    expect(texts).toContain('Tableau de bord qualité');
    expect(texts).toContain(`${scope} — au ${formatDay(today, 'fr')}`);
    expect(texts.some((text) => text.startsWith(expected.actions))).toBe(true);
    expect(texts).toContain(expected.checks);
    expect(texts).toContain(expected.training);
    expect(texts).toContain(expected.complaints);
    expect(texts).toContain(expected.onTime);
    const seesFraud = who === alex || who === isaiah;
    expect(texts.includes(expected.fraud)).toBe(seesFraud);
    expect(texts.includes(`Fraude ${today.slice(0, 4)}`)).toBe(seesFraud);
    expect(texts).toContain('Comité local des usagers');
    expect(texts).toContain('Calendrier du label');
  });

  it('has figures worth checking in the demo: overdue actions, expired training, late complaints, fraud signals', async () => {
    const figures = await expectedFigures(harness, alex, today);
    expect(figures.actions).not.toContain(' 0 en retard');
    expect(figures.expired).toBeGreaterThan(0);
    expect(figures.late).toBeGreaterThan(0);
    expect(figures.fraud).not.toMatch(/^0 /);
  });

  it('reaches the details by message, whatever the wording', async () => {
    expect((await ask('actions en retard', alex)).text).toContain('Filtres : en retard');
    expect((await ask('en retard actions', alex)).text).toContain('Filtres : en retard');
    expect((await ask("statut plan d'action", alex)).text).toContain('Plan d’action — Toutes les actions');
    const { expired } = await expectedFigures(harness, alex, today);
    expect((await ask('formations expirées', alex)).text).toMatch(new RegExp(`Formations expirées : ${expired} \\(\\d+ personne\\(s\\)\\)`));
    expect((await ask('formation expiree', alex)).text).toContain(`Formations expirées : ${expired} (`);
    expect((await ask('Expirées, les formations', alex)).text).toContain(`Formations expirées : ${expired} (`);
    const { late } = await expectedFigures(harness, alex, today);
    const complaints = await ask('reclamations en retard', alex);
    expect(complaints.text).toContain('Réclamations en retard — toutes');
    expect(complaints.text).toContain(`${late} (toutes années de réception confondues)`);
    expect((await ask('reclamatoins en retard', alex)).text).toContain('Réclamations en retard — toutes');
    expect((await ask('statut formations', megan)).text).toContain('Service BMI');
    expect((await ask('statu', alex)).text).toContain('Tableau de bord qualité');
  });

  it('keeps a manager to their service and an agent to their own in the filtered views', async () => {
    const { late } = await expectedFigures(harness, megan, today);
    const bmi = await ask('réclamations en retard', megan);
    expect(bmi.text).toContain('Réclamations en retard — service BMI');
    expect(bmi.text).toContain(`${late} (toutes années de réception confondues)`);
    const own = await ask('formations expirées', adele);
    expect(own.text).toContain('Mes formations');
    expect(own.text).toMatch(/Formations expirées : (\d+\.|aucune)/);
  });

  it('refuses the fraud view to an agent who names it, as the command would', async () => {
    expect((await ask('statut fraude', adele)).text).toContain('Vue réservée');
    expect((await ask('fraude statut', adele)).text).toContain('Commande réservée');
  });

  it('runs a line’s button: the detail replaces the overview', async () => {
    expect(await click({ command: 'actionPlan', argument: 'en retard' }, alex)).toContain('Filtres : en retard');
    expect(await click({ command: 'training', argument: 'expirées' }, alex)).toContain('Formations expirées : ');
    expect(await click({ command: 'complaints', argument: 'en retard' }, megan)).toContain('Réclamations en retard — service BMI');
    expect(await click({ command: 'checks', argument: '2026-Q3' }, alex)).toContain('T3 2026');
    expect(await click({ command: 'labelCalendar' }, adele)).toContain('Calendrier');
    expect(await click({ command: 'fraud', argument: '' }, adele)).toContain('réservée à d’autres rôles');
  });

  it('names the words it did not understand above the overview', async () => {
    const { text } = await ask('statut xyzzy', alex);
    expect(text).toContain('Mots non compris : xyzzy.');
    expect(text).toContain('Tableau de bord qualité');
  });

  it('still answers « Je n’ai pas compris » with suggestions when nothing reads as a view', async () => {
    expect((await ask('nouvelle actoin', adele)).text).toContain('Je n’ai pas compris');
    expect((await ask('en retard formations réclamations', adele)).text).toContain('Je n’ai pas compris');
  });
});
