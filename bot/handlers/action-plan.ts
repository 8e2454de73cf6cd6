import { actionPlanCard, type ActionPlanLine } from '../../cards/action-plan';
import type { Locale } from '../../cards/locale';
import { fill, type CardJson } from '../../cards/render';
import { parseActionFilters, type ActionFilters } from '../../services/action-plan/action-filters';
import { actionStateLabels, isOverdue, type ActionItem, type ActionState } from '../../services/action-plan/action-item';
import { planView, shortenText, type PlanCounts, type PlanScope } from '../../services/action-plan/action-plan-view';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext } from '../turn-context';

const texts = {
  fr: {
    scope: { own: 'Vos actions', service: 'Service {service}', all: 'Toutes les actions' },
    filters: 'Filtres : {list}',
    noFilter: 'Actions proposées et ouvertes. Précisez au besoin : « en retard », « à valider », « propositions », une année (« 2021 »), un service (« BMI ») ou « toutes ».',
    flags: { overdue: 'en retard', awaitingApproval: 'à valider', proposals: 'propositions', all: 'toutes' },
    unknown: 'Mots non compris : {words}.',
    open: ['{n} ouverte', '{n} ouvertes'],
    overdue: ['{n} en retard', '{n} en retard'],
    awaiting: ['{n} à valider', '{n} à valider'],
    proposed: ['{n} proposition', '{n} propositions'],
    overdueState: '{state} — en retard',
    deadline: 'Échéance {date}',
    noDeadline: 'Sans échéance',
    unknownPerson: 'pilote inconnu',
    more: '… et {n} autres : précisez, par exemple « plan d’action en retard ».',
  },
  en: {
    scope: { own: 'Your actions', service: 'Service {service}', all: 'All actions' },
    filters: 'Filters: {list}',
    noFilter: 'Proposed and open actions. Narrow it down with “overdue”, “to approve”, “proposals”, a year (“2021”), a service (“BMI”) or “all”.',
    flags: { overdue: 'overdue', awaitingApproval: 'to approve', proposals: 'proposals', all: 'all' },
    unknown: 'Words not understood: {words}.',
    open: ['{n} open', '{n} open'],
    overdue: ['{n} overdue', '{n} overdue'],
    awaiting: ['{n} to approve', '{n} to approve'],
    proposed: ['{n} proposal', '{n} proposals'],
    overdueState: '{state} — overdue',
    deadline: 'Deadline {date}',
    noDeadline: 'No deadline',
    unknownPerson: 'unknown owner',
    more: '… and {n} more: narrow it down, for instance “action plan overdue”.',
  },
};

/** Same colours as the action card (action-view). */
const stateColors: Record<ActionState, string> = {
  proposed: 'Accent',
  planned: 'Default',
  'in-progress': 'Accent',
  'awaiting-approval': 'Warning',
  closed: 'Good',
  'rejected-proposal': 'Attention',
  cancelled: 'Attention',
};

/** Finding cut for one line of the list; the action card shows it whole. */
const findingLength = 90;

/** "1 ouverte", "3 ouvertes": French takes the singular for 0 and 1, English for 1 only. */
function counted(forms: readonly string[], n: number, locale: Locale): string {
  const singular = locale === 'fr' ? n <= 1 : n === 1;
  return fill((singular ? forms[0] : forms[1]) ?? '', { n });
}

function scopeText(scope: PlanScope, locale: Locale): string {
  const t = texts[locale].scope;
  return scope.kind === 'service' ? fill(t.service, { service: scope.service }) : t[scope.kind];
}

function filtersText(filters: ActionFilters, locale: Locale): string {
  const t = texts[locale];
  const flags = (['overdue', 'awaitingApproval', 'proposals', 'all'] as const).filter((flag) => filters[flag]).map((flag) => t.flags[flag]);
  const list = [...flags, ...filters.years.map(String), ...filters.services];
  return list.length === 0 ? t.noFilter : fill(t.filters, { list: list.join(' · ') });
}

function summary(counts: PlanCounts, locale: Locale): string {
  const t = texts[locale];
  return [
    counted(t.open, counts.open, locale),
    counted(t.overdue, counts.overdue, locale),
    counted(t.awaiting, counts.awaitingApproval, locale),
    counted(t.proposed, counts.proposed, locale),
  ].join(' · ');
}

function line(item: ActionItem, today: string, names: ReadonlyMap<string, string>, locale: Locale): ActionPlanLine {
  const t = texts[locale];
  const overdue = isOverdue(item, today);
  const label = actionStateLabels[item.state][locale];
  const deadline = item.deadline ? fill(t.deadline, { date: formatDay(item.deadline, locale) }) : t.noDeadline;
  return {
    id: item.id,
    finding: shortenText(item.finding, findingLength),
    state: overdue ? fill(t.overdueState, { state: label }) : label,
    stateColor: overdue ? 'Attention' : stateColors[item.state],
    details: `${deadline} · ${names.get(item.ownerId) ?? t.unknownPerson}`,
  };
}

/** The plan card for the words after `plan d'action` (filters), as far as the viewer may see. */
export async function buildActionPlanCard(context: HandlerContext, words: string): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const [services, items, people] = await Promise.all([app.services.list(), app.actions.list(), app.people.list()]);
  const filters = parseActionFilters(words, services.map((service) => service.code));
  const today = app.calendar.localDateOf(clock.now());
  const view = planView(items, actor, filters, today);
  const names = new Map(people.map((person) => [person.id, person.name]));
  return actionPlanCard(
    {
      scopeText: scopeText(view.scope, locale),
      filtersText: filtersText(filters, locale),
      unknownText: filters.unknown.length > 0 ? fill(t.unknown, { words: filters.unknown.slice(0, 10).map((word) => word.slice(0, 30)).join(', ') }) : '',
      summary: summary(view.counts, locale),
      lines: view.shown.map((item) => line(item, today, names, locale)),
      more: view.hidden > 0 ? fill(t.more, { n: view.hidden }) : '',
    },
    locale,
  );
}

/** « plan d'action [en retard | à valider | 2021 | BMI | toutes] »: the plan as the viewer may see it (issue 5). */
export async function showActionPlan(context: CommandContext): Promise<void> {
  await context.reply(await buildActionPlanCard(context, context.argument));
}
