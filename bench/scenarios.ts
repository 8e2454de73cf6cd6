import { demoActionPlan } from '../services/action-plan/demo-action-plan';
import { formatActionId } from '../services/action-plan/action-number';
import { WorkingCalendar } from '../services/reminders/calendar';
import type { SweepReport } from '../services/reminders/sweep';
import { adele, alex, cardAction, message } from './activities';
import type { BenchBot } from './bench-bot';
import type { BenchConnector } from './bench-connector';
import { round, summarise, type Series } from './stats';

/** Bounds of a series: at most `count` turns and `seconds` of wall time, whichever comes first. */
export interface SeriesBounds {
  count: number;
  seconds: number;
}

async function post(endpoint: string, activity: object): Promise<{ status: number; text: string }> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: response.status, text: await response.text() };
}

/** The echo turn: `langue` without argument answers a short text and reads nothing beyond the turn's plumbing. */
const echoCommand = 'langue';

/**
 * Turns sent one after the other (latency, not throughput); a failed turn stops the run with its answer. With a
 * `baseline`, an echo turn goes before each turn, uncounted in the storage figures: the ratio of the two compares
 * turns made under the same conditions (other work on the machine, the heap, Azurite's tables), not two series
 * a minute apart.
 */
export async function turnSeries(
  bench: BenchBot,
  build: (index: number) => object,
  bounds: SeriesBounds,
  warmup = 3,
  baseline?: () => object,
  /** Work done before each measured turn, uncounted (a write the turn then has to see). */
  before?: (index: number) => Promise<void>,
): Promise<Series> {
  for (let i = 0; i < warmup; i += 1) await post(bench.endpoint, build(-1 - i));
  bench.counter.reset();
  const latencies: number[] = [];
  const baselineLatencies: number[] = [];
  const timed = async (activity: object, into: number[]) => {
    const started = performance.now();
    const answer = await post(bench.endpoint, activity);
    into.push(performance.now() - started);
    if (answer.status >= 300) throw new Error(`turn answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  };
  const deadline = performance.now() + bounds.seconds * 1000;
  for (let i = 0; i < bounds.count && performance.now() < deadline; i += 1) {
    if (before) {
      bench.counter.paused = true;
      try {
        await before(i);
      } finally {
        bench.counter.paused = false;
      }
    }
    if (baseline) {
      bench.counter.paused = true;
      try {
        await timed(baseline(), baselineLatencies);
      } finally {
        bench.counter.paused = false;
      }
    }
    await timed(build(i), latencies);
  }
  const series = { ...summarise(latencies, bench.counter.total()), storageByTable: bench.counter.describe() };
  return baseline ? { ...series, baseline: summarise(baselineLatencies, 0) } : series;
}

/** The echo baseline: `langue` without argument answers a short text and reads nothing beyond the turn's plumbing. */
export function echoSeries(bench: BenchBot, connector: BenchConnector, bounds: SeriesBounds): Promise<Series> {
  return turnSeries(bench, () => message(connector.url, echoCommand), bounds);
}

/** A chat command typed by Alex (quality officer: the whole plan, every figure). */
export function commandSeries(bench: BenchBot, connector: BenchConnector, text: string, bounds: SeriesBounds): Promise<Series> {
  return turnSeries(bench, () => message(connector.url, text), bounds, 3, () => message(connector.url, echoCommand));
}

/**
 * The same command, each time right after a new complaint was logged (through the repository, as the complaint
 * form does): the turn has to see it, so what it keeps of the complaints is read again, the rest is not.
 */
export async function commandAfterChangeSeries(bench: BenchBot, connector: BenchConnector, text: string, bounds: SeriesBounds): Promise<Series> {
  const { app } = bench.bot;
  const now = bench.clock.now();
  const year = Number(app.calendar.localDateOf(now).slice(0, 4));
  const [template] = await app.complaints.listOpen();
  if (!template) throw new Error('the data set has no open complaint');
  const logOne = async (index: number) => {
    const { etag: _etag, ...complaint } = template;
    await app.complaints.addMissing([{ ...complaint, id: `R-${year}-${String(9000 + index).padStart(4, '0')}` }], 'system', now);
  };
  return turnSeries(bench, () => message(connector.url, text), bounds, 0, () => message(connector.url, echoCommand), logOne);
}

/**
 * Approval invokes: each approves a fresh action awaiting approval (Adele's, BMI) as Alex, so every one reads the
 * item, writes it under its ETag with its history, audits, marks the shared copies stale and answers a new card.
 */
export async function approvalSeries(bench: BenchBot, connector: BenchConnector, bounds: SeriesBounds, batch: string): Promise<Series & { approved: number }> {
  const { app } = bench.bot;
  const now = bench.clock.now();
  const template = demoActionPlan(now, new WorkingCalendar({ timeZone: app.timeZone })).find((item) => item.state === 'awaiting-approval');
  if (!template) throw new Error('the demo plan has no action awaiting approval');
  const total = bounds.count + 3;
  const ids = Array.from({ length: total }, (_, index) => formatActionId(2026, Number(batch) * 1000 + index + 1));
  await app.actions.addMissing(
    ids.map((id) => ({ ...template, id, ownerId: adele.aadObjectId, submittedBy: adele.aadObjectId, services: ['BMI'] })),
    'system',
    now,
  );
  const series = await turnSeries(bench, (index) => cardAction(connector.url, 'action.transition', { id: ids[index + 3] ?? ids[0], revision: 0, step: 'approve' }), bounds, 0, () => message(connector.url, echoCommand));
  const approved = (await Promise.all(ids.slice(3, 3 + series.samples).map((id) => app.actions.get(id)))).filter((item) => item?.state === 'closed').length;
  await bench.bot.sharedCards.settle();
  return { ...series, approved };
}

/** What one measured sweep did. */
export interface SweepFigure {
  seconds: number;
  due: number;
  delivered: number;
  lost: number;
  duplicates: number;
  storageCalls: number;
  /** Accepted reminder sends per second, first to last delivery. */
  ratePerSecond: number;
  /** Reminder sends per second, accepted or refused (429), first to last: the pace the dispatcher keeps. */
  sendsPerSecond: number;
  throttled: number;
  report: SweepReport;
}

/**
 * One sweep with `recipients.length` reminders due (one each) and nothing else new: the watermark is moved to a
 * minute before, so the product's sources read their tables but plan only what became due in that minute (the
 * generated people arrived long ago: none of their training stages falls in it).
 */
export async function measuredSweep(bench: BenchBot, connector: BenchConnector, recipients: readonly string[], run: string): Promise<SweepFigure> {
  const { app } = bench.bot;
  const now = bench.clock.now();
  const state = await app.sweepState.read();
  await app.sweepState.advance(state, new Date(now.getTime() - 60_000));
  const markers = bench.reminders.arm(run, recipients, new Date(now.getTime() - 30_000));
  connector.reset();
  bench.counter.reset();
  const started = performance.now();
  const report = await bench.bot.reminders.runOnce();
  const seconds = (performance.now() - started) / 1000;
  const times = [...connector.reminderSendTimes];
  const span = ((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000;
  const attempts = [...connector.reminderAttemptTimes];
  const attemptSpan = ((attempts.at(-1) ?? 0) - (attempts[0] ?? 0)) / 1000;
  const storageCalls = bench.counter.total();
  await sweepRetries(bench, report);
  const delivered = markers.filter((marker) => (connector.deliveries.get(marker) ?? 0) > 0).length;
  const duplicates = markers.reduce((sum, marker) => sum + Math.max(0, (connector.deliveries.get(marker) ?? 0) - 1), 0);
  return {
    seconds: round(seconds, 3),
    due: markers.length,
    delivered,
    lost: markers.length - delivered,
    duplicates,
    storageCalls,
    ratePerSecond: round(span > 0 ? (times.length - 1) / span : 0, 1),
    sendsPerSecond: round(attemptSpan > 0 ? (attempts.length - 1) / attemptSpan : 0, 1),
    throttled: connector.throttled,
    report,
  };
}

/**
 * Sends refused with 429 or 5xx wait in the outbox for a later sweep (services/reminders/send-policy.ts): a few more
 * sweeps, once their Retry-After or backoff has passed, deliver them before loss is counted. Bounded: 5 sweeps.
 */
async function sweepRetries(bench: BenchBot, measured: SweepReport): Promise<void> {
  let deferred = measured.deferred;
  for (let sweep = 0; sweep < 5 && deferred > 0; sweep += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    deferred = (await bench.bot.reminders.runOnce()).deferred;
  }
}

/** Alex typing `aide` (used to check a bot answers before measuring). */
export function helpActivity(connector: BenchConnector) {
  return message(connector.url, 'aide', alex);
}
