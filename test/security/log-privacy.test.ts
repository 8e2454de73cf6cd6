import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandDefinition } from '../../bot/command-definition';
import { commandTable } from '../../bot/commands';
import { fraudQualifyTopic } from '../../bot/handlers/fraud-view';
import { startAzurite } from '../../scripts/lib/azurite';
import type { SentText } from '../../scripts/lib/playground-browser';
import { freePort } from '../../scripts/lib/ports';
import { addCalendarDays, WorkingCalendar } from '../../services/reminders/calendar';
import { quarterOf } from '../../services/reminders/quarter';
import { adele, alex, cardActionActivity, installActivity, isaiah, lynne, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { demoPersonalData, freeTextsSent, LogCapture, scanLogs } from '../support/log-privacy';
import { recordReliabilityRow } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

type Persona = typeof alex;
type Card = Record<string, unknown>;
type InvokeBody = { value?: Card };

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
/** Personal data typed where it does not belong: the error paths below send it everywhere. */
const intruder = 'Camille Martin camille.martin@cher.gouv.fr 06 12 34 56 78';

/** The first `Action.Execute` of a card whose title matches, as a Teams client reads it. */
function actionOf(card: unknown, title: string | RegExp): { verb: string; data: Card; withInputs: boolean } | undefined {
  if (Array.isArray(card)) return card.map((item) => actionOf(item, title)).find(Boolean);
  if (!card || typeof card !== 'object') return undefined;
  const record = card as Card;
  const matches = typeof record.title === 'string' && (typeof title === 'string' ? record.title === title : title.test(record.title));
  if (record.type === 'Action.Execute' && matches && typeof record.verb === 'string') {
    return { verb: record.verb, data: (record.data ?? {}) as Card, withInputs: record.associatedInputs !== 'none' };
  }
  return Object.values(record).map((value) => actionOf(value, title)).find(Boolean);
}

/** The values a client sends with an `Action.Execute`: every input of the card that holds one (Adaptive Cards' `isSet`). */
function inputValues(card: unknown): Card {
  if (Array.isArray(card)) return Object.assign({}, ...card.map(inputValues)) as Card;
  if (!card || typeof card !== 'object') return {};
  const record = card as Card;
  const own: Card = {};
  if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string') {
    const value = record.type === 'Input.Toggle' ? (record.value ?? record.valueOff ?? 'false') : record.value;
    if ((typeof value === 'string' && value !== '') || typeof value === 'number' || typeof value === 'boolean') own[record.id] = String(value);
  }
  return Object.assign(own, ...Object.values(record).map(inputValues)) as Card;
}

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('logs without personal data (issue 10): the end-to-end scenarios and error paths replayed, logs at debug', () => {
  const capture = new LogCapture();
  const sent: SentText[] = [];
  /** Free text the scenarios write straight into storage, as the e2e files do. */
  const written: string[] = [];
  const clock = movableClock(monday);
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
  const today = calendar.localDateOf(clock.now());
  const log = { level: 'debug', destination: capture };
  let harness: BotHarness;
  let turns = 0;

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, {}, { actionPlan: true, log });
    for (const person of [alex, megan, adele, isaiah, lynne]) await post(harness, installActivity(harness.connector.url, person));
  });
  afterAll(() => harness?.stop());

  async function post(target: BotHarness, activity: object) {
    turns += 1;
    clock.advance(1_000);
    return target.post(activity);
  }
  const cardsTo = (person: Persona, target = harness) =>
    target.connector.sent.filter((a) => a.conversationId === `personal-chat-${person.id}`).flatMap((a) => (a.attachments ?? []).map((x) => x.content));
  /** The last card a person received that shows `text`. */
  const cardTo = (person: Persona, text: string) => {
    const card = cardsTo(person).findLast((content) => cardTexts(content).join('\n').includes(text));
    if (!card) throw new Error(`no card showing « ${text} »`);
    return card;
  };
  /** A message typed in the chat; answers with the last card it brought. */
  const say = async (person: Persona, text: string, target = harness) => {
    sent.push({ kind: 'message', text });
    await post(target, messageActivity(target.connector.url, text, person));
    return cardsTo(person, target).at(-1) ?? {};
  };
  /** A button clicked on a card, after typing `typed` into its inputs; answers with the card that replaces it. */
  const click = async (person: Persona, card: unknown, title: string | RegExp, typed: Card = {}, target = harness) => {
    const action = actionOf(card, title);
    if (!action) throw new Error(`no button ${String(title)}`);
    const data = { ...action.data, ...(action.withInputs ? inputValues(card) : {}), ...typed };
    sent.push(...strings(data).map((text) => ({ kind: 'field' as const, text })));
    const response = await post(target, cardActionActivity(target.connector.url, action.verb, data, person));
    expect(response.status).toBe(200);
    return (response.body as InvokeBody).value ?? {};
  };

  it('replays playground-chat: help, gibberish, a typo, whoami, the référentiel, assigning someone, a check reminder', async () => {
    await say(alex, 'aide');
    await say(alex, 'xqzwv blorp');
    await click(alex, await say(alex, 'aid'), 'aide');
    await say(alex, 'Qui suis-je ?');
    await click(alex, await say(alex, 'engagements'), 'Suivants');
    const form = await click(alex, await say(alex, 'annuaire'), 'Affecter');
    expect(cardTexts(await click(alex, form, 'Enregistrer', { service: 'BMI' })).join('\n')).toContain('Fiche enregistrée');
    await harness.bot.reminders.runOnce(calendar.localInstant(calendar.firstWorkingDayOfQuarter(quarterOf(today)), '10:00'));
    const check = await click(alex, cardTo(alex, 'Contrôle trimestriel'), 'Répondre');
    expect(cardTexts(await click(alex, check, 'Vérifié, à jour')).join('\n')).toContain('Vérifié, à jour — Alex Wilber');
    await say(alex, 'contrôles');
  });

  it('replays status: the overview, a line’s detail, a loosely worded request', async () => {
    await click(alex, await say(alex, 'statut'), /^(Actions en retard \(\d+\)|Voir le plan d’action)$/);
    await say(alex, 'en retard reclamations');
  });

  it('replays complaints: a summary holding a phone number refused, then saved, then listed', async () => {
    const form = await say(adele, 'nouvelle réclamation');
    const fields = { channel: 'email', kind: 'complaint', receivedOn: today, summary: 'Rappeler l’usager au 06 12 34 56 78' };
    const refused = await click(adele, form, 'Enregistrer', fields);
    expect(cardTexts(refused).join('\n')).toContain('numéro de téléphone');
    const saved = await click(adele, refused, 'Enregistrer', { ...fields, summary: 'Horaires d’ouverture de l’accueil des étrangers jugés trop restreints' });
    expect(cardTexts(saved).join('\n')).toMatch(/Réclamation R-\d{4}-\d{4} enregistrée/);
    await say(adele, 'réclamations');
  });

  it('replays action-approval: the owner marks the action done, the manager approves twice', async () => {
    const finding = 'Boîte à suggestions peu visible dans le hall';
    written.push(finding, 'Déplacer la boîte à la sortie du hall');
    const now = clock.now();
    const created = await harness.bot.app.actions.create(
      { id: `${now.getUTCFullYear()}-01`, year: now.getUTCFullYear(), finding, references: ['E3 § 3-1'], sources: ['autodiagnostic'], state: 'in-progress',
        deadline: addCalendarDays(today, 30), deadlineSetAt: now.toISOString(), action: written[1] ?? '', services: ['BMI'], ownerId: adele.aadObjectId,
        createdAt: now.toISOString(), createdBy: alex.aadObjectId, revision: 0 },
      { actorId: alex.aadObjectId, action: 'action.create', entityType: 'action', entityId: '' },
      now,
    );
    const view = await say(adele, `action ${created.id}`);
    await click(adele, view, 'Envoyer pour validation', { verification: 'Boîte déplacée : 12 suggestions reçues en un mois', effective: 'oui' });
    await harness.bot.sharedCards.settle();
    const older = await say(megan, `action ${created.id}`);
    const approved = await click(megan, cardTo(megan, `Clôture à valider — action ${created.id}`), 'Approuver la clôture');
    expect(cardTexts(approved).join('\n')).toContain('Approuvée par Megan Bowen');
    expect(cardTexts(await click(megan, older, 'Approuver la clôture')).join('\n')).toContain('Déjà approuvée par Megan Bowen');
    await harness.bot.sharedCards.settle();
  });

  it('replays clu: the meeting scheduled on the prefilled form, Megan present, the overview', async () => {
    const form = await say(alex, 'planifier le clu');
    const saved = await click(alex, form, 'Enregistrer et inviter', { date: calendar.nextWorkingDay(addCalendarDays(today, 40)) });
    expect(cardTexts(saved).join('\n')).toMatch(/Réunion CLU-\d{4}(-\d+)? planifiée le/);
    await harness.bot.sharedCards.settle();
    await click(megan, cardTo(megan, 'Invitation — Comité local des usagers'), 'Présent(e)');
    await say(alex, 'clu');
  });

  it('replays fraud: a signal qualified by the referent, its author told', async () => {
    const now = clock.now();
    const description = 'Facture d’énergie retouchée : adresse dans une autre police';
    written.push(description);
    const created = await harness.bot.app.fraudSignals.create({
      service: 'BMI', titleType: 'titre-sejour', nature: 'faux-justificatif-domicile', detectedOn: today, fileReference: `${now.getUTCFullYear()}-BMI-00977`,
      description, article40: { reported: false }, authorId: adele.aadObjectId, createdAt: now.toISOString(), state: 'submitted',
      submittedAt: now.toISOString(), exchanges: [], revision: 0,
    });
    const topic = fraudQualifyTopic(created);
    await harness.bot.app.sharedCards.addRecipients(topic, [isaiah.aadObjectId], now.toISOString());
    await harness.bot.sharedCards.publish(topic);
    await harness.bot.sharedCards.settle();
    const qualified = await click(isaiah, cardTo(isaiah, `Signalement à qualifier — ${created.id}`), 'Confirmer');
    expect(cardTexts(qualified).join('\n')).toContain('Qualifié par Isaiah Langer');
    await harness.bot.sharedCards.settle();
    cardTo(adele, `Qualification de votre signalement ${created.id}`);
  });

  it('keeps personal data typed in free-text forms and command arguments out of the logs', async () => {
    // Every command, with a name, an e-mail and a phone number where its argument goes.
    for (const command of Object.values(commandTable) as CommandDefinition[]) await say(alex, `${command.phrasings[0] ?? ''} ${intruder}`);
    await say(lynne, `envoyer le dossier à ${intruder}`);
    const complaint = await say(adele, 'nouvelle réclamation');
    await click(adele, complaint, 'Enregistrer', { channel: 'email', kind: 'complaint', receivedOn: today, summary: `Rappeler ${intruder}` });
    await click(adele, complaint, 'Enregistrer', { channel: 'letter', kind: 'complaint', receivedOn: today, summary: 'Mme Léa Dubois se plaint de l’attente' });
    const fraud = await say(adele, 'signaler une fraude');
    await click(adele, fraud, /^Envoyer/, { description: `Signalé par ${intruder}`, fileReference: 'Dossier de Hugo Bernard' });
    const proposal = await say(megan, 'nouvelle action Accueil mal signalé selon Louis Thomas');
    await click(megan, proposal, /^(Envoyer|Proposer|Enregistrer)/, { finding: `Constat de ${intruder}` });
  });

  it('keeps them out on malformed and unknown card actions', async () => {
    const url = harness.connector.url;
    await post(harness, { ...cardActionActivity(url, 'x', {}), value: { action: { type: 'Action.Execute', verb: intruder, data: { note: intruder } } } });
    await post(harness, { ...cardActionActivity(url, 'x', {}), value: intruder });
    await post(harness, { ...cardActionActivity(url, 'x', {}), value: { action: { type: 'Action.Submit', verb: 'complaint.submit', data: intruder } } });
    await post(harness, cardActionActivity(url, 'complaint.submit', { summary: { text: intruder }, receivedOn: intruder, channel: intruder }, adele));
    await post(harness, cardActionActivity(url, 'person.save', { personId: intruder, etag: intruder, service: intruder, roles: intruder }));
    await post(harness, cardActionActivity(url, 'action.transition', { id: intruder, revision: 0, step: 'approve' }, megan));
    await post(harness, cardActionActivity(url, 'command.run', { command: 'help', argument: intruder }, adele));
    sent.push({ kind: 'field', text: intruder });
  });

  it('keeps them out of the download route: the links of an export, and a forged one', async () => {
    const origin = new URL(harness.endpoint).origin;
    const links = (JSON.stringify(await say(alex, 'exporter réclamations')).match(/https?:\/\/[^"]+\/exports\/[^"]+/g) ?? []).map((link) => origin + new URL(link).pathname);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect((await fetch(link)).status).toBe(200);
    expect((await fetch(`${origin}/exports/${encodeURIComponent(intruder)}`)).status).toBe(403);
  });

  it('keeps them out when a reply cannot be delivered', async () => {
    harness.connector.failNext(500, 500, 500);
    await say(megan, `qui suis-je ${intruder}`);
    harness.connector.failNext(403);
    await say(megan, 'Qui suis-je ?');
  });

  it('keeps them out when the storage fails in the middle of a turn', async () => {
    const location = mkdtempSync(join(tmpdir(), 'qualibot-log-privacy-'));
    const azurite = await startAzurite({ port: await freePort(), location });
    const down = await startBotHarness(azurite.connectionString, clock, {}, { log });
    try {
      await post(down, installActivity(down.connector.url, adele));
      const form = await say(adele, 'nouvelle réclamation', down);
      await azurite.stop();
      await say(adele, `affecter ${intruder}`, down);
      await say(adele, `nouvelle action ${intruder}`, down);
      await click(adele, form, 'Enregistrer', { channel: 'email', kind: 'complaint', receivedOn: today, summary: 'Mme Léa Dubois attend depuis une heure' }, down);
    } finally {
      await down.stop();
      await azurite.stop().catch(() => undefined);
      rmSync(location, { recursive: true, force: true });
    }
  }, 90_000);

  it('finds no name, e-mail address or typed text in any log line', () => {
    // The scanner itself: an upper-case name without its accent and an unknown e-mail are caught, an id is not.
    expect(scanLogs(['{"msg":"LEA DUBOIS"}', '{"to":"x.y@example.org"}', '{"id":"2026-01"}'], demoPersonalData())).toHaveLength(2);
    const leaks = scanLogs(capture.lines, [...demoPersonalData(), ...freeTextsSent(sent), ...written]);
    recordReliabilityRow({
      section: 'data-protection',
      id: 'logs-without-personal-data',
      what: 'the end-to-end scenarios and error paths replayed over HTTP, logs at debug scanned for names, e-mails and typed text',
      cases: capture.lines.length,
      lost: leaks.length,
      duplicates: null,
      recoveryMs: null,
      outcome: `${turns} turns replayed (messages, card actions, a storage outage, undeliverable replies); ${leaks.length} log lines with personal data`,
    });
    expect(capture.lines.length).toBeGreaterThan(turns);
    expect(leaks).toEqual([]);
  });
});
