import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { CardJson } from '../cards/render';
import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import type { StoredPerson } from '../services/directory/person';
import type { Logger } from '../services/logger';
import type { SharedCardCopy } from '../services/shared-cards/shared-card-copies-repository';
import { toMessage } from './outgoing-message';
import { sendProactively } from './proactive-send';

/**
 * Draws one person's copy of a shared card from the current state. Undefined means there is nothing to send:
 * the subject is gone, or (`firstSend`) the change the copy was listed for was never made.
 */
export type SharedCardRenderer = (topic: string, recipient: StoredPerson, options: { firstSend: boolean }) => Promise<CardJson | undefined>;

/** What one publishing pass did. */
export interface PublishReport {
  sent: number;
  redrawn: number;
  unreachable: number;
  /** Listed but with nothing to send (see SharedCardRenderer). */
  dropped: number;
  /** Left for the next pass (network or Teams errors other than 403/404). */
  failed: number;
}

/** Identifies one copy across passes. */
const copyKey = (copy: Pick<SharedCardCopy, 'topic' | 'recipientId'>) => `${copy.topic}\n${copy.recipientId}`;

/** Statuses after which the person cannot be reached: the bot is not installed for them, or they are gone. */
const permanentStatuses = new Set([403, 404]);

/**
 * Sends shared cards and keeps every copy current. The topic's kind (text before the first "|") picks the
 * renderer. Copies are listed in storage before anything is sent (see SharedCardCopiesRepository), so a pass
 * interrupted by a crash or an outage is finished by the next one: `resume()` runs at every sweep.
 */
export class SharedCardPublisher {
  private readonly inFlight = new Set<Promise<unknown>>();
  /**
   * Copies Teams accepted whose `markSent` failed (storage outage), with the message id: the next pass records
   * them instead of sending them again. Kept in memory: a crash in that window still resends (one per copy).
   */
  private readonly sentNotRecorded = new Map<string, string>();
  /** Copies a pass of this process is delivering right now. */
  private readonly delivering = new Set<string>();
  /** Versions (copy and ETag) of copies already delivered by this process, the latest few thousand. */
  private readonly delivered = new Set<string>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly app: AppServices,
    private readonly botAppId: string,
    private readonly renderers: Record<string, SharedCardRenderer>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Sends the pending copies of a topic and redraws the stale ones. */
  async publish(topic: string): Promise<PublishReport> {
    return this.work(await this.app.sharedCards.list(topic));
  }

  /**
   * Publishes in the background: the turn answers at once and the copies follow (a turn must end within 15 s,
   * PLATFORM.md). A failure is logged; the rows stay due and the next sweep finishes them.
   */
  publishSoon(topic: string): void {
    const running = this.publish(topic)
      .catch((error: unknown) => this.logger.warn({ err: error, topic }, 'shared card publish deferred to next sweep'))
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  /** Waits for background publishing (tests, graceful shutdown). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Finishes whatever an earlier pass left: pending sends and stale copies, all topics. */
  async resume(): Promise<PublishReport> {
    return this.work(await this.app.sharedCards.needingWork());
  }

  private async work(copies: readonly SharedCardCopy[]): Promise<PublishReport> {
    const report: PublishReport = { sent: 0, redrawn: 0, unreachable: 0, dropped: 0, failed: 0 };
    for (const copy of copies) {
      if (copy.status !== 'pending' && !(copy.status === 'sent' && copy.stale)) continue;
      // A sweep's resume and a turn's publish may read the same copy at once: the first delivers it, the other
      // skips it, whether it comes while the copy is being sent or after, with the row as it was read before.
      const key = copyKey(copy);
      const version = `${key}\n${copy.etag}`;
      if (this.delivering.has(key) || this.delivered.has(version)) continue;
      this.delivering.add(key);
      try {
        const outcome = await this.deliver(copy);
        report[outcome] += 1;
        if (outcome !== 'failed') this.rememberDelivered(version);
      } finally {
        this.delivering.delete(key);
      }
    }
    return report;
  }

  private rememberDelivered(version: string): void {
    this.delivered.add(version);
    if (this.delivered.size > 5000) this.delivered.delete(this.delivered.values().next().value ?? '');
  }

  private async deliver(copy: SharedCardCopy): Promise<keyof PublishReport> {
    const nowIso = () => this.clock.now().toISOString();
    const key = copyKey(copy);
    const alreadySent = this.sentNotRecorded.get(key);
    if (alreadySent !== undefined && copy.status === 'pending') {
      // Teams took this copy before the storage failed: record it rather than send it a second time.
      await this.app.sharedCards.markSent(copy, alreadySent, nowIso());
      this.sentNotRecorded.delete(key);
      return 'sent';
    }
    const recipient = await this.app.people.get(copy.recipientId);
    const stored = await this.app.conversations.get('personal', copy.recipientId);
    if (!recipient || !stored?.active) {
      await this.app.sharedCards.markUnreachable(copy, nowIso());
      return 'unreachable';
    }
    const kind = copy.topic.split('|')[0] ?? '';
    const renderer = this.renderers[kind];
    const redraw = copy.status === 'sent' && copy.activityId !== undefined;
    const card = renderer ? await renderer(copy.topic, recipient, { firstSend: !redraw }) : undefined;
    if (!card) {
      await this.app.sharedCards.markDropped(copy, nowIso());
      return 'dropped';
    }
    const reference = JSON.parse(stored.reference) as Partial<ConversationReference>;
    let activityId = copy.activityId ?? '';
    try {
      await sendProactively(this.adapter, this.botAppId, reference, async (context) => {
        if (redraw) await context.updateActivity({ ...toMessage(card), id: activityId });
        else activityId = (await context.sendActivity(toMessage(card)))?.id ?? '';
      });
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === 'number' && permanentStatuses.has(status)) {
        await this.app.sharedCards.markUnreachable(copy, nowIso());
        return 'unreachable';
      }
      this.logger.warn({ status, topic: copy.topic }, 'shared card not delivered, retried at next sweep');
      return 'failed';
    }
    // Remembered until recorded: a storage outage right now must not make the next pass send it again.
    if (!redraw) this.sentNotRecorded.set(key, activityId);
    await this.app.sharedCards.markSent(copy, activityId, nowIso());
    this.sentNotRecorded.delete(key);
    return redraw ? 'redrawn' : 'sent';
  }
}
