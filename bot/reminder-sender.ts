import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Locale } from '../cards/locale';
import { fill } from '../cards/render';
import { reminderDigestCard } from '../cards/reminder-digest';
import type { AppServices } from '../services/app-services';
import { SendFailureError, type DigestSender } from '../services/reminders/dispatcher';
import type { OutboxEntry } from '../services/reminders/reminder';
import { classifyFailure } from '../services/reminders/send-policy';
import { toMessage } from './outgoing-message';
import { sendProactively } from './proactive-send';

const texts = {
  fr: { one: 'Vous avez un rappel', many: 'Vous avez {n} rappels' },
  en: { one: 'You have one reminder', many: 'You have {n} reminders' },
};

/** Digest card lines for outbox entries, in the reader's language. */
export function reminderLines(entries: readonly OutboxEntry[], locale: Locale, status: (entry: OutboxEntry) => string = () => '') {
  return entries.map((entry) => ({
    title: entry.text[locale].title,
    detail: entry.text[locale].detail,
    status: status(entry),
    verb: entry.action?.verb ?? '',
    button: entry.action?.title[locale] ?? '',
    data: entry.action?.data ?? {},
  }));
}

/** What Teams answered, in the shape the retry policy reads (status, Retry-After, network code). */
function failureFrom(error: unknown): SendFailureError {
  const e = error as { statusCode?: unknown; code?: unknown; response?: { headers?: { get?: (name: string) => string | undefined } } };
  return new SendFailureError({
    status: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    retryAfter: e.response?.headers?.get?.('retry-after') ?? undefined,
    code: typeof e.code === 'string' ? e.code : undefined,
  });
}

/** Where and how a person's digest goes, read ahead of the send. */
export interface PreparedDigest {
  reference: Partial<ConversationReference>;
  locale: Locale;
}

/**
 * Sends a person's digest as a proactive message on the conversation reference stored when they installed the
 * bot. No active reference means the bot is not (or no longer) installed for them: reported as 404, unreachable.
 */
export class ProactiveDigestSender implements DigestSender<PreparedDigest> {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly app: AppServices,
    /** The bot's app id ('' in local mode). */
    private readonly botAppId: string,
  ) {}

  async prepare(recipientId: string): Promise<PreparedDigest> {
    const [stored, person] = await Promise.all([this.app.conversations.get('personal', recipientId), this.app.people.known(recipientId)]);
    if (!stored?.active) throw new SendFailureError({ status: 404 });
    return { reference: JSON.parse(stored.reference) as Partial<ConversationReference>, locale: person?.language ?? 'fr' };
  }

  async send(recipientId: string, entries: readonly OutboxEntry[], { reference, locale }: PreparedDigest): Promise<void> {
    const heading = entries.length === 1 ? texts[locale].one : fill(texts[locale].many, { n: entries.length });
    const card = reminderDigestCard({ heading, lines: reminderLines(entries, locale) }, locale);
    try {
      await sendProactively(this.adapter, this.botAppId, reference, async (context) => {
        await context.sendActivity(toMessage(card));
      });
      return;
    } catch (refused) {
      const failure = failureFrom(refused);
      // 403 (bot removed or blocked) and 404 (conversation gone) hold for the person, not the message: their next
      // reminders are not sent to Teams again until they reinstall or write to the bot (PLATFORM.md).
      // A failed write changes nothing for this reminder: the person's next send meets the same answer and retries it.
      if (classifyFailure(failure.failure).kind === 'unreachable') {
        await this.app.conversations.deactivate('personal', recipientId, this.app.clock.now().toISOString()).catch(() => undefined);
      }
      throw failure;
    }
  }
}
