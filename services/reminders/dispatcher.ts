import type { Clock } from '../clock';
import type { OutboxRepository } from './outbox-repository';
import type { SendRateLimiter } from './rate-limiter';
import type { OutboxEntry } from './reminder';
import { decideRetry, type RetryOptions, type SendFailure } from './send-policy';

/** Thrown by a sender when Teams refused or failed a send; carries what the retry policy needs. */
export class SendFailureError extends Error {
  constructor(readonly failure: SendFailure) {
    super(`send failed (${failure.status ?? failure.code ?? 'unknown'})`);
    this.name = 'SendFailureError';
  }
}

/** Sends one digest card listing a person's due reminders (bot/ implements it with proactive messages). */
export interface DigestSender<Prepared = void> {
  /**
   * Reads what a send to this person needs (where to send, in which language). The dispatcher calls it ahead of
   * the person's turn so these reads overlap the sends before it; a failure here counts as the send's failure.
   */
  prepare(recipientId: string): Promise<Prepared>;
  send(recipientId: string, entries: readonly OutboxEntry[], prepared: Prepared): Promise<void>;
}

/** What a dispatch did, counted in reminders (a digest carries one or more). */
export interface DispatchReport {
  sent: number;
  digests: number;
  /** Due but left for a later sweep: rate limits, a retry scheduled, outside the sending window. */
  deferred: number;
  failed: number;
  unreachable: number;
  /** Sends retried after an answer that did not say whether the message went out (may show twice). */
  possibleDuplicates: number;
}

/** How the dispatcher paces itself; time and randomness are injected so tests control them. */
export interface DispatchOptions {
  clock: Clock;
  limiter: SendRateLimiter;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** True when reminders may go out at that instant (working day, sending window). */
  isSendingTime: (at: Date) => boolean;
  /** A send the limiter puts further away than this waits for the next sweep. */
  maxWaitMs: number;
  /** Digests in flight at once. */
  concurrency: number;
  retry?: RetryOptions;
}

function failureOf(error: unknown): SendFailure {
  if (error instanceof SendFailureError) return error.failure;
  const code = (error as { code?: unknown }).code;
  return { code: typeof code === 'string' ? code : undefined };
}

/** `work` over `items`, `concurrency` at a time; results in the items' order. */
async function inOrderConcurrently<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await work(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/**
 * Sends what the outbox holds that is due: one digest per person, paced by Teams' limits, retried per the send
 * policy, given up for people who removed the bot. A crash after a send and before its record resends at most the
 * digests in flight (`concurrency`).
 */
export class ReminderDispatcher<Prepared = void> {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly sender: DigestSender<Prepared>,
    private readonly options: DispatchOptions,
  ) {}

  /** One pass over the due queue. */
  async dispatch(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, digests: 0, deferred: 0, failed: 0, unreachable: 0, possibleDuplicates: 0 };
    const { clock } = this.options;
    const now = clock.now();
    const due = await this.outbox.due(now);
    if (!this.options.isSendingTime(now)) {
      report.deferred = due.length;
      return report;
    }
    // Records read as many at a time as digests are sent: after a restart, the first send waits for the whole
    // backlog to be read (one storage round trip each, in turn, made recovery slow in proportion to it).
    const records = await inOrderConcurrently(due, Math.max(1, this.options.concurrency), async ({ recipientId, key }) => {
      const entry = await this.outbox.get(recipientId, key);
      if (entry?.status === 'pending') return entry;
      await this.outbox.dequeue(recipientId, key); // sent or given up by an interrupted sweep
      return undefined;
    });
    const byRecipient = new Map<string, OutboxEntry[]>();
    for (const entry of records) if (entry) byRecipient.set(entry.recipientId, [...(byRecipient.get(entry.recipientId) ?? []), entry]);
    const tasks = [...byRecipient].map(([recipientId, entries]) => ({ recipientId, entries }));

    // Each send needs a few reads before it (conversation, person): they are started `readAhead` digests early, so
    // the pace is that of the sends, not of sends and reads in turn. Only sends count in the in-flight bound.
    const concurrency = Math.max(1, this.options.concurrency);
    const readAhead = concurrency * 2;
    const prepared = new Map<number, Promise<Prepared>>();
    const prepare = (index: number) => {
      const task = tasks[index];
      if (!task || prepared.has(index)) return;
      const reading = this.sender.prepare(task.recipientId);
      reading.catch(() => undefined); // answered when its send comes
      prepared.set(index, reading);
    };
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const index = next++;
        for (let ahead = index; ahead <= index + readAhead; ahead += 1) prepare(ahead);
        const task = tasks[index];
        const reading = prepared.get(index);
        prepared.delete(index);
        if (task && reading) await this.sendOne(task.recipientId, task.entries, reading, now.getTime(), report);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return report;
  }

  /**
   * Sends one digest once its reads are done. Its slot is booked only then, at the time it is really sent: slots
   * booked in advance and used late by a slow send would bunch the sends, and Teams counts what arrives.
   */
  private async sendOne(recipientId: string, entries: OutboxEntry[], reading: Promise<Prepared>, startMs: number, report: DispatchReport): Promise<void> {
    const { clock, sleep, limiter, maxWaitMs } = this.options;
    let prepared: Prepared;
    try {
      prepared = await reading;
    } catch (error) {
      await this.handleFailure(recipientId, entries, failureOf(error), report);
      return;
    }
    const atMs = limiter.reserve(recipientId, clock.now().getTime());
    if (atMs - startMs > maxWaitMs) {
      report.deferred += entries.length;
      return;
    }
    const wait = atMs - clock.now().getTime();
    if (wait > 0) await sleep(wait);
    try {
      await this.sender.send(recipientId, entries, prepared);
    } catch (error) {
      await this.handleFailure(recipientId, entries, failureOf(error), report);
      return;
    }
    report.digests += 1;
    const sentAt = clock.now();
    for (const entry of entries) if (await this.outbox.markSent(entry, sentAt)) report.sent += 1;
  }

  private async handleFailure(recipientId: string, entries: OutboxEntry[], failure: SendFailure, report: DispatchReport): Promise<void> {
    const { clock, random, limiter, retry } = this.options;
    const nowMs = clock.now().getTime();
    const attempt = Math.max(...entries.map((e) => e.attempts)) + 1;
    const decision = decideRetry(failure, attempt, nowMs, random, retry);
    if (decision.kind === 'retry') {
      if (failure.status === 429) limiter.penalize(recipientId, decision.atMs);
      if (decision.mayDuplicate) report.possibleDuplicates += entries.length;
      for (const entry of entries) await this.outbox.reschedule(entry, new Date(decision.atMs), decision.reason);
      report.deferred += entries.length;
      return;
    }
    const status = decision.kind === 'unreachable' ? 'unreachable' : 'failed';
    for (const entry of entries) await this.outbox.markGivenUp(entry, status, decision.reason, clock.now());
    if (status === 'unreachable') report.unreachable += entries.length;
    else report.failed += entries.length;
  }
}
