import { distance } from 'fastest-levenshtein';
import { normalizeText } from '../text/normalize';

/**
 * The views a message may ask for in free wording (issue 7: "accents, case, plural, word order and small typos do
 * not matter"). Read-only commands only: a loosely worded message never opens a form nor changes anything.
 */
export const viewCommands = ['status', 'actionPlan', 'checks', 'training', 'complaints', 'fraud', 'clu', 'labelCalendar'] as const;

/** A command a loosely worded message may lead to (a name of bot/commands.ts). */
export type ViewCommand = (typeof viewCommands)[number];

/** What a filter word asks for, whatever the view. */
export const viewFilters = ['overdue', 'awaitingApproval', 'proposals', 'all', 'expired', 'expiring', 'pending'] as const;

/** One filter. */
export type ViewFilter = (typeof viewFilters)[number];

/** A message read as a view: the command and the argument its handler reads ("en retard BMI"). */
export interface ViewIntent {
  command: ViewCommand;
  argument: string;
}

type Meaning = { kind: 'view'; command: ViewCommand } | { kind: 'filter'; filter: ViewFilter } | { kind: 'stop' } | { kind: 'filler' };

const view = (command: ViewCommand, words: string[]) => words.map((word) => [word, { kind: 'view', command }] as const);
const filter = (name: ViewFilter, words: string[]) => words.map((word) => [word, { kind: 'filter', filter: name }] as const);

/** The words that carry meaning, folded (no accent, lower case, singular). French first, English second. */
const vocabulary: ReadonlyMap<string, Meaning> = new Map<string, Meaning>([
  ...view('status', ['statut', 'status', 'etat', 'situation', 'tableau', 'bord', 'synthese', 'dashboard', 'overview']),
  ...view('actionPlan', ['action', 'plan']),
  ...view('checks', ['controle', 'verification', 'check']),
  ...view('training', ['formation', 'training']),
  ...view('complaints', ['reclamation', 'suggestion', 'complaint']),
  ...view('fraud', ['fraude', 'fraud']),
  ...view('clu', ['clu', 'comite', 'usager', 'committee']),
  ...view('labelCalendar', ['calendrier', 'echeance', 'label', 'calendar', 'deadline']),
  ...filter('overdue', ['retard', 'depasse', 'depassee', 'late', 'overdue']),
  ...filter('awaitingApproval', ['valider', 'validation', 'approuver', 'approbation', 'approve', 'approval']),
  ...filter('proposals', ['proposition', 'proposee', 'proposal']),
  ...filter('all', ['tout', 'toute', 'tous', 'all']),
  ...filter('expired', ['expire', 'expiree', 'perime', 'perimee', 'echue', 'expired']),
  ...filter('expiring', ['renouveler', 'renouvellement', 'bientot', 'expiring', 'renew', 'renewal']),
  ...filter('pending', ['attente', 'ouvert', 'ouverte', 'open', 'pending']),
  // Words of the commands that write or of other screens: a message holding one is not a view, whatever else it says
  // (« nouvelle actoin » gets the suggestions, not the plan).
  ...[
    'nouvelle', 'nouveau', 'new', 'declarer', 'declare', 'declaration', 'signaler', 'signalement', 'signal', 'report',
    'planifier', 'schedule', 'importer', 'import', 'exporter', 'export', 'creer', 'create', 'ajouter', 'add', 'gerer',
    'manage', 'saisir', 'enregistrer', 'affecter', 'assign', 'modifier', 'edit', 'proposer', 'propose', 'supprimer',
    'delete', 'annuler', 'cancel', 'cloturer', 'close', 'repondre', 'reply', 'historique', 'history', 'type',
    'catalogue', 'volume', 'aide', 'help', 'engagement', 'annuaire', 'rappel', 'reminder', 'langue', 'language',
  ].map((word) => [word, { kind: 'stop' }] as const),
]);

/** Words that only make the sentence read well; like the others, a typo is tolerated in the long ones only (« trimestre »). */
const fillers = new Set([
  'en', 'a', 'au', 'aux', 'de', 'des', 'du', 'd', 'le', 'la', 'les', 'l', 'un', 'une', 'et', 'ou', 'mes', 'ma', 'mon',
  'nos', 'notre', 'vos', 'votre', 'pour', 'par', 'sur', 'dans', 'quel', 'quels', 'quelle', 'quelles', 'sont', 'est',
  'qui', 'il', 'y', 'voir', 'afficher', 'affiche', 'montre', 'montrer', 'moi', 'liste', 'lister', 'donne', 'svp', 'stp',
  'merci', 'service', 'services', 'annee', 'local', 'ce', 'cette', 'ces', 'trimestre', 'qualite', 'the', 'my',
  'of', 'to', 'in', 'on', 'show', 'me', 'list', 'what', 'is', 'are', 'which', 'please', 'year', 'quarter', 'quality',
]);

const filler: Meaning = { kind: 'filler' };

/** Every word a typed word may be a typo of: the vocabulary, then the fillers. */
const candidates: readonly (readonly [string, Meaning])[] = [...vocabulary, ...[...fillers].map((word) => [word, filler] as const)];

/** Typos tolerated in a vocabulary word: none up to 4 letters, one up to 9, two from 10 (« reclamation »). */
export function typoTolerance(word: string): number {
  return word.length <= 4 ? 0 : word.length <= 9 ? 1 : 2;
}

/** The word and its singular (« actions » → « action », « tableaux » → « tableau »): plural never matters. */
function forms(word: string): string[] {
  return word.length > 3 && /[sx]$/.test(word) ? [word, word.slice(0, -1)] : [word];
}

const sameMeaning = (a: Meaning, b: Meaning) =>
  a.kind === b.kind && (a.kind !== 'view' || b.kind !== 'view' || a.command === b.command) && (a.kind !== 'filter' || b.kind !== 'filter' || a.filter === b.filter);

/**
 * What one folded word means: an exact vocabulary word (or its singular), else the closest one within its typo
 * tolerance. Undefined when nothing is close, or when two words of different meaning are equally close.
 */
export function meaningOf(word: string): Meaning | undefined {
  for (const form of forms(word)) {
    const exact = vocabulary.get(form);
    if (exact) return exact;
  }
  if (forms(word).some((form) => fillers.has(form))) return filler;
  if (word.length < 4) return undefined;
  let best: { d: number; meaning: Meaning; ambiguous: boolean } | undefined;
  for (const [entry, meaning] of candidates) {
    const tolerance = typoTolerance(entry);
    if (tolerance === 0) continue;
    const d = Math.min(...forms(word).map((form) => distance(form, entry)));
    if (d > tolerance) continue;
    if (!best || d < best.d) best = { d, meaning, ambiguous: false };
    else if (d === best.d && !sameMeaning(best.meaning, meaning)) best.ambiguous = true;
  }
  return best && !best.ambiguous ? best.meaning : undefined;
}

/** How each view spells a filter for its handler; a filter a view has not is not understood. */
const filterArguments: Record<ViewCommand, Partial<Record<ViewFilter, string>>> = {
  status: { all: '' },
  actionPlan: { overdue: 'en retard', awaitingApproval: 'à valider', proposals: 'propositions', all: 'toutes', pending: '' },
  checks: { all: '' },
  training: { overdue: 'expirées', expired: 'expirées', expiring: 'à renouveler', all: '' },
  complaints: { overdue: 'en retard', pending: 'en attente', all: '' },
  fraud: {},
  clu: {},
  labelCalendar: {},
};

/** Which views read a year (« réclamations 2025 ») or a service code (« actions en retard BMI ») after their filters. */
const extraWords: Record<ViewCommand, { years: boolean; services: boolean; withFilters: boolean }> = {
  status: { years: false, services: false, withFilters: false },
  actionPlan: { years: true, services: true, withFilters: true },
  checks: { years: false, services: false, withFilters: false },
  training: { years: false, services: true, withFilters: true },
  complaints: { years: true, services: false, withFilters: false },
  fraud: { years: true, services: false, withFilters: false },
  clu: { years: false, services: false, withFilters: false },
  labelCalendar: { years: false, services: false, withFilters: false },
};

/** Longest message read as a view: a sentence, not a paragraph. */
const maxWords = 12;

/** The words of a message sorted out: the views and filters named, years and service codes, or why not a view. */
export interface ReadWords {
  views: Set<ViewCommand>;
  filters: Set<ViewFilter>;
  years: string[];
  services: string[];
  /** Words neither in the vocabulary nor fillers, as folded. */
  unknown: string[];
  /** True when a word belongs to a command that writes (« nouvelle », « déclarer »…). */
  stop: boolean;
}

/** Sorts out the words of a message (folded: accents, case and punctuation do not matter). */
export function readWords(text: string, serviceCodes: readonly string[] = []): ReadWords {
  const codes = new Map(serviceCodes.map((code) => [normalizeText(code), code]));
  const read: ReadWords = { views: new Set(), filters: new Set(), years: [], services: [], unknown: [], stop: false };
  for (const word of normalizeText(text).split(' ').filter(Boolean)) {
    const code = codes.get(word);
    if (/^\d{4}$/.test(word)) read.years.push(word);
    else if (code !== undefined) read.services.push(code);
    else {
      const meaning = meaningOf(word);
      if (!meaning) read.unknown.push(word);
      else if (meaning.kind === 'filler') continue;
      else if (meaning.kind === 'stop') read.stop = true;
      else if (meaning.kind === 'view') read.views.add(meaning.command);
      else read.filters.add(meaning.filter);
    }
  }
  return read;
}

/**
 * Reads a message as a view, in any word order: « en retard actions » → the plan with « en retard »,
 * « formation expiree » → « formations expirées », « statut plan d'action » → the plan. Every word must be
 * understood; one view only (« statut » with another view leads to that view); filters the view has and, for some
 * views, years and service codes. Undefined otherwise: the message then gets the suggestions or the help card.
 */
export function readViewIntent(text: string, serviceCodes: readonly string[] = []): ViewIntent | undefined {
  if (normalizeText(text).split(' ').filter(Boolean).length > maxWords) return undefined;
  const read = readWords(text, serviceCodes);
  if (read.stop || read.unknown.length > 0) return undefined;
  const named = [...read.views].filter((command) => command !== 'status');
  if (named.length > 1) return undefined;
  const command = named[0] ?? (read.views.has('status') ? 'status' : undefined);
  if (command === undefined) return undefined;
  const spelled = viewFilters.filter((name) => read.filters.has(name)).map((name) => filterArguments[command][name]);
  if (spelled.some((argument) => argument === undefined)) return undefined;
  const extra = extraWords[command];
  const years = [...new Set(read.years)].sort();
  const services = [...new Set(read.services)].sort();
  if ((years.length > 0 && !extra.years) || (services.length > 0 && !extra.services)) return undefined;
  const filters = [...new Set(spelled)].filter((argument): argument is string => argument !== undefined && argument !== '');
  if (filters.length > 0 && years.length + services.length > 0 && !extra.withFilters) return undefined;
  return { command, argument: [...filters, ...years, ...services].join(' ') };
}

/**
 * The filters a view's own argument names (« formations expirées BMI » → expired, BMI), for the handlers that take
 * them; undefined when it names none of `wanted` or holds anything else, so the handler reads it as before.
 */
export function readViewFilters(argument: string, wanted: readonly ViewFilter[], serviceCodes: readonly string[] = []): { filters: ViewFilter[]; services: string[] } | undefined {
  const read = readWords(argument, serviceCodes);
  const filters = wanted.filter((name) => read.filters.has(name));
  const others = [...read.filters].some((name) => !wanted.includes(name) && name !== 'all');
  if (filters.length === 0 || others || read.stop || read.unknown.length > 0 || read.views.size > 0 || read.years.length > 0) return undefined;
  return { filters, services: [...new Set(read.services)] };
}
