import { BenchConnector } from '../../bench/bench-connector';
import { BotChild, killBotChildren } from '../support/bot-child-process';
import { recordReliabilityRow, soakFactor } from '../support/reliability-report';

// Two bot processes start (tsx) and 1,000 reminders are sent over Azurite, on a shared 2-core machine.
jest.setTimeout(170_000);

const reminderCount = 1_000;
/** The dead instance's lease lasts 5 minutes (bot/reminder-scheduler.ts): the restarted one's clock starts past it. */
const restartClockShiftMs = 10 * 60_000;

/** What one kill and restart showed. */
interface KillFigure {
  deliveredBeforeKill: number;
  lost: number;
  duplicates: number;
  /** Digests the bot sends at once: the most a kill may resend. */
  bound: number;
  recoveryMs: number;
  sweepsAfterRestart: number;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('the bot killed with SIGKILL in the middle of a sweep of 1,000 due reminders, then restarted', () => {
  const connector = new BenchConnector();
  const figures: KillFigure[] = [];

  beforeAll(() => connector.start());
  afterAll(async () => {
    await killBotChildren();
    await connector.stop();
    if (figures.length === 0) return;
    const duplicates = figures.reduce((sum, f) => sum + f.duplicates, 0);
    recordReliabilityRow({
      section: 'faults',
      id: 'killed-mid-sweep',
      what: `bot process killed (SIGKILL) a third of the way through a sweep of ${reminderCount.toLocaleString('en')} due reminders, then restarted on the same tables`,
      cases: figures.length * reminderCount,
      lost: figures.reduce((sum, f) => sum + f.lost, 0),
      duplicates,
      recoveryMs: Math.max(...figures.map((f) => f.recoveryMs)),
      outcome:
        `${figures.length} kill(s) after ${figures.map((f) => f.deliveredBeforeKill).join(', ')} deliveries; the restarted process sent the rest from the outbox ` +
        `in ${figures.map((f) => f.sweepsAfterRestart).join(', ')} sweep(s); ${duplicates} duplicate(s) (sent, then killed before the record), ` +
        `bound ${figures[0]?.bound ?? '?'} per kill (digests in flight); recovery from the new process's start (tsx) to its first delivery, ` +
        `the dead instance's 5-min lease being past`,
    });
  });

  it.each(Array.from({ length: soakFactor() }, (_, cycle) => cycle + 1))(
    'kill %i: every reminder is delivered after the restart, duplicates within the digests in flight',
    async (cycle) => {
      const clockAnchor = Date.now();
      const first = await BotChild.start({ clockAnchor });
      await first.remember(reminderCount, connector.url);
      const run = `kill${cycle}`;
      await first.plan(run, reminderCount);
      connector.configure({});
      connector.reset();

      // Killed from outside while it sends: a third delivered, the rest queued or in flight.
      first.startSweep({ run, people: 0, sweeps: 1 });
      await waitFor(() => connector.deliveries.size >= reminderCount / 3, 90_000, 'a third of the reminders to be delivered');
      await first.kill();
      const deliveredBeforeKill = connector.deliveries.size;
      expect(deliveredBeforeKill).toBeLessThan(reminderCount);

      const restartedAt = performance.now();
      const sendsBeforeRestart = connector.reminderSendTimes.length;
      const restarted = await BotChild.start({ tablePrefix: first.tablePrefix, clockShiftMs: restartClockShiftMs, clockAnchor });
      let sweepsAfterRestart = 0;
      // Bounded: one sweep should do; a few more only if a sweep deferred some.
      while (sweepsAfterRestart < 5 && (await restarted.queued()) > 0) {
        await restarted.sweep({ run, people: 0, sweeps: 1 });
        sweepsAfterRestart += 1;
      }
      const firstSendAfterRestart = connector.reminderSendTimes[sendsBeforeRestart];
      const queuedAtEnd = await restarted.queued();
      await restarted.stop();

      const counts = Array.from({ length: reminderCount }, (_, index) => connector.deliveries.get(`bench-reminder-${run}-${index}`) ?? 0);
      const figure: KillFigure = {
        deliveredBeforeKill,
        lost: counts.filter((count) => count === 0).length,
        duplicates: counts.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
        bound: restarted.digestsInFlight,
        recoveryMs: Math.round((firstSendAfterRestart ?? Number.NaN) - restartedAt),
        sweepsAfterRestart,
      };
      figures.push(figure);
      expect(queuedAtEnd).toBe(0);
      expect(figure.lost).toBe(0);
      expect(figure.bound).toBeGreaterThan(0);
      expect(figure.duplicates).toBeLessThanOrEqual(figure.bound);
      expect(firstSendAfterRestart).toBeDefined();
    },
  );
});
