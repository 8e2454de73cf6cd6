import { complaintCard } from '../../cards/complaint';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import { channelRules, complaintKindLabels, outOfScopeLabels } from '../../services/complaints/complaint-channels';
import { complaintStateLabels, substanceReply, type Complaint } from '../../services/complaints/complaint';
import { answeredOnTime, effectiveReceiptDay, isLate } from '../../services/complaints/complaint-deadline';
import { allowedComplaintSteps } from '../../services/complaints/complaint-transitions';
import type { Person } from '../../services/directory/person';
import { addCalendarDays, calendarFor } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import { maxOwnerChoices } from './check-item-form';

/** Whose view a complaint card is drawn for, in which language, with which services. */
export interface ComplaintViewer {
  actor: Person;
  locale: Locale;
  app: AppServices;
  clock: Clock;
}

const texts = {
  fr: {
    late: '{state} — en retard',
    dueOpen: 'Réponse attendue le {date} ({days} jours ouvrés, {channel} — {source})',
    dueHolding: 'Réponse sur le fond attendue le {date}, annoncée par la réponse d’attente du {on}',
    dueLate: 'Réponse attendue le {date} : échéance dépassée',
    answeredOnTime: 'Répondue sur le fond le {date} — dans les délais (échéance {due})',
    answeredLate: 'Répondue sur le fond le {date} — hors délai (échéance {due})',
    closedNoReply: 'Classée le {date} sans réponse sur le fond',
    facts: {
      channel: 'Canal',
      received: 'Reçue le',
      commitment: 'Engagement',
      scope: 'Périmètre',
      service: 'Service',
      assignee: 'Agent',
      ack: 'Accusé de réception',
      replies: 'Réponses',
      initialDue: 'Échéance initiale',
      closed: 'Classée le',
      created: 'Enregistrée par',
    },
    countsFrom: '{date} (décompte à partir du {from})',
    inScope: 'Dans le périmètre Qual-e-pref',
    outOfScope: 'Hors périmètre : {reason}',
    ackSent: 'envoyé le {date}',
    ackOwed: 'à envoyer (17.3)',
    holdingReply: 'd’attente le {on} (fond prévu le {forecast})',
    substanceReply: 'sur le fond le {on}',
    byOn: '{name}, le {when}',
    closeRequired: 'Motif du classement sans réponse sur le fond',
    closeOptional: 'Commentaire (facultatif)',
    unknownPerson: 'personne inconnue',
    notFoundTitle: 'Réclamation introuvable',
    notFound: 'Aucune réclamation ne porte le numéro {id}. Tapez « réclamations » pour la liste.',
    forbiddenTitle: 'Réclamation réservée',
    forbidden: 'La réclamation {id} n’est visible que de l’agent qui en est chargé, de son auteur, des encadrants de son service et du responsable qualité.',
  },
  en: {
    late: '{state} — overdue',
    dueOpen: 'Reply due on {date} ({days} working days, {channel} — {source})',
    dueHolding: 'Reply on the substance due on {date}, as announced by the holding reply of {on}',
    dueLate: 'Reply was due on {date}: overdue',
    answeredOnTime: 'Answered on the substance on {date} — in time (due {due})',
    answeredLate: 'Answered on the substance on {date} — late (due {due})',
    closedNoReply: 'Closed on {date} without a reply on the substance',
    facts: {
      channel: 'Channel',
      received: 'Received on',
      commitment: 'Commitment',
      scope: 'Scope',
      service: 'Service',
      assignee: 'Agent',
      ack: 'Acknowledgement',
      replies: 'Replies',
      initialDue: 'Initial due date',
      closed: 'Closed on',
      created: 'Logged by',
    },
    countsFrom: '{date} (counted from {from})',
    inScope: 'Inside the Qual-e-pref scope',
    outOfScope: 'Out of scope: {reason}',
    ackSent: 'sent on {date}',
    ackOwed: 'to send (17.3)',
    holdingReply: 'holding on {on} (substance expected on {forecast})',
    substanceReply: 'on the substance on {on}',
    byOn: '{name}, on {when}',
    closeRequired: 'Why it is closed without a reply on the substance',
    closeOptional: 'Comment (optional)',
    unknownPerson: 'unknown person',
    notFoundTitle: 'Complaint not found',
    notFound: 'No complaint has number {id}. Type “réclamations” for the list.',
    forbiddenTitle: 'Restricted complaint',
    forbidden: 'Complaint {id} is visible only to the agent in charge, its author, the managers of its service and the quality officer.',
  },
};

/** Topic of the card sent to the agent a complaint is given to (at creation or reassignment). */
export function complaintAssignedTopic(complaint: Pick<Complaint, 'id' | 'assignedAt'>): string {
  return `complaint-assigned|${complaint.id}|${Date.parse(complaint.assignedAt)}`;
}

/** "Réclamation R-2026-0012 introuvable". */
export function complaintNotFoundCard(id: string, locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.notFoundTitle, text: fill(t.notFound, { id }), reference: '' }, locale);
}

/** Refusal for someone outside the complaint's circle. */
export function complaintForbiddenCard(id: string, locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.forbiddenTitle, text: fill(t.forbidden, { id }), reference: '' }, locale);
}

function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** The due line and its colour: when the reply is expected, or how it went. */
function dueLine(complaint: Complaint, today: string, locale: Locale): { text: string; color: string } {
  const t = texts[locale];
  const day = (date: string) => formatDay(date, locale);
  const reply = substanceReply(complaint);
  if (reply) {
    const onTime = answeredOnTime(complaint) === true;
    return { text: fill(onTime ? t.answeredOnTime : t.answeredLate, { date: day(reply.on), due: day(complaint.dueOn) }), color: onTime ? 'Good' : 'Warning' };
  }
  if (complaint.state === 'closed') return { text: fill(t.closedNoReply, { date: day(complaint.closedOn ?? today) }), color: 'Default' };
  if (isLate(complaint, today)) return { text: fill(t.dueLate, { date: day(complaint.dueOn) }), color: 'Attention' };
  const holding = complaint.replies.filter((candidate) => candidate.kind === 'holding').at(-1);
  if (holding) return { text: fill(t.dueHolding, { date: day(complaint.dueOn), on: day(holding.on) }), color: 'Accent' };
  const rule = channelRules[complaint.channel];
  return {
    text: fill(t.dueOpen, { date: day(complaint.dueOn), days: rule.replyWithinWorkingDays, channel: rule.label[locale].toLowerCase(), source: rule.source[locale] }),
    color: 'Accent',
  };
}

/**
 * The complaint card for one viewer: what it is about, when the reply is due, the facts, and the steps the viewer
 * may take now (issue 6). `notice` tells what a click did or why it was refused.
 */
export async function buildComplaintCard(viewer: ComplaintViewer, complaint: Complaint, options: { notice?: string; noticeColor?: string } = {}): Promise<CardJson> {
  const { app, actor, locale, clock } = viewer;
  const t = texts[locale];
  const calendar = calendarFor(app.timeZone);
  const today = calendar.localDateOf(clock.now());
  const day = (date: string) => formatDay(date, locale);
  const [people, services] = await Promise.all([app.people.list(), app.services.list()]);
  const nameOf = (id: string) => people.find((person) => person.id === id)?.name ?? t.unknownPerson;
  const serviceName = services.find((service) => service.code === complaint.service)?.name;

  const facts: { title: string; value: string }[] = [];
  const fact = (title: string, value: string | undefined) => {
    if (value) facts.push({ title, value });
  };
  const rule = channelRules[complaint.channel];
  const from = effectiveReceiptDay(complaint.receivedOn, calendar);
  fact(t.facts.channel, rule.label[locale]);
  fact(t.facts.received, from === complaint.receivedOn ? day(complaint.receivedOn) : fill(t.countsFrom, { date: day(complaint.receivedOn), from: day(from) }));
  fact(t.facts.commitment, complaint.commitment);
  fact(t.facts.scope, complaint.outOfScopeReason ? fill(t.outOfScope, { reason: outOfScopeLabels[complaint.outOfScopeReason][locale] }) : t.inScope);
  fact(t.facts.service, serviceName ? `${serviceName} (${complaint.service})` : complaint.service);
  fact(t.facts.assignee, nameOf(complaint.assigneeId));
  if (rule.acknowledgement) fact(t.facts.ack, complaint.acknowledgedOn ? fill(t.ackSent, { date: day(complaint.acknowledgedOn) }) : t.ackOwed);
  const replies = complaint.replies.map((reply) =>
    reply.kind === 'holding' ? fill(t.holdingReply, { on: day(reply.on), forecast: day(reply.forecastOn ?? complaint.dueOn) }) : fill(t.substanceReply, { on: day(reply.on) }),
  );
  fact(t.facts.replies, replies.join(' ; '));
  if (complaint.dueOn !== complaint.initialDueOn) fact(t.facts.initialDue, day(complaint.initialDueOn));
  if (complaint.state === 'closed') fact(t.facts.closed, [complaint.closedOn ? day(complaint.closedOn) : '', complaint.closeReason ?? ''].filter(Boolean).join(' — '));
  fact(t.facts.created, fill(t.byOn, { name: nameOf(complaint.createdBy), when: formatInstant(complaint.createdAt, locale, app.timeZone) }));

  const late = isLate(complaint, today);
  const stateLabel = complaintStateLabels[complaint.state][locale];
  const due = dueLine(complaint, today, locale);
  const assignable = people.filter((person) => person.service !== undefined && person.id !== complaint.assigneeId);
  const tomorrow = addCalendarDays(today, 1);
  return complaintCard(
    {
      id: complaint.id,
      revision: complaint.revision,
      heading: `${complaintKindLabels[complaint.kind][locale]} ${complaint.id}`,
      stateLabel: late ? fill(t.late, { state: stateLabel }) : stateLabel,
      stateColor: late ? 'Attention' : complaint.state === 'open' ? 'Warning' : complaint.state === 'answered' ? 'Good' : 'Default',
      summary: complaint.summary,
      dueText: due.text,
      dueColor: due.color,
      facts,
      notice: options.notice ?? '',
      noticeColor: options.noticeColor ?? 'Attention',
      steps: allowedComplaintSteps(complaint, actor),
      today,
      forecastMin: complaint.dueOn > tomorrow ? complaint.dueOn : tomorrow,
      people:
        assignable.length <= maxOwnerChoices
          ? [...assignable].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((person) => ({ value: person.id, title: `${person.name} (${person.service ?? '—'})` }))
          : [],
      closeReasonLabel: complaint.state === 'open' ? t.closeRequired : t.closeOptional,
      closeReasonRequired: complaint.state === 'open',
    },
    locale,
  );
}
