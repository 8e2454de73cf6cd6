import { complaintsCard, type ComplaintLine } from '../../cards/complaints';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import { trainingOverviewCard } from '../../cards/training-overview';
import { trainingStatusCard } from '../../cards/training-status';
import { channelRules, complaintKindLabels } from '../../services/complaints/complaint-channels';
import type { Complaint } from '../../services/complaints/complaint';
import { isLate } from '../../services/complaints/complaint-deadline';
import { complaintScopeFor, inComplaintScope, maxComplaintLines, type ComplaintScope } from '../../services/complaints/complaint-views';
import { expiringSoonDays } from '../../services/status/status-overview';
import { readViewFilters } from '../../services/status/view-intent';
import { formatDay } from '../../services/training/training-dates';
import { followedPeople, trainingOverview, trainingScopeOf } from '../../services/training/training-overview';
import { trainingStatus, type TrainingStatusLine } from '../../services/training/training-status';
import type { HandlerContext } from '../turn-context';
import { overviewCardData, statusCardData } from './training-views';

const texts = {
  fr: {
    training: {
      expired: 'Formations expirées',
      expiring: 'Formations à renouveler dans les {days} jours',
      both: 'Formations expirées ou à renouveler dans les {days} jours',
      title: '{what} : {n} ({people} personne(s))',
      empty: 'Aucune : rien à relancer pour ce filtre.',
      ownShown: '{what} : {n}.',
      ownNone: '{what} : aucune. Voici toutes vos formations.',
    },
    complaints: {
      late: 'Réclamations en retard — {scope}',
      pending: 'Réclamations en attente de réponse — {scope}',
      scope: { own: 'les vôtres', service: 'service {service}', all: 'toutes' },
      summary: '{n} (toutes années de réception confondues)',
      lateState: 'En attente — en retard',
      open: 'En attente',
      holding: 'Réponse d’attente envoyée',
      due: 'échéance {date}',
      more: '… et {n} autres.',
      previous: 'Voir {year}',
      unknownPerson: 'agent inconnu',
    },
  },
  en: {
    training: {
      expired: 'Expired training',
      expiring: 'Training to renew within {days} days',
      both: 'Training expired or to renew within {days} days',
      title: '{what}: {n} ({people} people)',
      empty: 'None: nothing to follow up for this filter.',
      ownShown: '{what}: {n}.',
      ownNone: '{what}: none. Here is all your training.',
    },
    complaints: {
      late: 'Overdue complaints — {scope}',
      pending: 'Complaints awaiting reply — {scope}',
      scope: { own: 'yours', service: 'service {service}', all: 'all' },
      summary: '{n} (whatever the year of receipt)',
      lateState: 'Awaiting reply — overdue',
      open: 'Awaiting reply',
      holding: 'Holding reply sent',
      due: 'due {date}',
      more: '… and {n} more.',
      previous: 'Show {year}',
      unknownPerson: 'unknown agent',
    },
  },
};

/**
 * « formations expirées [BMI] », « formations à renouveler » (issue 7): the training view narrowed to the lines
 * expired, or expiring within 90 days (the overview's figure). Undefined when the words name no such filter: the
 * `formations` command then reads them as before (a service code).
 */
export async function trainingFilterCard(context: HandlerContext, argument: string): Promise<CardJson | undefined> {
  const { app, actor, clock, locale } = context;
  if (argument.trim() === '') return undefined;
  const read = readViewFilters(argument, ['expired', 'overdue', 'expiring'], (await app.services.list()).map((service) => service.code));
  if (!read || read.services.length > 1) return undefined;
  const widest = trainingScopeOf(actor);
  const service = read.services[0];
  if (service !== undefined && (widest.kind === 'own' || (widest.kind === 'service' && widest.service !== service))) return undefined;
  const expired = read.filters.includes('expired') || read.filters.includes('overdue');
  const expiring = read.filters.includes('expiring');
  const wanted = (line: TrainingStatusLine) =>
    (expired && line.state === 'expired') || (expiring && line.state === 'expiring' && (line.daysLeft ?? Infinity) <= expiringSoonDays);
  const t = texts[locale].training;
  const what = fill(expired && expiring ? t.both : expired ? t.expired : t.expiring, { days: expiringSoonDays });
  const today = app.calendar.localDateOf(clock.now());

  if (widest.kind === 'own') {
    const [types, records] = await Promise.all([app.trainingTypes.list(), app.trainingRecords.listFor(actor.id)]);
    const keep = new Set(trainingStatus(actor, types, records, today).filter(wanted).map((line) => line.typeId));
    const text = keep.size > 0 ? fill(t.ownShown, { what, n: keep.size }) : fill(t.ownNone, { what });
    const data = statusCardData({ person: actor, viewerId: actor.id, types, records, today, locale, notice: { text, style: 'default' } });
    return trainingStatusCard(keep.size > 0 ? { ...data, lines: data.lines.filter((line) => keep.has(line.typeId)) } : data, locale);
  }

  const scope = service !== undefined ? { kind: 'service' as const, service } : widest;
  const [everyone, types, records] = await Promise.all([app.people.list(), app.trainingTypes.list(), app.trainingRecords.listAll()]);
  const group = followedPeople(everyone).filter((person) => scope.kind === 'all' || person.service === scope.service);
  const overview = trainingOverview(group, types, records, today);
  const people = overview.people
    .map((entry) => ({ ...entry, lines: entry.lines.filter(wanted) }))
    .filter((entry) => entry.lines.length > 0)
    .map((entry) => ({ ...entry, worst: entry.lines.some((line) => line.state === 'expired') ? ('expired' as const) : ('expiring' as const) }));
  const n = people.reduce((sum, entry) => sum + entry.lines.length, 0);
  const data = overviewCardData({ overview: { ...overview, people }, scope, today, locale });
  // The heading still counts the whole group followed; only the list below is narrowed.
  const { scopeText } = overviewCardData({ overview, scope, today, locale });
  return trainingOverviewCard({ ...data, scopeText, peopleTitle: fill(t.title, { what, n, people: people.length }), peopleEmpty: t.empty }, locale);
}

function scopeText(scope: ComplaintScope, locale: Locale): string {
  const t = texts[locale].complaints.scope;
  return scope.kind === 'service' ? fill(t.service, { service: scope.service }) : t[scope.kind];
}

function complaintLine(complaint: Complaint, today: string, names: ReadonlyMap<string, string>, locale: Locale): ComplaintLine {
  const t = texts[locale].complaints;
  const late = isLate(complaint, today);
  const holding = complaint.replies.some((reply) => reply.kind === 'holding');
  const summary = complaint.summary.replace(/\s+/g, ' ');
  return {
    id: complaint.id,
    summary: `${complaintKindLabels[complaint.kind][locale]} : ${summary.length <= 90 ? summary : `${summary.slice(0, 89).trimEnd()}…`}`,
    state: late ? t.lateState : holding ? t.holding : t.open,
    stateColor: late ? 'Attention' : holding ? 'Accent' : 'Warning',
    details: `${channelRules[complaint.channel].label[locale]} · ${fill(t.due, { date: formatDay(complaint.dueOn, locale) })} · ${names.get(complaint.assigneeId) ?? t.unknownPerson} (${complaint.service})`,
  };
}

/**
 * « réclamations en retard », « réclamations en attente » (issue 7): the complaints still waiting for a reply in the
 * viewer's scope, whatever their year of receipt (a late one from December stays late in January), the oldest due
 * first. Undefined when the words name neither filter: `réclamations` then reads them as before (a year).
 */
export async function complaintsFilterCard(context: HandlerContext, argument: string): Promise<CardJson | undefined> {
  const { app, actor, clock, locale } = context;
  const read = readViewFilters(argument, ['overdue', 'pending']);
  if (!read || read.services.length > 0) return undefined;
  const t = texts[locale].complaints;
  const today = app.calendar.localDateOf(clock.now());
  const onlyLate = read.filters.includes('overdue');
  const scope = complaintScopeFor(actor);
  const [open, people] = await Promise.all([app.complaints.listOpen(), app.people.list()]);
  const matching = open
    .filter((complaint) => inComplaintScope(complaint, actor, scope) && (!onlyLate || isLate(complaint, today)))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  const names = new Map(people.map((person) => [person.id, person.name]));
  const shown = matching.slice(0, maxComplaintLines);
  const year = Number(today.slice(0, 4));
  return complaintsCard(
    {
      title: fill(onlyLate ? t.late : t.pending, { scope: scopeText(scope, locale) }),
      notice: '',
      summary: fill(t.summary, { n: matching.length }),
      showStats: false,
      statsTitle: '',
      channelLines: [],
      totalText: '',
      onTimeText: '',
      kindsText: '',
      lines: shown.map((complaint) => complaintLine(complaint, today, names, locale)),
      more: matching.length > shown.length ? fill(t.more, { n: matching.length - shown.length }) : '',
      previousYear: year,
      previousYearLabel: fill(t.previous, { year }),
    },
    locale,
  );
}
