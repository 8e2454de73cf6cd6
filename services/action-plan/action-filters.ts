import { normalizeText } from '../text/normalize';
import { isOverdue, openStates, type ActionItem, type ActionState } from './action-item';
import { compareActionIds } from './action-number';
import { isQualityOfficer, managesOwningService, type ActionActor } from './action-people';

/** What the words after `plan d'action` ask for. Kinds combine with AND, values of one kind with OR. */
export interface ActionFilters {
  /** "en retard": planned or in progress with the deadline passed. */
  overdue: boolean;
  /** "à valider": done, awaiting approval. */
  awaitingApproval: boolean;
  /** "propositions": proposals waiting for the quality officer. */
  proposals: boolean;
  /** "toutes": closed, cancelled and declined items too. */
  all: boolean;
  /** Plan years ("2021"): the whole table of that year, closed rows included. */
  years: number[];
  /** Service codes ("BMI"): items owned by one of them. */
  services: string[];
  /** Words not understood, to say so rather than ignore them. */
  unknown: string[];
}

type Flag = 'overdue' | 'awaitingApproval' | 'proposals' | 'all';

/** Phrasings of each flag, French first; accents, case and punctuation do not matter ("À valider", "a-valider"). */
const flagPhrasings: Record<Flag, readonly string[]> = {
  overdue: ['en retard', 'retard', 'retards', 'overdue', 'late'],
  awaitingApproval: ['à valider', 'a approuver', 'en attente de validation', 'en attente', 'awaiting approval', 'to approve'],
  proposals: ['propositions', 'proposition', 'proposées', 'proposals'],
  all: ['toutes', 'tout', 'tous', 'all'],
};

/** Words that only make the sentence read well ("les actions du service BMI"). */
const fillers = new Set(['de', 'du', 'des', 'd', 'le', 'la', 'les', 'l', 'et', 'mes', 'mon', 'ma', 'service', 'services', 'action', 'actions', 'plan', 'annee', 'en']);

/** Reads the filter words of the plan view; service codes are matched against the known ones. */
export function parseActionFilters(text: string, serviceCodes: readonly string[]): ActionFilters {
  const filters: ActionFilters = { overdue: false, awaitingApproval: false, proposals: false, all: false, years: [], services: [], unknown: [] };
  const phrases: { words: string[]; apply: () => void }[] = [
    ...Object.entries(flagPhrasings).flatMap(([flag, phrasings]) =>
      phrasings.map((phrasing) => ({ words: normalizeText(phrasing).split(' '), apply: () => void (filters[flag as Flag] = true) })),
    ),
    ...serviceCodes.map((code) => ({ words: normalizeText(code).split(' '), apply: () => void (filters.services.includes(code) || filters.services.push(code)) })),
  ].sort((a, b) => b.words.length - a.words.length);

  const words = normalizeText(text).split(' ').filter(Boolean);
  for (let index = 0; index < words.length; ) {
    const phrase = phrases.find((candidate) => candidate.words.every((word, offset) => words[index + offset] === word));
    if (phrase) {
      phrase.apply();
      index += phrase.words.length;
      continue;
    }
    const word = words[index] ?? '';
    if (/^\d{4}$/.test(word)) {
      if (!filters.years.includes(Number(word))) filters.years.push(Number(word));
    } else if (!fillers.has(word)) filters.unknown.push(word);
    index += 1;
  }
  return filters;
}

/**
 * Whose items a person sees (issue 5): the quality officer and admins the whole plan; a manager their services'
 * items; everyone the items they own or proposed.
 */
export function isInScope(item: ActionItem, actor: ActionActor): boolean {
  if (isQualityOfficer(actor) || actor.roles.includes('admin')) return true;
  if (item.ownerId === actor.id || item.createdBy === actor.id) return true;
  return managesOwningService(item, actor);
}

/** States shown when no state word and no year is given: the plan as it stands, proposals included. */
const currentStates: readonly ActionState[] = ['proposed', ...openStates];

/** The items of the view, in plan order: the person's scope, then the filters. */
export function visibleItems(items: readonly ActionItem[], actor: ActionActor, filters: ActionFilters, today: string): ActionItem[] {
  const byState = filters.overdue || filters.awaitingApproval || filters.proposals;
  return items
    .filter((item) => isInScope(item, actor))
    .filter((item) => {
      if (byState) {
        return (filters.overdue && isOverdue(item, today)) || (filters.awaitingApproval && item.state === 'awaiting-approval') || (filters.proposals && item.state === 'proposed');
      }
      return filters.all || filters.years.length > 0 || currentStates.includes(item.state);
    })
    .filter((item) => filters.years.length === 0 || filters.years.includes(item.year))
    .filter((item) => filters.services.length === 0 || item.services.some((service) => filters.services.includes(service)))
    .sort((a, b) => compareActionIds(a.id, b.id));
}
