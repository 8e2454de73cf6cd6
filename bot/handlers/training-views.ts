import type { Locale } from '../../cards/locale';
import { fill } from '../../cards/render';
import type { TrainingFormCardData } from '../../cards/training-form';
import type { TrainingOverviewCardData } from '../../cards/training-overview';
import type { TrainingStatusCardData } from '../../cards/training-status';
import type { Person } from '../../services/directory/person';
import type { LocalDate } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import { needsAction, type TrainingOverview } from '../../services/training/training-overview';
import type { DeclarationError, TrainingRecord } from '../../services/training/training-record';
import { latestRecordsOf, trainingStatus, type TrainingState, type TrainingStatusLine } from '../../services/training/training-status';
import type { TrainingCounts } from '../../services/training/training-summary';
import type { TrainingType } from '../../services/training/training-type';

/** People listed on a manager's overview (their whole service) and on the quality officer's (those to act on). */
export const maxServicePeopleListed = 30;
export const maxAllPeopleListed = 20;
/** Trainings named per person on an overview line; the rest are counted ("+2"). */
const maxStatesPerLine = 3;
/** People offered by the declaration form's chooser (a ChoiceSet of thousands would not fit in a card). */
export const maxPeopleChoices = 150;

const texts = {
  fr: {
    mine: 'Mes formations',
    of: 'Formations de {name}',
    service: 'Service {service}',
    noService: 'Sans service',
    asOf: '{scope} — au {date}',
    valid: 'Valide',
    expiringIn: 'À renouveler (dans {n} jours)',
    expiringIn1: 'À renouveler (dans 1 jour)',
    expiredSince: 'Expirée depuis le {date}',
    missing: 'Jamais déclarée',
    detail: '« {title} » suivie le {date} ({mode}) — échéance le {expiry}',
    modes: { 'e-learning': 'e-learning', presentiel: 'présentiel' },
    counts: { valid: ['valide', 'valides'], expiring: ['à renouveler', 'à renouveler'], expired: ['expirée', 'expirées'], missing: ['jamais déclarée', 'jamais déclarées'] },
    scopeService: 'Service {service} — {n} personne(s), au {date}',
    scopeAll: 'Tous les services — {n} personne(s), au {date}',
    peopleService: 'Agents du service',
    peopleAll: 'À relancer (expirées, jamais déclarées, à renouveler)',
    emptyService: 'Personne dans ce service.',
    emptyAll: 'Rien à relancer : tout est à jour.',
    upToDate: 'Tout est à jour',
    nothingRequired: 'Aucune formation exigée',
    more: '… et {n} autre(s)',
    forWhom: 'Pour : {name}',
    peopleCapped: 'Liste limitée à {n} personnes : pour quelqu’un d’autre, tapez « déclarer une formation <nom> ».',
  },
  en: {
    mine: 'My training',
    of: 'Training of {name}',
    service: 'Service {service}',
    noService: 'No service',
    asOf: '{scope} — as of {date}',
    valid: 'Valid',
    expiringIn: 'To renew (in {n} days)',
    expiringIn1: 'To renew (in 1 day)',
    expiredSince: 'Expired since {date}',
    missing: 'Never declared',
    detail: '“{title}” completed on {date} ({mode}) — due on {expiry}',
    modes: { 'e-learning': 'e-learning', presentiel: 'classroom' },
    counts: { valid: ['valid', 'valid'], expiring: ['to renew', 'to renew'], expired: ['expired', 'expired'], missing: ['never declared', 'never declared'] },
    scopeService: 'Service {service} — {n} people, as of {date}',
    scopeAll: 'All services — {n} people, as of {date}',
    peopleService: 'People of the service',
    peopleAll: 'To follow up (expired, never declared, to renew)',
    emptyService: 'Nobody in this service.',
    emptyAll: 'Nothing to follow up: everything is up to date.',
    upToDate: 'All up to date',
    nothingRequired: 'No training required',
    more: '… and {n} more',
    forWhom: 'For: {name}',
    peopleCapped: 'List limited to {n} people: for someone else, type “declare training <name>”.',
  },
};

const colors: Record<TrainingState, string> = { valid: 'Good', expiring: 'Warning', expired: 'Attention', missing: 'Attention' };

/** "Formation continue (4.2)". */
export function typeLabel(type: Pick<TrainingType, 'label' | 'commitment'>, locale: Locale): string {
  return `${type.label[locale]} (${type.commitment})`;
}

/** "Valide", "À renouveler (dans 110 jours)", "Expirée depuis le 12/03/2026", "Jamais déclarée". */
export function stateText(line: TrainingStatusLine, locale: Locale): string {
  const t = texts[locale];
  if (line.state === 'missing') return t.missing;
  if (line.state === 'valid') return t.valid;
  if (line.state === 'expired') return fill(t.expiredSince, { date: formatDay(line.expiresOn ?? '', locale) });
  return line.daysLeft === 1 ? t.expiringIn1 : fill(t.expiringIn, { n: line.daysLeft });
}

/** "2 valides, 1 à renouveler, 1 jamais déclarée" (states with none are left out). */
export function countsText(counts: TrainingCounts, locale: Locale): string {
  const words = texts[locale].counts;
  return (['valid', 'expiring', 'expired', 'missing'] as const)
    .filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${words[state][counts[state] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** "Service BMI" or "Sans service". */
function serviceText(person: Pick<Person, 'service'>, locale: Locale): string {
  return person.service ? fill(texts[locale].service, { service: person.service }) : texts[locale].noService;
}

/** The status card of one person: every required training, its state and its latest completion. */
export function statusCardData(input: {
  person: Person;
  viewerId: string;
  types: readonly TrainingType[];
  records: readonly TrainingRecord[];
  today: LocalDate;
  locale: Locale;
  notice?: { text: string; style: TrainingStatusCardData['noticeStyle'] };
}): TrainingStatusCardData {
  const { person, types, records, today, locale } = input;
  const t = texts[locale];
  const lines = trainingStatus(person, types, records, today);
  const latest = latestRecordsOf(person.id, records);
  const typesById = new Map(types.map((type) => [type.id, type]));
  const counts: TrainingCounts = { valid: 0, expiring: 0, expired: 0, missing: 0 };
  for (const line of lines) counts[line.state] += 1;
  return {
    heading: person.id === input.viewerId ? t.mine : fill(t.of, { name: person.name }),
    subtitle: fill(t.asOf, { scope: serviceText(person, locale), date: formatDay(today, locale) }),
    personId: person.id,
    notice: input.notice?.text ?? '',
    noticeStyle: input.notice?.style ?? 'default',
    summary: countsText(counts, locale),
    lines: lines.map((line) => {
      const record = latest.get(line.typeId);
      const type = typesById.get(line.typeId);
      return {
        typeId: line.typeId,
        label: type ? typeLabel(type, locale) : line.typeId,
        state: stateText(line, locale),
        color: colors[line.state],
        detail: record
          ? fill(t.detail, {
              title: record.title,
              date: formatDay(record.completedOn, locale),
              mode: t.modes[record.mode],
              expiry: formatDay(line.expiresOn ?? record.completedOn, locale),
            })
          : '',
      };
    }),
  };
}

/** What one person's overview line says: the trainings to act on (at most three named), or that all is well. */
function personStates(lines: readonly TrainingStatusLine[], typesById: Map<string, TrainingType>, locale: Locale): string {
  const t = texts[locale];
  if (lines.length === 0) return t.nothingRequired;
  const open = lines.filter(needsAction);
  if (open.length === 0) return t.upToDate;
  const named = open.slice(0, maxStatesPerLine).map((line) => {
    const type = typesById.get(line.typeId);
    const state = stateText(line, locale);
    return `${type ? typeLabel(type, locale) : line.typeId} : ${state.charAt(0).toLowerCase()}${state.slice(1)}`;
  });
  const rest = open.length - named.length;
  return [...named, ...(rest > 0 ? [`+${rest}`] : [])].join(' · ');
}

/**
 * The overview card of a group: a manager's service (everyone listed, capped) or all services for the quality
 * officer (only the people to act on, capped); counts per type as the yearly report shows them.
 */
export function overviewCardData(input: {
  overview: TrainingOverview<Person>;
  scope: { kind: 'service'; service: string } | { kind: 'all' };
  today: LocalDate;
  locale: Locale;
}): TrainingOverviewCardData {
  const { overview, scope, today, locale } = input;
  const t = texts[locale];
  const typesById = new Map(overview.byType.map(({ type }) => [type.id, type]));
  const forAll = scope.kind === 'all';
  const candidates = forAll ? overview.people.filter((entry) => entry.lines.some(needsAction)) : overview.people;
  const cap = forAll ? maxAllPeopleListed : maxServicePeopleListed;
  const listed = candidates.slice(0, cap);
  const date = formatDay(today, locale);
  return {
    scopeText: forAll
      ? fill(t.scopeAll, { n: overview.people.length, date })
      : fill(t.scopeService, { service: scope.service, n: overview.people.length, date }),
    summary: countsText(overview.totals, locale),
    types: overview.byType.map(({ type, counts }) => ({
      label: typeLabel(type, locale),
      valid: String(counts.valid),
      expiring: String(counts.expiring),
      expired: String(counts.expired),
      missing: String(counts.missing),
    })),
    peopleTitle: forAll ? t.peopleAll : t.peopleService,
    peopleEmpty: forAll ? t.emptyAll : t.emptyService,
    people: listed.map(({ person, lines, worst }) => ({
      id: person.id,
      name: forAll ? `${person.name} (${person.service ?? '—'})` : person.name,
      states: personStates(lines, typesById, locale),
      color: colors[worst],
    })),
    moreText: candidates.length > listed.length ? fill(t.more, { n: candidates.length - listed.length }) : '',
  };
}

/** What the person typed in the form, kept when it comes back with errors. */
export interface TrainingFormValues {
  personId: string;
  typeId: string;
  completedOn: string;
  title: string;
  mode: string;
}

/** The declaration form: the people the viewer may declare for, active types, typed values and errors. */
export function formCardData(input: {
  /** Whom the viewer may declare for, the viewer first (declarablePeople). */
  declarable: readonly Person[];
  types: readonly TrainingType[];
  values: TrainingFormValues;
  errors: readonly DeclarationError[];
  today: LocalDate;
  locale: Locale;
}): TrainingFormCardData {
  const { declarable, values, errors, locale } = input;
  const t = texts[locale];
  const showPersonChooser = declarable.length > 1;
  const selected = declarable.find((person) => person.id === values.personId) ?? declarable[0];
  let offered = declarable.slice(0, maxPeopleChoices);
  if (selected && !offered.includes(selected)) offered = [...offered.slice(0, maxPeopleChoices - 1), selected];
  const errorOf = (...fields: DeclarationError['field'][]) =>
    errors
      .filter((error) => fields.includes(error.field))
      .map((error) => error.message)
      .join(' ');
  const personLabel = (person: Person) => (person.service ? `${person.name} — ${person.service}` : person.name);
  return {
    showPersonChooser,
    forText: selected ? fill(t.forWhom, { name: personLabel(selected) }) : '',
    personId: selected?.id ?? '',
    people: showPersonChooser ? offered.map((person) => ({ id: person.id, title: personLabel(person) })) : [],
    peopleHint: declarable.length > offered.length ? fill(t.peopleCapped, { n: maxPeopleChoices }) : '',
    typeId: values.typeId,
    types: input.types.filter((type) => type.active).map((type) => ({ id: type.id, title: typeLabel(type, locale) })),
    completedOn: values.completedOn,
    today: input.today,
    title: values.title,
    mode: values.mode,
    formError: showPersonChooser ? errorOf('form') : errorOf('form', 'declaredBy'),
    personError: showPersonChooser ? errorOf('declaredBy') : '',
    typeIdError: errorOf('typeId'),
    completedOnError: errorOf('completedOn'),
    titleError: errorOf('title'),
    modeError: errorOf('mode'),
  };
}
