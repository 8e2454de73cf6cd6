import { RestError } from '@azure/core-rest-pipeline';
import { randomUUID } from 'node:crypto';
import { ProcessedActivityRepository, defaultDedupeWindowMs } from '../../services/conversations/processed-activity-repository';
import type { FraudPeriod } from '../../services/fraud/fraud-volumes';
import { hashKey } from '../../services/storage/keys';
import { tableNames } from '../../services/storage/table-names';
import { adele, alex, cardActionActivity, installActivity, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { createBmiAction, invokeText, repliesTo, unavailableText } from '../support/fault-kit';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris
/** Distinct activities per way of redelivering (sequentially, five copies at once). */
const activities = 4 * soakFactor();
const copies = 5;

/** A storage answer that says "unavailable", as Azure gives during an outage. */
const storageDown = () => new RestError('The server is busy.', { statusCode: 503 });

/** The n-th distinct volume entry: each writes its own audit line (entity `BMI|<period>`). */
const volumeOf = (n: number) => ({ period: `${2001 + Math.floor(n / 4)}-Q${(n % 4) + 1}`, typed: `${2001 + Math.floor(n / 4)}-T${(n % 4) + 1}`, files: 1000 + n });

describe('Teams redelivers an activity: processed once, answered sensibly', () => {
  let harness: BotHarness;
  const clock = movableClock(monday);
  let volumes = 0;

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock);
    for (const person of [alex, megan, adele]) await harness.post(installActivity(harness.connector.url, person));
  });
  afterAll(() => harness.stop());

  const app = () => harness.bot.app;
  const volumeLines = async (period: string) =>
    (await app().audit.listMonth('2026-11', { entityId: `BMI|${period}`, limit: 1000 })).filter((entry) => entry.action === 'fraud.volume').length;
  /** Posts the same activity `count` times, one after the other or all at once. */
  const deliver = async (activity: object, count: number, atOnce: boolean) => {
    if (atOnce) return Promise.all(Array.from({ length: count }, () => harness.post(activity)));
    const responses = [];
    for (let i = 0; i < count; i += 1) responses.push(await harness.post(activity));
    return responses;
  };

  it(`answers and writes once for each of ${activities * 2} messages delivered ${copies} times, one after the other or at once`, async () => {
    let duplicates = 0;
    let lost = 0;
    for (const atOnce of [false, true]) {
      for (let i = 0; i < activities; i += 1) {
        const volume = volumeOf(volumes++);
        const activity = messageActivity(harness.connector.url, `volumes BMI ${volume.typed} ${volume.files}`, alex);
        const responses = await deliver(activity, copies, atOnce);
        expect(responses.map((response) => response.status)).toEqual(Array(copies).fill(200));
        const replies = repliesTo(harness, activity.id);
        const lines = await volumeLines(volume.period);
        if (replies.length === 0 || lines === 0) lost += 1;
        duplicates += Math.max(0, replies.length - 1) + Math.max(0, lines - 1);
        expect(replies).toHaveLength(1);
        expect(lines).toBe(1);
        expect(await app().fraudVolumes.get('BMI', volume.period as FraudPeriod)).toMatchObject({ volume: volume.files });
      }
    }
    recordReliabilityRow({
      section: 'faults',
      id: 'redelivered-messages',
      what: `Teams redelivers a chat message (same id) ${copies} times, one after the other or ${copies} copies at once`,
      cases: activities * 2 * copies,
      lost,
      duplicates,
      recoveryMs: null,
      outcome: 'each message answered once and its change written once; the copies are dropped silently',
    });
  });

  it(`changes an action once for each of ${activities * 2} card clicks delivered ${copies} times, and answers the copies with a card`, async () => {
    let duplicates = 0;
    let lost = 0;
    const otherAnswers = new Set<string>();
    for (const atOnce of [false, true]) {
      for (let i = 0; i < activities; i += 1) {
        clock.advance(1_000);
        const item = await createBmiAction(app(), `Redélivrance ${atOnce ? 'simultanée' : 'successive'} ${i}`, clock.now());
        const activity = cardActionActivity(harness.connector.url, 'action.transition', { id: item.id, revision: item.revision, step: 'update-progress', progressNote: `Note ${i}` }, adele);
        const answers = (await deliver(activity, copies, atOnce)).map((response) => ({ status: response.status, text: invokeText(response) }));
        const saved = answers.filter((answer) => answer.text.includes('Enregistré.'));
        for (const answer of answers.filter((candidate) => !candidate.text.includes('Enregistré.'))) otherAnswers.add(answer.text);
        const rows = (await app().actions.history(item.id)).filter((entry) => entry.action === 'action.update-progress').length;
        if (saved.length === 0 || rows === 0) lost += 1;
        duplicates += Math.max(0, saved.length - 1) + Math.max(0, rows - 1);
        expect(answers.map((answer) => answer.status)).toEqual(Array(copies).fill(200));
        expect(saved).toHaveLength(1);
        expect(rows).toBe(1);
        expect(await app().actions.get(item.id)).toMatchObject({ revision: item.revision + 1, progress: `Note ${i}` });
      }
    }
    // The copies get a card that says it was already done, never an error.
    expect([...otherAnswers]).toEqual([expect.stringContaining('Déjà pris en compte')]);
    expect([...otherAnswers].join()).not.toMatch(/erreur|indisponible/i);
    recordReliabilityRow({
      section: 'faults',
      id: 'redelivered-card-actions',
      what: `Teams redelivers an Action.Execute invoke (same id) ${copies} times, one after the other or ${copies} copies at once`,
      cases: activities * 2 * copies,
      lost,
      duplicates,
      recoveryMs: null,
      outcome: 'each click changes the action once (one history row); every copy is answered 200 with « Déjà pris en compte », never an error',
    });
  });

  it('remembers an activity for a day: the claim row carries its expiry, and after it the same id is taken again', async () => {
    const table = app().store.table(tableNames.processedActivities);
    const repository = new ProcessedActivityRepository(table);
    const conversation = `personal-chat-${randomUUID()}`;
    const activityId = randomUUID();
    const now = clock.now();
    expect(await repository.claim(conversation, activityId, now)).toBe(true);
    const rowKey = hashKey(conversation, activityId);
    const row = await table.getEntity<{ expiresAt: string }>(rowKey.slice(0, 2), rowKey);
    expect(Date.parse(row.expiresAt)).toBe(now.getTime() + defaultDedupeWindowMs);

    const justBefore = new Date(now.getTime() + defaultDedupeWindowMs - 1);
    expect(await repository.claim(conversation, activityId, justBefore)).toBe(false);
    // After the window, five redeliveries at once: the expired claim is taken over by exactly one.
    const after = new Date(now.getTime() + defaultDedupeWindowMs + 1);
    const reclaims = await Promise.all(Array.from({ length: copies }, () => repository.claim(conversation, activityId, after)));
    expect(reclaims.filter(Boolean)).toHaveLength(1);

    // Through the bot: a message redelivered a day later is processed again, as a new request.
    const message = messageActivity(harness.connector.url, 'qui suis-je', alex);
    await harness.post(message);
    await harness.post(message);
    expect(repliesTo(harness, message.id)).toHaveLength(1);
    clock.advance(defaultDedupeWindowMs + 60_000);
    await harness.post(message);
    expect(repliesTo(harness, message.id)).toHaveLength(2);
  });

  it('gives the claim back when a turn fails on the storage, so that Teams’ redelivery is processed', async () => {
    // A chat message whose turn fails: the person reads « momentanément indisponible », the redelivery answers.
    const resolve = jest.spyOn(app().directory, 'resolve').mockRejectedValueOnce(storageDown());
    const message = messageActivity(harness.connector.url, 'qui suis-je', alex);
    await harness.post(message);
    expect(repliesTo(harness, message.id).join()).toContain(unavailableText);
    await harness.post(message);
    expect(repliesTo(harness, message.id).at(-1)).toContain('Alex Wilber');
    resolve.mockRestore();

    // A card click whose write fails: nothing changes, and the redelivered click is processed.
    clock.advance(1_000);
    const item = await createBmiAction(app(), 'Clic redélivré après une panne', clock.now());
    const update = jest.spyOn(app().actions, 'update').mockRejectedValueOnce(storageDown());
    const click = cardActionActivity(harness.connector.url, 'action.transition', { id: item.id, revision: item.revision, step: 'update-progress', progressNote: 'Après la panne' }, adele);
    const failed = await harness.post(click);
    expect(failed.status).toBe(200);
    expect(invokeText(failed)).toContain(unavailableText);
    expect(await app().actions.get(item.id)).toMatchObject({ revision: item.revision });
    const redelivered = await harness.post(click);
    expect(invokeText(redelivered)).toContain('Enregistré.');
    expect(await app().actions.get(item.id)).toMatchObject({ revision: item.revision + 1, progress: 'Après la panne' });
    update.mockRestore();
    recordReliabilityRow({
      section: 'faults',
      id: 'redelivery-after-failed-turn',
      what: 'A turn fails on the storage (503), then Teams redelivers it (message, card click)',
      cases: 2,
      lost: 0,
      duplicates: 0,
      recoveryMs: null,
      outcome: 'the failed turn answers « momentanément indisponible » and gives its claim back; the redelivery is processed once',
    });
  });
});
