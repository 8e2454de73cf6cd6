import { BenchReminderSource, benchStart, storeConversationReferences } from '../../bench/bench-bot';
import { benchPersonId } from '../../bench/datasets';
import { defaultRetryOptions } from '../../services/reminders/send-policy';
import type { SweepReport } from '../../services/reminders/sweep';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { cardTexts } from '../support/card-validation';
import { messageActivity } from '../support/activities';
import { FaultConnector } from '../support/fault-connector';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';
import { movableClock, testConnectionString } from '../support/test-storage';

jest.setTimeout(120_000);

const peopleCount = 200;
/** Waves after the first: 1, or 10 under `npm run test:soak`. */
const laterWaves = Array.from({ length: soakFactor() }, (_, index) => index + 2);
const runs = ['faults-1', ...laterWaves.map((wave) => `faults-${wave}`)];
/** Between sweeps the clock moves past any retry the policy may schedule (Retry-After up to 60 s, backoff ≤ 64 s before the 8th send). */
const sweepGapMs = 3 * 60_000;
const maxSweepsPerWave = 20;

const people = Array.from({ length: peopleCount }, (_, index) => benchPersonId(index));
const conversationOf = (personId: string) => `personal-chat-${personId}`;
/** One conversation answers 503 every time: the policy gives up after its attempts. */
const neverRecoversIndex = 29;
/** One person in twenty removed the bot (403), one in twenty has a conversation Teams no longer knows (404). */
const permanentStatus = (index: number) => (index % 20 === 3 ? 403 : index % 20 === 11 ? 404 : index === neverRecoversIndex ? 503 : undefined);
const permanent = new Map(people.flatMap((id, index) => (permanentStatus(index) ? [[conversationOf(id), permanentStatus(index) ?? 0] as const] : [])));
const unreachable = people.filter((id) => [403, 404].includes(permanent.get(conversationOf(id)) ?? 0));
const reachable = people.filter((id) => !permanent.has(conversationOf(id)));

describe('the connector refuses 20 % of proactive sends with 429 and 5xx, and some people for good with 403 or 404', () => {
  const clock = movableClock(benchStart.toISOString());
  const source = new BenchReminderSource();
  const connector = new FaultConnector({
    seed: 20261124,
    transientRatio: 0.2,
    transientFaults: [{ status: 429, retryAfter: '2' }, { status: 429, retryAfter: '45' }, { status: 429 }, { status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }],
    permanent,
  });
  let harness: BotHarness;
  const reports: SweepReport[] = [];
  const sweepsPerWave: number[] = [];

  beforeAll(async () => {
    harness = await startBotHarness(testConnectionString(), clock, { TEAMS_TENANT_RATE_PER_SECOND: '1000' }, { seed: false, reminderSources: () => [source] });
    await connector.start();
    await storeConversationReferences(harness.bot.app.conversations, clock.now().toISOString(), people, connector.url);
  });
  afterAll(async () => {
    await harness?.stop();
    await connector.stop();
    if (sweepsPerWave.length > 0) recordRow();
  });

  /** Plans one reminder per person, then sweeps (moving the clock between sweeps) until nothing is queued; bounded. */
  async function sweepWave(run: string): Promise<string[]> {
    const markers = source.arm(run, people, new Date(clock.now().getTime() - 30_000));
    let sweeps = 0;
    do {
      reports.push(await harness.bot.reminders.runOnce());
      sweeps += 1;
      clock.advance(sweepGapMs);
    } while (sweeps < maxSweepsPerWave && (await harness.bot.app.outbox.queued()) > 0);
    sweepsPerWave.push(sweeps);
    return markers;
  }

  const markerOf = (markers: readonly string[], personId: string) => markers[people.indexOf(personId)] ?? '';

  it('delivers every reminder once, retrying each send the policy decided and no other', async () => {
    const markers = await sweepWave('faults-1');
    const delivered = reachable.map((id) => connector.deliveries.get(markerOf(markers, id)) ?? 0);
    expect(delivered.filter((count) => count === 0)).toHaveLength(0);
    expect(delivered.filter((count) => count > 1)).toHaveLength(0);
    expect(await harness.bot.app.outbox.queued()).toBe(0);
    expect(connector.faults.size).toBeGreaterThanOrEqual(6); // every kind of fault was met
    // Each send the connector saw is one the outbox counted: no retry hidden below the send policy.
    for (const id of reachable) {
      const entry = await harness.bot.app.outbox.get(id, `bench:faults-1:${people.indexOf(id)}`);
      expect({ id, status: entry?.status, sends: connector.attempts.get(markerOf(markers, id)) }).toEqual({ id, status: 'sent', sends: (entry?.attempts ?? 0) + 1 });
    }
    expect(Math.max(...reachable.map((id) => connector.attempts.get(markerOf(markers, id)) ?? 0))).toBeLessThanOrEqual(defaultRetryOptions.maxAttempts);
  });

  it('marks people who removed the bot (403) or whose conversation is gone (404) unreachable after one attempt, and reports them', async () => {
    for (const id of unreachable) {
      const entry = await harness.bot.app.outbox.get(id, `bench:faults-1:${people.indexOf(id)}`);
      expect({ id, status: entry?.status, reason: entry?.lastError }).toEqual({
        id,
        status: 'unreachable',
        reason: permanent.get(conversationOf(id)) === 403 ? 'uninstalled' : 'conversation-not-found',
      });
      expect(connector.conversationAttempts.get(conversationOf(id))).toBe(1);
    }
    expect(reports.reduce((sum, report) => sum + report.unreachable, 0)).toBe(unreachable.length);
  });

  it.each(laterWaves)('wave %i: does not try the unreachable people again, and still delivers everyone else once', async (wave) => {
    const markers = await sweepWave(`faults-${wave}`);
    for (const id of unreachable) expect({ id, sends: connector.conversationAttempts.get(conversationOf(id)) }).toEqual({ id, sends: 1 });
    expect(reports.reduce((sum, report) => sum + report.unreachable, 0)).toBe(wave * unreachable.length);
    const delivered = reachable.map((id) => connector.deliveries.get(markerOf(markers, id)) ?? 0);
    expect(delivered.filter((count) => count !== 1)).toHaveLength(0);
  });

  it('gives up after the policy\'s attempts on a conversation that answers 503 every time, and reports it failed', async () => {
    const entry = await harness.bot.app.outbox.get(people[neverRecoversIndex] ?? '', `bench:faults-1:${neverRecoversIndex}`);
    expect({ status: entry?.status, reason: entry?.lastError }).toEqual({ status: 'failed', reason: 'attempts-exhausted' });
    expect(connector.attempts.get(`bench-reminder-faults-1-${neverRecoversIndex}`)).toBe(defaultRetryOptions.maxAttempts);
    expect(reports.reduce((sum, report) => sum + report.failed, 0)).toBeGreaterThanOrEqual(1);
  });

  it('shows « Non remis » in « mes rappels » of a person the bot could not reach', async () => {
    const personId = unreachable[0] ?? '';
    harness.connector.clear();
    await harness.post(messageActivity(harness.connector.url, 'mes rappels', { id: `user-${personId}`, aadObjectId: personId, name: 'Agent Injoignable' }));
    const texts = cardTexts(harness.connector.cards().at(-1)).join('\n');
    expect(texts).toContain('bench-reminder-faults-1-');
    expect(texts).toContain('Non remis : Qualibot n’est pas installé pour vous');
  });

  function recordRow(): void {
    const allMarkers = (run: string) => reachable.map((id) => `bench-reminder-${run}-${people.indexOf(id)}`);
    const swept = runs.slice(0, sweepsPerWave.length);
    const counts = swept.flatMap(allMarkers).map((marker) => connector.deliveries.get(marker) ?? 0);
    const faults = [...connector.faults].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`).join(', ');
    const unreachableSends = unreachable.reduce((sum, id) => sum + (connector.conversationAttempts.get(conversationOf(id)) ?? 0), 0);
    const maxSends = Math.max(0, ...reachable.flatMap((id) => swept.map((run) => connector.attempts.get(`bench-reminder-${run}-${people.indexOf(id)}`) ?? 0)));
    const givenUpAfter = connector.attempts.get(`bench-reminder-faults-1-${neverRecoversIndex}`) ?? 0;
    const flagged = reports.reduce((sum, report) => sum + report.possibleDuplicates, 0);
    recordReliabilityRow({
      section: 'faults',
      id: 'connector-faults',
      what: `Teams connector refusing 20 % of proactive sends (429 with and without Retry-After, 500, 502, 503, 504, seeded), answering 403 or 404 for 10 % of people and 503 forever for one, over ${swept.length} waves of ${peopleCount} reminders`,
      cases: swept.length * peopleCount,
      lost: counts.filter((count) => count === 0).length,
      duplicates: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      recoveryMs: null,
      outcome:
        `faults answered ${faults}; every reachable reminder delivered once in ${sweepsPerWave.join(', ')} sweeps, at most ${maxSends} sends for one reminder ` +
        `(policy bound ${defaultRetryOptions.maxAttempts}), ${flagged} sends after a 500/502/504 counted as possible duplicates; ` +
        `${unreachable.length} people marked unreachable after ${unreachableSends} send(s) in all, « Non remis » in « mes rappels », not tried again; ` +
        `the conversation answering 503 forever given up (failed) after ${givenUpAfter} sends`,
    });
  }
});
