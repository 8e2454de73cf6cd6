import { BenchConnector } from '../../bench/bench-connector';
import type { SweepReport } from '../../services/reminders/sweep';
import { BotChild, killBotChildren } from '../support/bot-child-process';
import type { LeaseHolding } from '../support/reminder-bot-process';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';

// Two bot processes start (tsx) on a shared 2-core machine; each batch of rounds then takes a few seconds a round.
jest.setTimeout(150_000);

const roundsPerBatch = 6;
const batches = soakFactor();
const recipientsPerRound = 150;
/** After the contested sweep of a round, both keep sweeping for this long, a few ms apart, with a few more reminders: the lease changes hands. */
const contestMs = 1_500;
const pauseMs = 40;
const lateRecipients = 20;

const marker = (run: string) => (_: unknown, index: number) => `bench-reminder-${run}-${index}`;

describe('two bot instances on one storage, both sweeping at the same moment, round after round', () => {
  const connector = new BenchConnector();
  const instances: BotChild[] = [];
  const reports: SweepReport[] = [];
  const holdings: [LeaseHolding[], LeaseHolding[]] = [[], []];
  const markers: string[] = [];

  /** Holdings of one instance that overlap a holding of the other (must be none). */
  const overlaps = () => holdings[0].flatMap((a) => holdings[1].filter((b) => a.acquiredAt < b.releasedAt && b.acquiredAt < a.releasedAt).map((b) => [a, b]));
  const counts = () => markers.map((m) => connector.deliveries.get(m) ?? 0);

  beforeAll(async () => {
    await connector.start();
    const clockAnchor = Date.now();
    const first = await BotChild.start({ clockAnchor });
    instances.push(first, await BotChild.start({ tablePrefix: first.tablePrefix, clockAnchor }));
    await first.remember(recipientsPerRound, connector.url);
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await killBotChildren();
    await connector.stop();
    if (markers.length === 0) return;
    const ran = reports.filter((report) => !report.skipped);
    recordReliabilityRow({
      section: 'faults',
      id: 'two-instances',
      what:
        `two bot processes on one storage, ${markers.length / (recipientsPerRound + lateRecipients)} rounds: both sweep ${recipientsPerRound} reminders ` +
        `at the same moment, then sweep again and again (0–${pauseMs} ms apart) for ${contestMs / 1000} s with ${lateRecipients} more`,
      cases: markers.length,
      lost: counts().filter((count) => count === 0).length,
      duplicates: counts().reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      recoveryMs: null,
      outcome:
        `${ran.length} sweeps ran (${holdings[0].length} on one instance, ${holdings[1].length} on the other), ` +
        `${reports.length - ran.length} found the lease held and did nothing; ${overlaps().length} overlapping lease holdings; ` +
        `each reminder sent by exactly one sweep`,
    });
  });

  it.each(Array.from({ length: batches }, (_, batch) => batch + 1))(
    'rounds of batch %i: one sweep at a time, every reminder delivered exactly once',
    async (batch) => {
      const sentBefore = reports.reduce((sum, report) => sum + report.sent, 0);
      const markersBefore = markers.length;
      for (let round = 0; round < roundsPerBatch; round += 1) {
        const run = `pair${batch}-${round}`;
        const lateRun = `${run}-late`;
        markers.push(...Array.from({ length: recipientsPerRound }, marker(run)), ...Array.from({ length: lateRecipients }, marker(lateRun)));
        // Both plan the same reminders (as two instances reading the same data would) and sweep at the same moment…
        const contested = await Promise.all(instances.map((instance) => instance.sweep({ run, people: recipientsPerRound, sweeps: 1 })));
        // …then sweep again and again, with a few more reminders, while the other does the same.
        const repeated = await Promise.all(instances.map((instance) => instance.sweep({ run: lateRun, people: lateRecipients, sweeps: 1, pauseMs, forMs: contestMs })));
        for (const answers of [contested, repeated]) {
          answers.forEach((answer, index) => {
            reports.push(...answer.reports);
            holdings[index === 0 ? 0 : 1].push(...answer.holdings);
          });
        }
      }

      expect(overlaps()).toEqual([]);
      expect(counts().filter((count) => count === 0)).toHaveLength(0);
      expect(counts().filter((count) => count > 1)).toHaveLength(0);
      // Each reminder was sent by exactly one sweep of one instance.
      expect(reports.reduce((sum, report) => sum + report.sent, 0) - sentBefore).toBe(markers.length - markersBefore);
      // The instances really competed: sweeps found the lease taken, and each instance won some.
      expect(reports.some((report) => report.skipped)).toBe(true);
      expect(holdings[0].length).toBeGreaterThan(0);
      expect(holdings[1].length).toBeGreaterThan(0);
      expect(holdings[0].length + holdings[1].length).toBe(reports.filter((report) => !report.skipped).length);
    },
  );
});
