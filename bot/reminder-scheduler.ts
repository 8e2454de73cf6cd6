import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import { WorkingCalendar } from '../services/reminders/calendar';
import { ReminderDispatcher } from '../services/reminders/dispatcher';
import { SendRateLimiter, teamsLimits } from '../services/reminders/rate-limiter';
import type { ReminderSource } from '../services/reminders/reminder-source';
import { runSweep, type SweepReport } from '../services/reminders/sweep';
import { ProactiveDigestSender } from './reminder-sender';

/** Digests sent at once: also the most a crash between a send and its record can resend (docs/DATA-MODEL.md). */
export const digestsInFlight = 8;

/** Settings of the reminder sweep. */
export interface SchedulerSettings {
  /** The bot's app id for proactive sends ('' in local mode). */
  botAppId: string;
  timeZone: string;
  /** Minutes between sweeps; 0 runs none (sweeps then come from `npm run sweep` or « rappels maintenant »). */
  intervalMinutes: number;
  /** Teams' per-tenant send rate (PLATFORM.md: 50/s today, 30/s on older pages). */
  tenantRatePerSecond: number;
}

/** Runs reminder sweeps: on a timer, on demand, never two at once in this process (the lease covers the others). */
export class ReminderScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepReport>;
  private readonly holder = `instance-${randomUUID()}`;
  private readonly limiter: SendRateLimiter;
  private readonly calendar: WorkingCalendar;

  constructor(
    private readonly app: AppServices,
    private readonly adapter: CloudAdapter,
    sources: (calendar: WorkingCalendar) => readonly ReminderSource[],
    private readonly settings: SchedulerSettings,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Work finished after each sweep (shared cards left unsent); its failure does not fail the sweep. */
    private readonly afterSweep: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    // One limiter for the process: Teams counts sends per tenant, across sweeps.
    this.limiter = new SendRateLimiter(teamsLimits(settings.tenantRatePerSecond));
    this.calendar = new WorkingCalendar({ timeZone: settings.timeZone });
    this.sources = sources(this.calendar);
  }

  private readonly sources: readonly ReminderSource[];

  /** The calendar reminders are planned and sent on. */
  workingCalendar(): WorkingCalendar {
    return this.calendar;
  }

  /** One sweep as of `at` (default: now); a sweep already running in this process is awaited instead. */
  async runOnce(at: Date = this.clock.now()): Promise<SweepReport> {
    if (this.running) return this.running;
    const clock = at.getTime() === this.clock.now().getTime() ? this.clock : shiftedClock(this.clock, at);
    const dispatcher = new ReminderDispatcher(this.app.outbox, new ProactiveDigestSender(this.adapter, this.app, this.settings.botAppId), {
      clock,
      limiter: this.limiter,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      isSendingTime: (instant) => this.calendar.nextSendingInstant(instant).getTime() === instant.getTime(),
      maxWaitMs: 60_000,
      concurrency: digestsInFlight,
    });
    this.running = runSweep(
      {
        sources: this.sources,
        outbox: this.app.outbox,
        dispatcher,
        leases: this.app.leases,
        state: this.app.sweepState,
        holder: this.holder,
        leaseTtlMs: 5 * 60_000,
        logger: this.logger,
      },
      clock.now(),
    );
    try {
      const report = await this.running;
      this.logger.info({ ...report }, 'reminder sweep');
      await this.afterSweep().catch((error: unknown) => this.logger.warn({ err: error }, 'shared cards not finished, retried at next sweep'));
      return report;
    } finally {
      this.running = undefined;
    }
  }

  /** Starts the timer (no-op when the interval is 0). */
  start(): void {
    if (this.settings.intervalMinutes <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce().catch((error: unknown) => this.logger.error({ err: error }, 'reminder sweep failed'));
    }, this.settings.intervalMinutes * 60_000);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress, which releases its lease. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}

/** A clock running from `at` (for `npm run sweep -- --at`): elapsed time still advances, so pacing works. */
function shiftedClock(base: Clock, at: Date): Clock {
  const offset = at.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}
