import { RestError } from '@azure/core-rest-pipeline';
import { adele, alex, cardActionActivity, installActivity, isaiah, megan } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { cardsSentTo, createBmiAction, invokeText } from '../support/fault-kit';
import { recordReliabilityRow } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris

const fraudForm = (fileReference: string) => ({
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  fileReference,
  description: 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  article40: 'false',
  article40On: '',
});

/** A letter logged by Megan for Adele: Adele receives the complaint's card. */
const complaintForm = (summary: string) => ({ channel: 'letter', kind: 'complaint', receivedOn: '2026-11-20', summary, commitment: '', scope: 'in', service: 'BMI', assigneeId: adele.aadObjectId });

/** What a process that dies right after a write leaves undone: here, everything after the record is stored. */
const crash = () => new Error('process stopped right after the write');

describe('a card that must follow a write is sent by the next sweep when the process stops right after the write', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, adele, isaiah]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  const submit = async (verb: string, data: Record<string, unknown>, from: typeof adele) => {
    clock.advance(1_000);
    return invokeText(await harness.post(cardActionActivity(harness.connector.url, verb, data, from)));
  };
  /** The next sweep: reminders, then the shared cards an earlier pass left. */
  const sweep = async () => {
    clock.advance(60_000);
    await harness.bot.reminders.runOnce(clock.now());
    await harness.bot.sharedCards.settle();
  };
  const qualifyCards = (id: string) => cardsSentTo(harness, isaiah).filter((text) => text.includes(`Signalement à qualifier — ${id}`)).length;
  const assignedCards = (id: string) => cardsSentTo(harness, adele).filter((text) => text.includes(id) && text.includes('Cette réclamation vous est confiée')).length;

  it('sends the referent the signal to qualify once: stopped after the write, the form sent again, or the send itself failing', async () => {
    // The process stops right after the signal is stored: no audit line, no publishing.
    const audit = jest.spyOn(app().audit, 'append').mockRejectedValueOnce(crash());
    const failed = await submit('fraud.submit', fraudForm('2026-BMI-8001'), adele);
    expect(failed).toContain('Une erreur est survenue');
    audit.mockRestore();
    const [stored] = (await app().fraudSignals.listPartition('BMI', 2026)).filter((signal) => signal.fileReference === '2026-BMI-8001');
    const id = stored?.id ?? '';
    expect(qualifyCards(id)).toBe(0);
    await sweep();
    expect(qualifyCards(id)).toBe(1);

    // Adele, told it failed, sends the same form again: the same signal, its audit line added, no second card.
    const again = await submit('fraud.submit', fraudForm('2026-BMI-8001'), adele);
    expect(again).toContain('Ce formulaire avait déjà été reçu : rien n’est enregistré deux fois.');
    expect(again).toContain(`Signalement ${id} enregistré. Transmis pour qualification à : Isaiah Langer.`);
    await harness.bot.sharedCards.settle();
    await sweep();
    expect((await app().fraudSignals.listPartition('BMI', 2026)).filter((signal) => signal.fileReference === '2026-BMI-8001')).toHaveLength(1);
    expect((await app().fraudSignals.listByAuthor(adele.aadObjectId)).map((signal) => signal.id)).toContain(id);
    expect((await app().audit.listMonth('2026-11', { entityId: id })).filter((entry) => entry.action === 'fraud.submit')).toHaveLength(1);
    expect(qualifyCards(id)).toBe(1);

    // The send fails (Teams or the network): the copy stays due and the sweep sends it.
    const publish = jest.spyOn(harness.bot.sharedCards, 'publish').mockRejectedValueOnce(new Error('connector unreachable'));
    const saved = await submit('fraud.submit', fraudForm('2026-BMI-8002'), adele);
    const second = /Signalement (BMI-2026-\d+) enregistré/.exec(saved)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    publish.mockRestore();
    expect(qualifyCards(second)).toBe(0);
    await sweep();
    expect(qualifyCards(second)).toBe(1);
    recordReliabilityRow({
      section: 'faults',
      id: 'fraud-signal-notified-after-crash',
      what: 'Process stopped right after a fraud signal is stored; the form sent again; the send to the referent failing',
      cases: 3,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the referent’s copy is listed before the write: the next sweep sends it once; the form sent again finishes the same signal (index, audit) without a second one',
    });
  });

  it('sends the agent the complaint given to her once: stopped after the write, the form sent again, or the send itself failing', async () => {
    const audit = jest.spyOn(app().audit, 'append').mockRejectedValueOnce(crash());
    const failed = await submit('complaint.submit', complaintForm('Panneau d’affichage illisible depuis la rue'), megan);
    expect(failed).toContain('Une erreur est survenue');
    audit.mockRestore();
    const [stored] = (await app().complaints.listYear(2026)).filter((complaint) => complaint.summary === 'Panneau d’affichage illisible depuis la rue');
    const id = stored?.id ?? '';
    expect(assignedCards(id)).toBe(0);
    await sweep();
    expect(assignedCards(id)).toBe(1);

    const again = await submit('complaint.submit', complaintForm('Panneau d’affichage illisible depuis la rue'), megan);
    expect(again).toContain(`Ce formulaire avait déjà été reçu : rien n’est enregistré deux fois. Réclamation ${id} enregistrée.`);
    await harness.bot.sharedCards.settle();
    await sweep();
    expect((await app().complaints.listYear(2026)).filter((complaint) => complaint.summary === 'Panneau d’affichage illisible depuis la rue')).toHaveLength(1);
    expect((await app().audit.listMonth('2026-11', { entityId: id })).filter((entry) => entry.action === 'complaint.create')).toHaveLength(1);
    expect(assignedCards(id)).toBe(1);

    const publish = jest.spyOn(harness.bot.sharedCards, 'publish').mockRejectedValueOnce(new Error('connector unreachable'));
    const saved = await submit('complaint.submit', complaintForm('Formulaire en ligne sans accusé de réception'), megan);
    const second = /Réclamation (R-2026-\d+) enregistrée/.exec(saved)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    publish.mockRestore();
    expect(assignedCards(second)).toBe(0);
    await sweep();
    expect(assignedCards(second)).toBe(1);
    recordReliabilityRow({
      section: 'faults',
      id: 'complaint-assigned-after-crash',
      what: 'Process stopped right after a complaint logged for someone else is stored; the form sent again; the send to the agent failing',
      cases: 3,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the agent’s copy is listed before the write: the next sweep sends it once; the form sent again finishes the same complaint (audit) without a second one',
    });
  });
  it('redraws the referent’s card and tells the author once when the process stops right after a qualification', async () => {
    const saved = await submit('fraud.submit', fraudForm('2026-BMI-8003'), adele);
    const id = /Signalement (BMI-2026-\d+) enregistré/.exec(saved)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    expect(qualifyCards(id)).toBe(1);
    const round = Date.parse((await app().fraudSignals.get(id))?.submittedAt ?? '');
    const audit = jest.spyOn(app().audit, 'append').mockRejectedValueOnce(crash());
    const failed = await submit('fraud.qualify', { id, round, outcome: 'confirmed' }, isaiah);
    audit.mockRestore();
    expect(failed).toContain('Une erreur est survenue');
    expect(await app().fraudSignals.get(id)).toMatchObject({ state: 'confirmed' });
    harness.connector.clear();
    await sweep();
    const redrawn = harness.connector.updated.filter((update) => update.conversationId === `personal-chat-${isaiah.id}`);
    expect(redrawn.map((update) => cardTexts(update.attachments?.[0]?.content).join('\n'))).toEqual([expect.stringContaining('Qualifié par Isaiah Langer')]);
    const toAuthor = cardsSentTo(harness, adele).filter((text) => text.includes(`Qualification de votre signalement ${id}`));
    expect(toAuthor).toHaveLength(1);
    await sweep();
    expect(cardsSentTo(harness, adele).filter((text) => text.includes(`Qualification de votre signalement ${id}`))).toHaveLength(1);
    recordReliabilityRow({
      section: 'faults',
      id: 'fraud-qualification-after-crash',
      what: 'Process stopped right after a referent’s qualification is stored',
      cases: 1,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the referents’ copies were marked stale and the author’s copy listed before the write: the next sweep redraws and sends them once (the qualification’s audit line is lost with the process)',
    });
  });
  it('tells the owner of an approved closure once, and redraws the other approver’s card, when the process stops right after the approval', async () => {
    const item = await createBmiAction(app(), 'Boîte à suggestions peu visible', clock.now());
    await submit('action.transition', { id: item.id, revision: 0, step: 'mark-done', verification: '12 suggestions reçues en un mois', effective: 'oui' }, adele);
    await harness.bot.sharedCards.settle();
    const decisionCards = () => cardsSentTo(harness, adele).filter((text) => text.includes(`Décision sur l’action ${item.id}`)).length;
    const audit = jest.spyOn(app().audit, 'append').mockRejectedValueOnce(crash());
    const failed = await submit('action.transition', { id: item.id, revision: 1, step: 'approve' }, megan);
    audit.mockRestore();
    expect(failed).toContain('Une erreur est survenue');
    expect(await app().actions.get(item.id)).toMatchObject({ state: 'closed' });
    expect(decisionCards()).toBe(0);
    harness.connector.clear();
    await sweep();
    expect(decisionCards()).toBe(1);
    // Alex, the other approver, sees on his copy that the closure was approved.
    const redrawn = harness.connector.updated.filter((update) => update.conversationId === `personal-chat-${alex.id}`);
    expect(redrawn.map((update) => cardTexts(update.attachments?.[0]?.content).join('\n'))).toContainEqual(expect.stringContaining('Megan Bowen'));
    await sweep();
    expect(decisionCards()).toBe(1);
    recordReliabilityRow({
      section: 'faults',
      id: 'action-approval-after-crash',
      what: 'Process stopped right after a manager’s approval of a closure is stored',
      cases: 1,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the owner’s decision card was listed and the approvers’ copies marked stale before the write: the next sweep sends the owner one card and redraws the other approver’s copy (the approval’s audit line is lost with the process)',
    });
  });

  it('does not send a card twice when Teams took it but the storage failed to record the send', async () => {
    const markSent = jest.spyOn(app().sharedCards, 'markSent').mockRejectedValueOnce(new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' }));
    const saved = await submit('fraud.submit', fraudForm('2026-BMI-8004'), adele);
    const id = /Signalement (BMI-2026-\d+) enregistré/.exec(saved)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    markSent.mockRestore();
    expect(qualifyCards(id)).toBe(1);
    const [copy] = await app().sharedCards.list(`fraud-qualify|${id}|${Date.parse((await app().fraudSignals.get(id))?.submittedAt ?? '')}`);
    expect(copy?.status).toBe('pending');
    await sweep();
    expect(qualifyCards(id)).toBe(1);
    expect((await app().sharedCards.list(copy?.topic ?? '')).map((row) => row.status)).toEqual(['sent']);
    recordReliabilityRow({
      section: 'faults',
      id: 'shared-card-send-not-recorded',
      what: 'Teams accepts a shared card but the storage fails to record the send',
      cases: 1,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the copy stays pending; the next pass of the same process records the message it sent instead of sending it again',
    });
  });
  it('keeps a shared card Teams refused (500) due, and marks it unreachable on a 403, instead of taking either for sent', async () => {
    const topicOf = async (id: string) => `fraud-qualify|${id}|${Date.parse((await app().fraudSignals.get(id))?.submittedAt ?? '')}`;
    harness.connector.failNext(500);
    const refused = await submit('fraud.submit', fraudForm('2026-BMI-8005'), adele);
    const id = /Signalement (BMI-2026-\d+) enregistré/.exec(refused)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    expect(qualifyCards(id)).toBe(0);
    expect((await app().sharedCards.list(await topicOf(id))).map((copy) => copy.status)).toEqual(['pending']);
    await sweep();
    expect(qualifyCards(id)).toBe(1);
    expect((await app().sharedCards.list(await topicOf(id))).map((copy) => copy.status)).toEqual(['sent']);

    harness.connector.failNext(403);
    const blocked = await submit('fraud.submit', fraudForm('2026-BMI-8006'), adele);
    const blockedId = /Signalement (BMI-2026-\d+) enregistré/.exec(blocked)?.[1] ?? '';
    await harness.bot.sharedCards.settle();
    await sweep();
    expect(qualifyCards(blockedId)).toBe(0);
    expect((await app().sharedCards.list(await topicOf(blockedId))).map((copy) => copy.status)).toEqual(['unreachable']);
    recordReliabilityRow({
      section: 'faults',
      id: 'shared-card-send-refused',
      what: 'Teams answers 500, then 403, to the send of a shared card (a signal to qualify)',
      cases: 2,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the refused copy stays pending and the next sweep sends it once; the 403 copy is marked unreachable and not retried',
    });
  });
});
