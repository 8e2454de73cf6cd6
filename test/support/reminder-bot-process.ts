import { BenchReminderSource, benchStart, startBenchBot, storeConversationReferences } from '../../bench/bench-bot';
import { benchPersonId } from '../../bench/datasets';
import { digestsInFlight } from '../../bot/reminder-scheduler';
import type { Clock } from '../../services/clock';
import type { LeaseRepository } from '../../services/reminders/lease-repository';
import type { SweepReport } from '../../services/reminders/sweep';
import { testConnectionString, uniqueTablePrefix } from './test-storage';

/**
 * What the parent asks. People are the benchmark's generated ids 0…n−1, each with a personal conversation; a
 * reminder's marker is `bench-reminder-<run>-<index>`.
 * - remember: store the people's conversation references, pointing at `serviceUrl`;
 * - plan: put one due reminder per person in the outbox, as a sweep's planning would;
 * - sweep: plan one reminder per person under `run` (0 people: nothing new), sweep at once, and again (after a
 *   random pause of up to `pauseMs`) until `sweeps` sweeps ran and `forMs` passed;
 * - queued: how many reminders the outbox still has to send.
 */
export type BotChildRequest =
  | { kind: 'remember'; people: number; serviceUrl: string }
  | { kind: 'plan'; run: string; people: number }
  | { kind: 'sweep'; run: string; people: number; sweeps: number; pauseMs?: number; forMs?: number }
  | { kind: 'queued' }
  | { kind: 'stop' };

/** When this instance held the sweep lease (epoch ms: from the lease taken until it is given back). */
export interface LeaseHolding {
  acquiredAt: number;
  releasedAt: number;
}

/** What the bot process answers. */
export type BotChildAnswer =
  | { kind: 'ready'; endpoint: string; tablePrefix: string; digestsInFlight: number }
  | { kind: 'done' }
  | { kind: 'queued'; count: number }
  | { kind: 'swept'; reports: SweepReport[]; holdings: LeaseHolding[] }
  | { kind: 'failed'; message: string };

/** The benchmark's clock, moved by `shiftMs`, read on a timeline every process given the same anchor (epoch ms) shares. */
function anchoredClock(shiftMs: number, anchorMs: number): Clock {
  return { now: () => new Date(benchStart.getTime() + shiftMs + Date.now() - anchorMs) };
}

/** Notes when the lease is taken and given back, around the real repository the sweep uses. */
function recordHoldings(leases: LeaseRepository, holdings: LeaseHolding[]): void {
  const acquire = leases.acquire.bind(leases);
  const release = leases.release.bind(leases);
  const taken = new Map<string, number>();
  leases.acquire = async (...args) => {
    const lease = await acquire(...args);
    if (lease) taken.set(lease.etag, Date.now());
    return lease;
  };
  leases.release = async (lease) => {
    // Noted before the delete: the next holder's lease comes after it even with millisecond clocks.
    holdings.push({ acquiredAt: taken.get(lease.etag) ?? 0, releasedAt: Date.now() });
    taken.delete(lease.etag);
    return release(lease);
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const peopleIds = (count: number) => Array.from({ length: count }, (_, index) => benchPersonId(index));

/**
 * The real bot in a process of its own (the benchmark's bot and reminder source), for the fault tests: a SIGKILL
 * is a real one. Started by test/support/bot-child-process.ts, which passes the table prefix (none: new tables) and
 * the clock; the storage is the test Azurite. Answers its requests over IPC and dies with its parent.
 */
async function main(): Promise<void> {
  const clock = anchoredClock(Number(required('QUALIBOT_CHILD_CLOCK_SHIFT')), Number(required('QUALIBOT_CHILD_CLOCK_ANCHOR')));
  const tablePrefix = process.env.QUALIBOT_CHILD_PREFIX || uniqueTablePrefix();
  const bench = await startBenchBot(testConnectionString(), tablePrefix, 1000, clock);
  const { app } = bench.bot;
  const holdings: LeaseHolding[] = [];
  recordHoldings(app.leases, holdings);
  const answer = (message: BotChildAnswer) => process.send?.(message);
  const dueFrom = () => new Date(clock.now().getTime() - 30_000);

  const handle = async (request: BotChildRequest): Promise<BotChildAnswer> => {
    switch (request.kind) {
      case 'stop':
        await bench.bot.close();
        return process.exit(0);
      case 'remember':
        await storeConversationReferences(app.conversations, clock.now().toISOString(), peopleIds(request.people), request.serviceUrl);
        return { kind: 'done' };
      case 'plan': {
        const source = new BenchReminderSource();
        source.arm(request.run, peopleIds(request.people), dueFrom());
        const queue = await source.plan();
        // In parallel (only the sending is under test), 50 at a time.
        const worker = async () => {
          for (let chunk = queue.splice(0, 50); chunk.length > 0; chunk = queue.splice(0, 50)) await app.outbox.enqueue(chunk, clock.now());
        };
        await Promise.all(Array.from({ length: 8 }, worker));
        return { kind: 'done' };
      }
      case 'queued':
        return { kind: 'queued', count: await app.outbox.queued() };
      case 'sweep': {
        if (request.people > 0) bench.reminders.arm(request.run, peopleIds(request.people), dueFrom());
        const reports: SweepReport[] = [];
        const until = Date.now() + (request.forMs ?? 0);
        while (reports.length < request.sweeps || Date.now() < until) {
          if (reports.length > 0 && request.pauseMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * (request.pauseMs ?? 0)));
          reports.push(await bench.bot.reminders.runOnce());
        }
        return { kind: 'swept', reports, holdings: holdings.splice(0) };
      }
    }
  };

  process.on('disconnect', () => process.exit(1));
  process.on('message', (request: BotChildRequest) => {
    handle(request).then(answer, (error: unknown) => answer({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
  answer({ kind: 'ready', endpoint: bench.endpoint, tablePrefix, digestsInFlight });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
