import { RestError } from '@azure/core-rest-pipeline';
import { randomUUID } from 'node:crypto';
import { demoPeople, demoServices } from '../../services/demo/demo-directory';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { adele, alex, cardActionActivity, installActivity, isaiah, megan, messageActivity } from '../support/activities';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import {
  createAwaitingApproval,
  createBmiAction,
  eventually,
  invokeText,
  repliesTo,
  RestartableAzurite,
  seededRandom,
  unavailableText,
  type Persona,
} from '../support/fault-kit';
import { inspectOutageRun, type OutageTally } from '../support/outage-checks';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { movableClock } from '../support/test-storage';

const monday = '2026-11-23T09:00:00.000Z'; // 10:00 in Paris, inside the sending window
const runs = 4 * soakFactor();
/** Bound of every wait: a turn answers within Teams' 15 s, a restarted storage within a few seconds. */
const turnTimeoutMs = 20_000;

const fraudForm = {
  service: 'BMI',
  titleType: 'titre-sejour',
  nature: 'faux-bulletin-salaire',
  detectedOn: '2026-11-20',
  description: 'Bulletins de salaire d’une entreprise radiée, mise en page incohérente',
  article40: 'false',
  article40On: '',
};

/** A letter logged by Megan for Adele: the complaint-assigned card goes to Adele. */
const complaintForm = { channel: 'letter', kind: 'complaint', receivedOn: '2026-11-20', commitment: '', scope: 'in', service: 'BMI', assigneeId: adele.aadObjectId };

/** One turn of a run: the activity Teams posts, and how its successful answer reads. */
interface Turn {
  name: string;
  kind: 'message' | 'invoke';
  activity: { id: string };
  succeeded: (text: string) => boolean;
}

/** Extra people who installed the bot, so a sweep sends more digests than the five turns' people get. */
const crowd: Persona[] = Array.from({ length: 4 }, (_, index) => {
  const n = String(index + 60).padStart(2, '0');
  return { id: `user-id-${n}`, aadObjectId: `00000000-0000-0000-0000-0000000000${n}`, name: `Agent ${n}` };
});

/** The promise's value, or `fallback` after the bound of a turn. */
async function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), turnTimeoutMs)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('storage outage in the middle of turns and sweeps', () => {
  const clock = movableClock(monday);
  const random = seededRandom(20261123);
  let azurite: RestartableAzurite;
  let harness: BotHarness;
  /** What the test reminder source plans at the next sweep. */
  let planned: PlannedReminder[] = [];

  beforeAll(async () => {
    azurite = await RestartableAzurite.start();
    // The demo directory only: no demo checks, training or plan, so each sweep plans just this test's reminders.
    harness = await startBotHarness(azurite.connectionString, clock, {}, { seed: false, reminderSources: () => [{ name: 'outage-test', plan: async () => planned }] });
    await harness.bot.app.services.upsertMany(demoServices);
    for (const person of demoPeople) await harness.bot.app.people.create({ ...person, toAssign: false, createdAt: monday });
    for (const person of [alex, megan, adele, isaiah, ...crowd]) await harness.post(installActivity(harness.connector.url, person));
  }, 60_000);
  afterAll(async () => {
    await azurite?.restart(); // lets the background work end against a live storage
    await harness?.stop();
    await azurite?.dispose();
  }, 30_000);

  const app = () => harness.bot.app;
  const url = () => harness.connector.url;

  /** Posts a turn; answers its text: the invoke's card, or the replies to a message. */
  async function answer(turn: Turn): Promise<string> {
    const response = await withTimeout(
      harness.post(turn.activity).catch(() => undefined),
      undefined,
    );
    if (!response) return '';
    return turn.kind === 'invoke' ? invokeText(response) : repliesTo(harness, turn.activity.id).join('\n');
  }

  /** Time from the storage answering again to the first turn that works (a fresh message, as the next user types). */
  async function recoveryMs(): Promise<number> {
    const back = Date.now();
    const recovered = await eventually(async () => {
      const probe = messageActivity(url(), 'qui suis-je', alex);
      await harness.post(probe);
      return repliesTo(harness, probe.id).some((text) => text.includes('Alex Wilber'));
    }, turnTimeoutMs, 50);
    if (!recovered) throw new Error('the bot did not recover within 20 s of the storage coming back');
    return Date.now() - back;
  }

  /** The turns of one run: a chat command and four card submissions that write several rows each. */
  async function turnsOf(run: number) {
    clock.advance(60_000);
    const now = clock.now();
    const toMarkDone = await createBmiAction(app(), `Essai ${run} : affichage des horaires`, now);
    const toApprove = await createAwaitingApproval(app(), `Essai ${run} : boîte à suggestions`, now);
    const fileReference = `2026-BMI-${5000 + run}`;
    const summary = `Essai ${run} : attente trop longue au guichet des titres`;
    const turns: Turn[] = [
      { name: 'command', kind: 'message', activity: messageActivity(url(), 'qui suis-je', alex), succeeded: (text) => text.includes('Alex Wilber') },
      {
        name: 'mark-done',
        kind: 'invoke',
        activity: cardActionActivity(url(), 'action.transition', { id: toMarkDone.id, revision: toMarkDone.revision, step: 'mark-done', verification: 'Affiche refaite', effective: 'oui' }, adele),
        succeeded: (text) => text.includes('Envoyée pour validation'),
      },
      {
        name: 'approve',
        kind: 'invoke',
        activity: cardActionActivity(url(), 'action.transition', { id: toApprove.id, revision: toApprove.revision, step: 'approve' }, megan),
        succeeded: (text) => text.includes('Clôture approuvée'),
      },
      { name: 'fraud', kind: 'invoke', activity: cardActionActivity(url(), 'fraud.submit', { ...fraudForm, fileReference }, adele), succeeded: (text) => /Signalement BMI-2026-\d+ enregistré/.test(text) },
      { name: 'complaint', kind: 'invoke', activity: cardActionActivity(url(), 'complaint.submit', { ...complaintForm, summary }, megan), succeeded: (text) => /Réclamation R-2026-\d+ enregistrée/.test(text) },
    ];
    return { turns, toMarkDone, toApprove, fileReference, summary };
  }

  /**
   * After the storage is back: Teams redelivers what got no useful answer (same id), and the person clicks again (new
   * id) when that redelivery did not work either.
   */
  async function retryFailed(turns: Turn[], first: string[]): Promise<void> {
    for (const [index, turn] of turns.entries()) {
      if (turn.succeeded(first[index] ?? '')) continue;
      if (turn.succeeded(await answer(turn))) continue;
      await answer({ ...turn, activity: { ...turn.activity, id: randomUUID() } });
    }
  }

  const people = [alex, megan, adele, isaiah, ...crowd];
  /** Two reminders for each person who installed the bot, new keys each run. */
  const remindersOf = (run: number): PlannedReminder[] =>
    people.flatMap((person) =>
      [1, 2].map((n) => ({
        key: `outage-test:${run}:${n}`,
        recipientId: person.aadObjectId,
        notBefore: monday,
        text: { fr: { title: `Rappel d’essai ${run}.${n}`, detail: 'À faire' }, en: { title: `Test reminder ${run}.${n}`, detail: 'To do' } },
      })),
    );
  /** Runs the five turns and a reminder sweep at once; stops the storage `stopAfterMs` later unless undefined. */
  async function runAtOnce(run: number, stopAfterMs: number | undefined) {
    const subject = await turnsOf(run);
    planned = remindersOf(run);
    const started = Date.now();
    let turnsMs = 0;
    const turns = Promise.all(subject.turns.map(answer)).finally(() => (turnsMs = Date.now() - started));
    const sweep = withTimeout(harness.bot.reminders.runOnce(clock.now()).then(() => 'done', () => 'failed'), 'timeout');
    if (stopAfterMs !== undefined) {
      await new Promise((resolve) => setTimeout(resolve, stopAfterMs));
      await azurite.stop();
    }
    const first = await turns;
    const sweepOutcome = await sweep;
    return { subject, first, sweepOutcome, turnsMs, sweepMs: Date.now() - started };
  }

  it(`leaves no lost or half-written record when the storage stops at ${runs} random moments of five turns and a sweep, and recovers without restart`, async () => {
    // Two rounds with the storage up (the first warms the caches) give how long the turns and the sweep take.
    const span = { turnsMs: 0, sweepMs: 0 };
    for (const round of [0, 1]) {
      const calm = await runAtOnce(round, undefined);
      Object.assign(span, { turnsMs: calm.turnsMs, sweepMs: calm.sweepMs });
      expect(calm.subject.turns.map((turn, index) => turn.succeeded(calm.first[index] ?? ''))).toEqual([true, true, true, true, true]);
      expect(calm.sweepOutcome).toBe('done');
      await harness.bot.sharedCards.settle();
    }

    const tally: OutageTally = { lost: 0, duplicates: 0, halfWritten: 0, auditGaps: 0, ownerNotTold: 0, remindersLost: 0, remindersTwice: 0 };
    const problems: string[] = [];
    const recoveries: number[] = [];
    let unavailableAnswers = 0;
    let otherErrors = 0;
    let sweepsInterrupted = 0;
    for (let run = 2; run < runs + 2; run += 1) {
      // Two runs in three stop the storage among the turns (or just after, among the cards they send), the third
      // anywhere in the sweep, which runs at the same time.
      const stopAfter = Math.round(random() * (run % 3 !== 0 ? span.turnsMs * 1.2 : span.sweepMs));
      const { subject, first, sweepOutcome } = await runAtOnce(run, stopAfter);
      unavailableAnswers += first.filter((text) => text.includes(unavailableText)).length;
      otherErrors += first.filter((text) => text.includes('Une erreur est survenue')).length;
      if (sweepOutcome !== 'done') sweepsInterrupted += 1;
      await azurite.restart();
      recoveries.push(await recoveryMs());
      await retryFailed(subject.turns, first);
      await harness.bot.sharedCards.settle();
      // The next sweep (the timer's, or « rappels maintenant ») sends what is left: reminders, then shared cards.
      clock.advance(60_000);
      await harness.bot.reminders.runOnce(clock.now());
      await harness.bot.sharedCards.settle();
      await inspectOutageRun(harness, { ...subject, run, people }, (kind, what, count = 1) => {
        if (count <= 0) return;
        tally[kind] += count;
        problems.push(`run ${run} (stop after ${stopAfter} ms): ${kind} ${what}`);
      });
    }

    const sorted = [...recoveries].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const worst = sorted.at(-1) ?? 0;
    recordReliabilityRow({
      section: 'faults',
      id: 'storage-outage-mid-turn',
      what: 'Storage stopped at a random moment of 5 concurrent turns (command, « Déclarer réalisée », approval, fraud signal, complaint), restarted on the same port',
      cases: runs * 5,
      lost: tally.lost,
      duplicates: tally.duplicates,
      recoveryMs: worst,
      outcome:
        `${unavailableAnswers} answers « momentanément indisponible », ${otherErrors} other errors; after Teams' redelivery or a new click: ` +
        `${tally.halfWritten} half-written records, ${tally.auditGaps} changes without their audit line (actions), ${tally.ownerNotTold} owners not told of an approval; ` +
        `recovery median ${median} ms, no restart`,
    });
    recordReliabilityRow({
      section: 'faults',
      id: 'storage-outage-mid-sweep',
      what: `Storage stopped at a random moment of a reminder sweep (${people.length} people, 2 reminders each), restarted on the same port`,
      cases: runs * people.length * 2,
      lost: tally.remindersLost,
      duplicates: tally.remindersTwice,
      recoveryMs: worst,
      outcome: `${sweepsInterrupted} of ${runs} sweeps interrupted; the next sweep sent what was left (a digest whose record could not be written is sent again)`,
    });
    // Known gap of the action plan (bot/handlers/action-item.ts): the audit line is written after the change, so an
    // outage between the two loses it; counted above, not failed on. The owner's decision card is listed before.
    expect(problems.filter((problem) => !/auditGaps|remindersTwice/.test(problem))).toEqual([]);
    expect(tally.ownerNotTold).toBe(0);
    // DATA-MODEL.md bound: a digest is sent again only when its record could not be written (in flight: 8 at most).
    expect(tally.remindersTwice).toBeLessThanOrEqual(8 * runs);
    expect(unavailableAnswers).toBeGreaterThan(0);
    expect(otherErrors).toBe(0);
  }, 85_000 * soakFactor());
  it('processes Teams’ redelivery of a message whose turn failed with the storage down, once the storage is back', async () => {
    // The storage goes down after the activity was claimed: the claim cannot be given back at once.
    const resolve = jest.spyOn(app().directory, 'resolve').mockImplementationOnce(async () => {
      await azurite.stop();
      throw new RestError('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    });
    const message = messageActivity(url(), 'qui suis-je', alex);
    await harness.post(message);
    resolve.mockRestore();
    expect(repliesTo(harness, message.id).join()).toContain(unavailableText);
    await azurite.restart();
    const back = Date.now();
    // Teams redelivers until the bot answers; the claim is given back within a few seconds of the storage returning.
    const answered = await eventually(async () => {
      await harness.post(message);
      return repliesTo(harness, message.id).some((text) => text.includes('Alex Wilber'));
    }, turnTimeoutMs, 500);
    const waitedMs = Date.now() - back;
    expect(answered).toBe(true);
    expect(repliesTo(harness, message.id).filter((text) => text.includes('Alex Wilber'))).toHaveLength(1);
    recordReliabilityRow({
      section: 'faults',
      id: 'storage-outage-claim-release',
      what: 'Storage stops during a message turn, after the activity was claimed; Teams redelivers the message',
      cases: 1,
      lost: 0,
      duplicates: 0,
      recoveryMs: waitedMs,
      outcome: 'the claim could not be given back during the outage; retried in the background, it is released once the storage answers and the redelivery is answered once',
    });
  }, 60_000);
});
