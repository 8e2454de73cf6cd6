import type { CardJson } from '../cards/render';
import type { Locale } from '../cards/locale';
import type { AppServices } from '../services/app-services';
import type { Clock } from '../services/clock';
import type { StoredPerson } from '../services/directory/person';
import type { ExportLinkIssuer } from '../services/exports/export-link';
import type { Logger } from '../services/logger';
import type { SweepReport } from '../services/reminders/sweep';

/** What every handler receives for one turn: who is acting, in which language, and the services. */
export interface HandlerContext {
  /** The person acting, resolved from the directory (registered on first contact). */
  actor: StoredPerson;
  /** Language of the answer. */
  locale: Locale;
  /** Repositories and use cases. */
  app: AppServices;
  /** The clock of this turn. */
  clock: Clock;
  /** Logger bound to this activity (ids only). */
  logger: Logger;
  /** Runs a reminder sweep now (« rappels maintenant »). */
  runReminderSweep: () => Promise<SweepReport>;
  /** Sends or redraws the copies of a shared card (an approval request) after the turn's answer. */
  publishSharedCard: (topic: string) => void;
  /** Signs short-lived download links for the exports (served by bot/export-route.ts). */
  exportLinks: ExportLinkIssuer;
}

/** A chat command's context: the words after the command, and a way to answer. */
export interface CommandContext extends HandlerContext {
  /** Text after the command's phrasing, as typed ("E.17" in "engagement E.17"). */
  argument: string;
  /** Sends a card or a short text into the conversation. */
  reply(message: CardJson | string): Promise<void>;
}

/** A card verb's context; the handler answers with the card that replaces the one clicked. */
export type VerbContext = HandlerContext;
