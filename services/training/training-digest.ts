import type { Person } from '../directory/person';
import type { LocalDate, WorkingCalendar } from '../reminders/calendar';
import type { PlannedReminder, ReminderText } from '../reminders/reminder';
import { formatMonth } from './training-dates';
import type { TrainingPlanInput } from './training-planner';
import { countTrainingStates, type TrainingCounts } from './training-summary';

/** A calendar month, 'YYYY-MM'. */
type MonthId = string;

function shiftMonth(month: MonthId, by: number): MonthId {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The digest goes out on the month's first working day, at the start of the sending window. */
function digestDay(month: MonthId, calendar: WorkingCalendar): { day: LocalDate; notBefore: Date } {
  const day = calendar.nextWorkingDay(`${month}-01`, { inclusive: true });
  return { day, notBefore: calendar.nextSendingInstant(calendar.localInstant(day, calendar.window.start)) };
}

/** One month's digest: its month, the day it goes out, and when. */
interface MonthDigest {
  month: MonthId;
  day: LocalDate;
  notBefore: Date;
}

/** The months whose digest instant is in (since, now]; without `since`, only the latest one reached. */
function monthsToPlan(since: Date | undefined, now: Date, calendar: WorkingCalendar): MonthDigest[] {
  const nowMonth = calendar.localDateOf(now).slice(0, 7);
  const reached = (month: MonthId): MonthDigest => ({ month, ...digestDay(month, calendar) });
  if (since === undefined) {
    const latest = [reached(nowMonth), reached(shiftMonth(nowMonth, -1))].find(({ notBefore }) => notBefore.getTime() <= now.getTime());
    return latest ? [latest] : [];
  }
  const months: MonthDigest[] = [];
  for (let month = calendar.localDateOf(since).slice(0, 7); month <= nowMonth; month = shiftMonth(month, 1)) {
    const candidate = reached(month);
    const at = candidate.notBefore.getTime();
    if (at > since.getTime() && at <= now.getTime()) months.push(candidate);
  }
  return months;
}

/** One figure of the digest line, with its French singular and plural and its English. */
interface DigestFigure {
  count: number;
  fr: [string, string];
  en: string;
}

/** "3 formations expirées, 1 jamais déclarée, 2 à renouveler dans les 6 mois — service BMI" and its English. */
export function digestText(service: string, month: MonthId, counts: TrainingCounts): ReminderText {
  const all: DigestFigure[] = [
    { count: counts.expired, fr: ['expirée', 'expirées'], en: 'expired' },
    { count: counts.missing, fr: ['jamais déclarée', 'jamais déclarées'], en: 'never declared' },
    { count: counts.expiring, fr: ['à renouveler dans les 6 mois', 'à renouveler dans les 6 mois'], en: 'due for renewal within 6 months' },
  ];
  const figures = all.filter((figure) => figure.count > 0);
  // The noun goes on the first figure only: "3 formations expirées, 2 à renouveler…".
  const fr = figures.map(({ count, fr: [one, many] }, index) => {
    const noun = index > 0 ? '' : count === 1 ? 'formation ' : 'formations ';
    return `${count} ${noun}${count === 1 ? one : many}`;
  });
  const en = figures.map(({ count, en: words }, index) => {
    const noun = index > 0 ? '' : count === 1 ? 'training ' : 'trainings ';
    return `${count} ${noun}${words}`;
  });
  return {
    fr: {
      title: `Formations du service ${service} : point de ${formatMonth(month, 'fr')}`,
      detail: `${fr.join(', ')} — service ${service}`,
    },
    en: {
      title: `Training in service ${service}: ${formatMonth(month, 'en')} summary`,
      detail: `${en.join(', ')} — service ${service}`,
    },
  };
}

/**
 * The managers' monthly digest (DOMAIN §2): on the first working day of each month, one reminder to each
 * manager whose service has trainings expired, never declared or expiring within 180 days, counted as of that
 * day. Key "training-digest:<managerId>:<YYYY-MM>": one per manager and month, whatever the sweeps. Its button
 * runs « formations », the service's status.
 */
export function planManagerTrainingDigests(input: TrainingPlanInput): PlannedReminder[] {
  const { people, types, records, since, now, calendar } = input;
  if (since !== undefined && since.getTime() >= now.getTime()) return [];
  const managers = people.filter(
    (person): person is Person & { service: string } => person.roles.includes('manager') && person.service !== undefined,
  );
  const planned: PlannedReminder[] = [];
  for (const { month, day, notBefore } of monthsToPlan(since, now, calendar)) {
    const countsByService = new Map<string, TrainingCounts>();
    for (const manager of managers) {
      let counts = countsByService.get(manager.service);
      if (!counts) {
        const team = people.filter((person) => person.service === manager.service);
        counts = countTrainingStates(team, types, records, day);
        countsByService.set(manager.service, counts);
      }
      if (counts.expired + counts.missing + counts.expiring === 0) continue;
      planned.push({
        key: `training-digest:${manager.id}:${month}`,
        recipientId: manager.id,
        notBefore: notBefore.toISOString(),
        text: digestText(manager.service, month, counts),
        action: { verb: 'command.run', data: { command: 'training' }, title: { fr: 'Voir le suivi', en: 'View' } },
      });
    }
  }
  return planned;
}
