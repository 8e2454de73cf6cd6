import { z } from 'zod';
import { complaintsCard, type ComplaintLine } from '../../cards/complaints';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import { channelRules, complaintKindLabels } from '../../services/complaints/complaint-channels';
import { substanceReply, type Complaint } from '../../services/complaints/complaint';
import { answeredOnTime, isLate } from '../../services/complaints/complaint-deadline';
import { complaintIdSchema, parseComplaintId } from '../../services/complaints/complaint-number';
import { mayViewComplaint } from '../../services/complaints/complaint-people';
import type { ComplaintStats } from '../../services/complaints/complaint-stats';
import { complaintsView, type ComplaintScope } from '../../services/complaints/complaint-views';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildComplaintCard, complaintForbiddenCard, complaintNotFoundCard } from './complaint-view';
import { complaintsFilterCard } from './status-details';
import { calendarFor } from '../../services/reminders/calendar';

const texts = {
  fr: {
    title: 'Réclamations {year} — {scope}',
    scope: { own: 'les vôtres', service: 'service {service}', all: 'toutes' },
    badYear: 'Année non comprise « {words} » : tapez par exemple « réclamations 2025 ». Voici l’année en cours.',
    summary: '{open} en attente · {late} en retard · {ack} accusé(s) de réception à envoyer · {answered} répondue(s) ou classée(s)',
    statsTitle: 'Questions et réclamations {year} (périmètre Qual-e-pref)',
    total: 'Total : {total} (hors périmètre : {out})',
    onTime: 'Répondues dans les délais : {n} sur {answered} ({share} %)',
    noAnswer: 'Aucune réponse sur le fond enregistrée pour l’instant.',
    kinds: { complaint: ['{n} réclamation', '{n} réclamations'], suggestion: ['{n} suggestion', '{n} suggestions'], 'information-request': ['{n} demande d’information', '{n} demandes d’information'] },
    open: 'En attente',
    late: 'En attente — en retard',
    holding: 'Réponse d’attente envoyée',
    answeredOnTime: 'Répondue dans les délais',
    answeredLate: 'Répondue hors délai',
    closed: 'Classée',
    due: 'échéance {date}',
    answeredOn: 'répondue le {date}',
    more: '… et {n} autres.',
    previous: 'Voir {year}',
    usage: 'Indiquez le numéro de la réclamation, par exemple « réclamation R-2026-0012 », ou tapez « réclamations » pour la liste.',
    unknownPerson: 'agent inconnu',
  },
  en: {
    title: 'Complaints {year} — {scope}',
    scope: { own: 'yours', service: 'service {service}', all: 'all' },
    badYear: 'Year not understood “{words}”: type for instance “réclamations 2025”. Here is the current year.',
    summary: '{open} awaiting reply · {late} overdue · {ack} acknowledgement(s) to send · {answered} answered or closed',
    statsTitle: 'Questions and complaints {year} (Qual-e-pref scope)',
    total: 'Total: {total} (out of scope: {out})',
    onTime: 'Answered in time: {n} of {answered} ({share} %)',
    noAnswer: 'No reply on the substance recorded yet.',
    kinds: { complaint: ['{n} complaint', '{n} complaints'], suggestion: ['{n} suggestion', '{n} suggestions'], 'information-request': ['{n} information request', '{n} information requests'] },
    open: 'Awaiting reply',
    late: 'Awaiting reply — overdue',
    holding: 'Holding reply sent',
    answeredOnTime: 'Answered in time',
    answeredLate: 'Answered late',
    closed: 'Closed',
    due: 'due {date}',
    answeredOn: 'answered on {date}',
    more: '… and {n} more.',
    previous: 'Show {year}',
    usage: 'Give the complaint’s number, for instance “réclamation R-2026-0012”, or type “réclamations” for the list.',
    unknownPerson: 'unknown agent',
  },
};

type Texts = (typeof texts)['fr'];

function scopeText(scope: ComplaintScope, t: Texts): string {
  return scope.kind === 'service' ? fill(t.scope.service, { service: scope.service }) : t.scope[scope.kind];
}

/** French takes the singular for 0 and 1, English for 1 only. */
function counted(forms: readonly string[], n: number, locale: Locale): string {
  return fill((locale === 'fr' ? n <= 1 : n === 1) ? (forms[0] ?? '') : (forms[1] ?? ''), { n });
}

function stateOf(complaint: Complaint, today: string, t: Texts): { state: string; color: string } {
  if (complaint.state === 'open') {
    if (isLate(complaint, today)) return { state: t.late, color: 'Attention' };
    return complaint.replies.some((reply) => reply.kind === 'holding') ? { state: t.holding, color: 'Accent' } : { state: t.open, color: 'Warning' };
  }
  if (complaint.state === 'closed' && !substanceReply(complaint)) return { state: t.closed, color: 'Default' };
  return answeredOnTime(complaint) === true ? { state: t.answeredOnTime, color: 'Good' } : { state: t.answeredLate, color: 'Warning' };
}

function line(complaint: Complaint, today: string, names: ReadonlyMap<string, string>, locale: Locale): ComplaintLine {
  const t = texts[locale];
  const { state, color } = stateOf(complaint, today, t);
  const reply = substanceReply(complaint);
  const when = reply ? fill(t.answeredOn, { date: formatDay(reply.on, locale) }) : fill(t.due, { date: formatDay(complaint.dueOn, locale) });
  const summary = complaint.summary.replace(/\s+/g, ' ');
  return {
    id: complaint.id,
    summary: `${complaintKindLabels[complaint.kind][locale]} : ${summary.length <= 90 ? summary : `${summary.slice(0, 89).trimEnd()}…`}`,
    state,
    stateColor: color,
    details: `${channelRules[complaint.channel].label[locale]} · ${when} · ${names.get(complaint.assigneeId) ?? t.unknownPerson} (${complaint.service})`,
  };
}

function statsTexts(stats: ComplaintStats, locale: Locale) {
  const t = texts[locale];
  return {
    statsTitle: fill(t.statsTitle, { year: stats.year }),
    channelLines: stats.byChannel.map((entry) => ({ label: channelRules[entry.channel].label[locale], countText: String(entry.count), share: `${entry.share} %` })),
    totalText: fill(t.total, { total: stats.total, out: stats.outOfScope }),
    onTimeText: stats.answered === 0 ? t.noAnswer : fill(t.onTime, { n: stats.answeredOnTime, answered: stats.answered, share: stats.onTimeShare ?? 0 }),
    kindsText: stats.byKind.map((entry) => counted(t.kinds[entry.kind], entry.count, locale)).join(', '),
  };
}

/** The list card of one year as the viewer may see it (issue 6: agent → theirs; manager → service; RQ, admin → all with figures). */
export async function buildComplaintsCard(context: HandlerContext, year: number, notice = ''): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const today = calendarFor(app.timeZone).localDateOf(clock.now());
  const [complaints, people] = await Promise.all([app.complaints.listYear(year), app.people.list()]);
  const view = complaintsView(complaints, actor, year, today);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const stats = view.stats ? statsTexts(view.stats, locale) : { statsTitle: '', channelLines: [], totalText: '', onTimeText: '', kindsText: '' };
  return complaintsCard(
    {
      title: fill(t.title, { year, scope: scopeText(view.scope, t) }),
      notice,
      summary: fill(t.summary, { open: view.counts.open, late: view.counts.late, ack: view.counts.awaitingAcknowledgement, answered: view.counts.answered }),
      showStats: view.stats !== undefined,
      ...stats,
      lines: view.shown.map((complaint) => line(complaint, today, names, locale)),
      more: view.hidden > 0 ? fill(t.more, { n: view.hidden }) : '',
      previousYear: year - 1,
      previousYearLabel: fill(t.previous, { year: year - 1 }),
    },
    locale,
  );
}

/** « réclamations [année] »; « en retard » or « en attente » lists those still waiting, whatever their year (status-details.ts). */
export async function showComplaints(context: CommandContext): Promise<void> {
  const { app, clock, locale } = context;
  // Issue 7: « réclamations en retard », « réclamations en attente », whatever their year.
  const filtered = await complaintsFilterCard(context, context.argument);
  if (filtered) return context.reply(filtered);
  const currentYear = Number(calendarFor(app.timeZone).localDateOf(clock.now()).slice(0, 4));
  const words = context.argument.trim();
  const year = /^\d{4}$/.test(words) && Number(words) >= 2000 && Number(words) <= currentYear ? Number(words) : undefined;
  const notice = words !== '' && year === undefined ? fill(texts[locale].badYear, { words: words.slice(0, 30) }) : '';
  await context.reply(await buildComplaintsCard(context, year ?? currentYear, notice));
}

/** The card of one complaint, or why not (unknown number, outside the viewer's circle). */
export async function complaintCardFor(context: HandlerContext, id: string): Promise<CardJson> {
  const complaint = await context.app.complaints.get(id);
  if (!complaint) return complaintNotFoundCard(id, context.locale);
  if (!mayViewComplaint(complaint, context.actor)) return complaintForbiddenCard(id, context.locale);
  return buildComplaintCard(context, complaint);
}

/** « réclamation R-2026-0012 »: the complaint's card with what the viewer may do; a year alone lists that year. */
export async function showComplaint(context: CommandContext): Promise<void> {
  const words = context.argument.trim();
  if (/^\d{4}$/.test(words)) return showComplaints(context);
  const parsed = parseComplaintId(words);
  if (!parsed) return context.reply(texts[context.locale].usage);
  await context.reply(await complaintCardFor(context, parsed.id));
}

/** « Ouvrir » on the list, « Voir la réclamation » on a reminder. */
export const complaintOpenVerb = defineVerb({
  schema: z.object({ id: complaintIdSchema }),
  audience: 'everyone',
  handle: async (context, data) => complaintCardFor(context, data.id),
});

/** « Voir 2025 » on the list card. */
export const complaintListVerb = defineVerb({
  schema: z.object({ year: z.coerce.number().int().min(2000).max(9999) }),
  audience: 'everyone',
  handle: async (context, data) => buildComplaintsCard(context, data.year),
});
