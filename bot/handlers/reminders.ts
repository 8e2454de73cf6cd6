import type { Locale } from '../../cards/locale';
import { fill } from '../../cards/render';
import { reminderDigestCard } from '../../cards/reminder-digest';
import type { OutboxEntry } from '../../services/reminders/reminder';
import { reminderLines } from '../reminder-sender';
import type { CommandContext } from '../turn-context';

const texts = {
  fr: {
    heading: 'Vos rappels',
    pending: 'À envoyer à partir du {date}',
    sent: 'Envoyé le {date}',
    unreachable: 'Non remis : Qualibot n’est pas installé pour vous',
    failed: 'Non remis',
    report:
      'Rappels : {planned} planifié(s), {sent} envoyé(s) en {digests} message(s), {deferred} reporté(s), {failed} en échec, {unreachable} injoignable(s).',
    busy: 'Un autre serveur est déjà en train d’envoyer les rappels : réessayez dans quelques minutes.',
  },
  en: {
    heading: 'Your reminders',
    pending: 'To be sent from {date}',
    sent: 'Sent on {date}',
    unreachable: 'Not delivered: Qualibot is not installed for you',
    failed: 'Not delivered',
    report: 'Reminders: {planned} planned, {sent} sent in {digests} message(s), {deferred} deferred, {failed} failed, {unreachable} unreachable.',
    busy: 'Another server is already sending reminders: try again in a few minutes.',
  },
};

function statusText(entry: OutboxEntry, locale: Locale, timeZone: string): string {
  const format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const t = texts[locale];
  switch (entry.status) {
    case 'pending':
      return fill(t.pending, { date: format.format(new Date(entry.notBefore)) });
    case 'sent':
      return fill(t.sent, { date: format.format(new Date(entry.sentAt ?? entry.notBefore)) });
    case 'unreachable':
      return t.unreachable;
    case 'failed':
      return t.failed;
  }
}

/** "mes rappels": the person's reminders, newest first, with where each one stands. */
export async function showMyReminders(context: CommandContext): Promise<void> {
  const { app, actor, locale } = context;
  const entries = await app.outbox.listFor(actor.id);
  const lines = reminderLines(entries, locale, (entry) => statusText(entry, locale, app.timeZone));
  await context.reply(reminderDigestCard({ heading: texts[locale].heading, lines }, locale));
}

/** "rappels maintenant": runs a sweep at once (quality officer, admin) and says what it did. */
export async function runRemindersNow(context: CommandContext): Promise<void> {
  const report = await context.runReminderSweep();
  const t = texts[context.locale];
  await context.reply(report.skipped ? t.busy : fill(t.report, report));
}
