import type { Logger } from '../logger';
import type { DispatchReport, ReminderDispatcher } from './dispatcher';
import type { LeaseRepository } from './lease-repository';
import type { OutboxRepository } from './outbox-repository';
import type { ReminderSource } from './reminder-source';
import type { SweepStateRepository } from './sweep-state-repository';

/** What one sweep did: the one-line summary `npm run sweep` prints. */
export interface SweepReport extends DispatchReport {
  /** Reminders new to the outbox. */
  planned: number;
  /** Set when another instance holds the lease: this one did nothing. */
  skipped?: 'lease-held';
}

/** What a sweep is made of. */
export interface SweepParts {
  sources: readonly ReminderSource[];
  outbox: OutboxRepository;
  dispatcher: Pick<ReminderDispatcher<unknown>, 'dispatch'>;
  leases: LeaseRepository;
  state: SweepStateRepository;
  /** Identifies this instance in the lease. */
  holder: string;
  /** Lease lifetime: longer than a sweep takes, short enough that a dead holder is replaced quickly. */
  leaseTtlMs: number;
  logger: Logger;
}

const emptyReport = (): SweepReport => ({ planned: 0, sent: 0, digests: 0, deferred: 0, failed: 0, unreachable: 0, possibleDuplicates: 0 });

/**
 * One sweep: take the lease, plan what became due since the last sweep into the outbox, move the watermark, send
 * what is due, give the lease back. A crash before the watermark moves re-plans the same window (the outbox keeps
 * each key once); a crash after it leaves the planned reminders queued for the next sweep.
 */
export async function runSweep(parts: SweepParts, now: Date): Promise<SweepReport> {
  const lease = await parts.leases.acquire('reminder-sweep', parts.holder, now, parts.leaseTtlMs);
  if (!lease) return { ...emptyReport(), skipped: 'lease-held' };
  const report = emptyReport();
  try {
    const state = await parts.state.read();
    const since = state.plannedUntil ? new Date(state.plannedUntil) : undefined;
    for (const source of parts.sources) {
      const reminders = await source.plan({ since, now });
      const enqueued = await parts.outbox.enqueue(reminders, now);
      report.planned += enqueued.planned;
      parts.logger.info({ source: source.name, ...enqueued }, 'reminders planned');
    }
    if (!since || now > since) await parts.state.advance(state, now);
    const dispatched = await parts.dispatcher.dispatch();
    return { ...report, ...dispatched, planned: report.planned };
  } finally {
    await parts.leases.release(lease).catch((error: unknown) => parts.logger.warn({ err: error }, 'could not release the sweep lease'));
  }
}
