import type { Locale } from '../../cards/locale';

/** What one reminder says, in each language: a title line and a detail line of the digest card. */
export type ReminderText = Record<Locale, { title: string; detail: string }>;

/** A reminder a planner wants sent: who, what, from when. Planners are pure; the outbox makes sending happen once. */
export interface PlannedReminder {
  /** Stable key: obligation id + stage + period, e.g. "check:ITEM-12:2027-Q1:start". Same inputs, same key. */
  key: string;
  /** aadObjectId of the person to remind. */
  recipientId: string;
  /** Earliest instant it may go out (ISO), already inside a sending window on a working day. */
  notBefore: string;
  /** What the digest card shows for it. */
  text: ReminderText;
  /** The button its digest line carries (an `Action.Execute` verb that opens or answers it), if any. */
  action?: ReminderAction;
}

/** A button on a digest line. */
export interface ReminderAction {
  /** Verb of bot/verbs.ts. */
  verb: string;
  /** Data the button sends. */
  data: Record<string, string | number | boolean>;
  /** Button label per language. */
  title: Record<Locale, string>;
}

/** Where a reminder is in its life. */
export type ReminderStatus = 'pending' | 'sent' | 'unreachable' | 'failed';

/** A reminder as the outbox holds it. */
export interface OutboxEntry extends PlannedReminder {
  status: ReminderStatus;
  /** Failed send attempts so far. */
  attempts: number;
  /** When it was planned, sent, or given up (ISO). */
  plannedAt: string;
  sentAt?: string;
  /** Why the last attempt failed, if it did (a reason code, never message content). */
  lastError?: string;
  /** ETag of the outbox row, for the guarded status change. */
  etag: string;
}
