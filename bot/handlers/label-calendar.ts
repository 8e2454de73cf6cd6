import { z } from 'zod';
import { labelCalendarAllCard, type LabelCalendarAllCardData } from '../../cards/label-calendar-all';
import { labelCalendarCard, type LabelCalendarCardData, type LabelCalendarLine } from '../../cards/label-calendar';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { dueWithin, lastDoneText, late, lookAheadMonths, scheduleText, standingText, windowText } from '../../services/label-calendar/label-calendar-views';
import type { ObligationActiveOutcome } from '../../services/label-calendar/label-calendar-admin';
import { isCurrentDone, isPending, labelObligationIdSchema, type LabelObligation } from '../../services/label-calendar/label-obligation';
import { mayMarkDone } from '../../services/label-calendar/label-occurrences';
import type { LocalDate } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

/** Most lines on one card (about 500 bytes each: the card stays well under 40 KB). */
export const maxLinesListed = 40;

const texts = {
  fr: {
    subtitle: 'Au {today} : échéances des {months} prochains mois et retards',
    late: 'En retard ({n})',
    due: 'Dans les {months} prochains mois ({n})',
    more: '… et {n} autre(s) : « calendrier tout » les montre toutes.',
    summary: '{active} échéance(s) active(s), {retired} retirée(s) — au {today}',
    unknownOwner: 'responsable inconnu',
    retired: 'Échéance retirée : {label}. Elle n’est plus listée ni rappelée ; son historique reste.',
    restored: 'Échéance réactivée : {label}. Elle est de nouveau listée et rappelée.',
    alreadyRetired: 'Cette échéance était déjà retirée : rien n’a changé.',
    alreadyActive: 'Cette échéance était déjà active : rien n’a changé.',
    changed: 'Cette échéance a été modifiée entre-temps : voici le calendrier à jour, recommencez.',
    notFound: 'Cette échéance n’existe plus : voici le calendrier à jour.',
    refusedTitle: 'Action refusée',
  },
  en: {
    subtitle: 'On {today}: due in the next {months} months, and late',
    late: 'Late ({n})',
    due: 'In the next {months} months ({n})',
    more: '… and {n} more: “label calendar all” shows them all.',
    summary: '{active} active obligation(s), {retired} retired — on {today}',
    unknownOwner: 'unknown owner',
    retired: 'Obligation retired: {label}. It is no longer listed nor reminded; its history stays.',
    restored: 'Obligation restored: {label}. It is listed and reminded again.',
    alreadyRetired: 'This obligation was already retired: nothing changed.',
    alreadyActive: 'This obligation was already active: nothing changed.',
    changed: 'This obligation was changed meanwhile: here is the current calendar, try again.',
    notFound: 'This obligation no longer exists: here is the current calendar.',
    refusedTitle: 'Action refused',
  },
};

/** Today in the prefecture's zone. */
export function todayOf(context: HandlerContext): LocalDate {
  return context.app.calendar.localDateOf(context.clock.now());
}

/** "Enquête annuelle de satisfaction (3.2)". */
export function obligationName(o: Pick<LabelObligation, 'label' | 'reference'>, locale: Locale): string {
  return `${o.label[locale]} (${o.reference})`;
}

/** "**01/04/2027** — Enquête annuelle de satisfaction (3.2)". */
function heading(o: LabelObligation, locale: Locale): string {
  return `**${formatDay(o.dueOn, locale)}** — ${obligationName(o, locale)}`;
}

/** What to say above a list, and in which colour. */
export type CalendarNotice = Pick<LabelCalendarCardData, 'notice' | 'noticeColor'>;
const noNotice: CalendarNotice = { notice: '', noticeColor: 'Default' };

/** « calendrier »: what is due in the next 6 months and what is late, « Fait » on the lines of the viewer's own and for the RQ. */
export async function buildLabelCalendarCard(context: HandlerContext, notice: CalendarNotice = noNotice): Promise<CardJson> {
  const { app, actor, locale } = context;
  const t = texts[locale];
  const [obligations, people] = await Promise.all([app.labelCalendar.list(), app.people.list()]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const today = todayOf(context);
  const line = (o: LabelObligation): LabelCalendarLine => {
    const window = windowText(o, locale);
    return {
      id: o.id,
      heading: heading(o, locale),
      details: [names.get(o.ownerId) ?? t.unknownOwner, window, standingText(o, today, locale)].filter(Boolean).join(' · '),
      canMarkDone: mayMarkDone(o, actor),
    };
  };
  const lateOnes = late(obligations, today);
  const due = dueWithin(obligations, today, lookAheadMonths);
  const shownLate = lateOnes.slice(0, maxLinesListed);
  const shownDue = due.slice(0, Math.max(0, maxLinesListed - shownLate.length));
  const hidden = lateOnes.length + due.length - shownLate.length - shownDue.length;
  return labelCalendarCard(
    {
      subtitle: fill(t.subtitle, { today: formatDay(today, locale), months: lookAheadMonths }),
      ...notice,
      lateHeading: fill(t.late, { n: lateOnes.length }),
      late: shownLate.map(line),
      dueHeading: fill(t.due, { months: lookAheadMonths, n: due.length }),
      due: shownDue.map(line),
      more: hidden > 0 ? fill(t.more, { n: hidden }) : '',
      canManage: actor.roles.includes('rq') || actor.roles.includes('admin'),
    },
    locale,
  );
}

/** « calendrier tout »: every obligation, active ones by due date then retired ones, with their buttons. */
export async function buildWholeLabelCalendarCard(context: HandlerContext, notice: CalendarNotice = noNotice): Promise<CardJson> {
  const { app, actor, locale } = context;
  const t = texts[locale];
  const [obligations, people] = await Promise.all([app.labelCalendar.list(), app.people.list()]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const today = todayOf(context);
  const ordered = [...obligations.filter((o) => o.active), ...obligations.filter((o) => !o.active)];
  const lines: LabelCalendarAllCardData['lines'] = ordered.slice(0, maxLinesListed).map((o) => {
    const last = lastDoneText(o, locale);
    const done = isCurrentDone(o);
    return {
      id: o.id,
      etag: o.etag,
      heading: heading(o, locale),
      schedule: scheduleText(o, obligations, locale),
      details: [names.get(o.ownerId) ?? t.unknownOwner, standingText(o, today, locale), ...(last !== '' && !done ? [last] : [])].join(' · '),
      detailsColor: !o.active ? 'Default' : done ? 'Good' : o.dueOn < today ? 'Attention' : 'Default',
      active: o.active,
      canMarkDone: isPending(o) && mayMarkDone(o, actor),
    };
  });
  const active = obligations.filter((o) => o.active).length;
  return labelCalendarAllCard(
    {
      summary: fill(t.summary, { active, retired: obligations.length - active, today: formatDay(today, locale) }),
      ...notice,
      lines,
      more: ordered.length > maxLinesListed ? fill(t.more, { n: ordered.length - maxLinesListed }) : '',
    },
    locale,
  );
}

/** « calendrier »: the label calendar's next 6 months and what is late (everyone may read it). */
export async function showLabelCalendar(context: CommandContext): Promise<void> {
  await context.reply(await buildLabelCalendarCard(context));
}

/** « calendrier tout »: every obligation, to create, edit, mark done, retire or restore (quality officer, admin). */
export async function showWholeLabelCalendar(context: CommandContext): Promise<void> {
  await context.reply(await buildWholeLabelCalendarCard(context));
}

function activeOutcomeCard(context: HandlerContext, outcome: ObligationActiveOutcome, active: boolean): Promise<CardJson> | CardJson {
  const { locale } = context;
  const t = texts[locale];
  switch (outcome.kind) {
    case 'saved':
      return buildWholeLabelCalendarCard(context, { notice: fill(active ? t.restored : t.retired, { label: obligationName(outcome.obligation, locale) }), noticeColor: 'Good' });
    case 'unchanged':
      return buildWholeLabelCalendarCard(context, { notice: active ? t.alreadyActive : t.alreadyRetired, noticeColor: 'Warning' });
    case 'changedMeanwhile':
      return buildWholeLabelCalendarCard(context, { notice: t.changed, noticeColor: 'Warning' });
    case 'notFound':
      return buildWholeLabelCalendarCard(context, { notice: t.notFound, noticeColor: 'Warning' });
    case 'refused':
      return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
  }
}

const obligationRef = z.object({ id: labelObligationIdSchema, etag: z.string().min(1).max(200) });

/** « Retirer » on the whole calendar: no longer listed nor reminded; kept with its history as audit evidence. */
export const labelCalendarRetireVerb = defineVerb({
  schema: obligationRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) => activeOutcomeCard(context, await context.app.labelCalendarAdmin.setActive(context.actor, data.id, data.etag, false), false),
});

/** « Réactiver » on the whole calendar: a retired obligation is listed and reminded again. */
export const labelCalendarRestoreVerb = defineVerb({
  schema: obligationRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) => activeOutcomeCard(context, await context.app.labelCalendarAdmin.setActive(context.actor, data.id, data.etag, true), true),
});
