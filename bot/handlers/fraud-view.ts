import { fraudSignalCard } from '../../cards/fraud-signal';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import type { AppServices } from '../../services/app-services';
import type { Clock } from '../../services/clock';
import type { Person } from '../../services/directory/person';
import { fraudNatureLabels, fraudServiceLabel, titleTypeLabels } from '../../services/fraud/fraud-catalog';
import { isAuditedRead, mayQualify, questionRoundOf } from '../../services/fraud/fraud-rules';
import { fraudStateLabels, roundOf, type FraudSignal, type FraudState } from '../../services/fraud/fraud-signal';
import type { LocalDate } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';

/** Who looks at a signal, in which language, with which services. */
export interface FraudViewer {
  actor: Person;
  locale: Locale;
  app: AppServices;
  clock: Clock;
}

/** How a signal card is framed: opened, sent to a referent to qualify one round, or sent to its author after. */
export type FraudCardMode = 'view' | 'qualify' | 'outcome';

const texts = {
  fr: {
    heading: { view: 'Signalement {id}', qualify: 'Signalement à qualifier — {id}', outcome: 'Qualification de votre signalement {id}' },
    facts: { service: 'Service', titleType: 'Titre', nature: 'Nature', detectedOn: 'Détectée le', reference: 'Référence', article40: 'Article 40', author: 'Signalé par' },
    yes: 'oui, transmis le {date}',
    no: 'non',
    byOn: '{name}, le {when}',
    qualified: 'Qualifié par {name} le {when} : {outcome}.',
    asked: 'Complément demandé par {name} le {when}.',
    question: '**Question** de {name}, le {when} : {text}',
    answer: '**Réponse**, le {when} : {text}',
    waiting: 'En attente de la réponse de l’auteur.',
    roundOver: 'Ce tour de qualification est clos : l’auteur a complété le signalement, une nouvelle carte vous a été envoyée.',
    unknownPerson: 'personne inconnue',
    notFoundTitle: 'Signalement introuvable',
    notFound: 'Aucun signalement {id} ne vous est accessible. Vérifiez le numéro, ou tapez « mes signalements ».',
    usage: 'Indiquez le numéro du signalement, par exemple « signalement BMI-2026-0004 ».',
  },
  en: {
    heading: { view: 'Signal {id}', qualify: 'Signal to qualify — {id}', outcome: 'Qualification of your signal {id}' },
    facts: { service: 'Service', titleType: 'Title', nature: 'Nature', detectedOn: 'Detected on', reference: 'Reference', article40: 'Article 40', author: 'Reported by' },
    yes: 'yes, reported on {date}',
    no: 'no',
    byOn: '{name}, on {when}',
    qualified: 'Qualified by {name} on {when}: {outcome}.',
    asked: 'More information asked by {name} on {when}.',
    question: '**Question** from {name}, on {when}: {text}',
    answer: '**Answer**, on {when}: {text}',
    waiting: 'Waiting for the author’s answer.',
    roundOver: 'This qualification round is over: the author completed the signal and a new card was sent to you.',
    unknownPerson: 'unknown person',
    notFoundTitle: 'Signal not found',
    notFound: 'No signal {id} is available to you. Check the number, or type “my signals”.',
    usage: 'Give the signal’s number, for instance “signal BMI-2026-0004”.',
  },
};

const stateColors: Record<FraudState, string> = { submitted: 'Warning', confirmed: 'Good', 'not-confirmed': 'Default', 'to-complete': 'Attention' };

/** Today in the prefecture's zone. */
export function todayFor(app: AppServices, clock: Clock): LocalDate {
  return app.calendar.localDateOf(clock.now());
}

/** An instant as the viewer reads it (« 05/01/2027 10:12 »). */
export function formatInstant(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** Topic of the shared card asking the referents to qualify one round (creation, then each answer of the author). */
export function fraudQualifyTopic(signal: Pick<FraudSignal, 'id' | 'submittedAt'>): string {
  return `fraud-qualify|${signal.id}|${roundOf(signal)}`;
}

/** Topic of the card telling the author a referent's decision. */
export function fraudOutcomeTopic(signal: Pick<FraudSignal, 'id'>, decidedAt: string): string {
  return `fraud-outcome|${signal.id}|${Date.parse(decidedAt)}`;
}

/**
 * The answer to a number that does not exist AND to one the person may not see: the same words, so that nobody
 * learns that a signal exists by asking for it (issue 6).
 */
export function fraudNotFoundCard(id: string, locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.notFoundTitle, text: fill(t.notFound, { id: id.slice(0, 30) }), reference: '' }, locale);
}

/** How to call « signalement ». */
export function fraudSignalUsage(locale: Locale): string {
  return texts[locale].usage;
}

/**
 * Writes the read of a signal to the audit trail when the reader is not its author (issue 6: every read by
 * someone else is traced). `via` says how it was read: a command, a card button, a notification.
 */
export async function auditRead(app: AppServices, signal: FraudSignal, reader: Pick<Person, 'id'>, via: 'command' | 'card' | 'notification'): Promise<void> {
  if (!isAuditedRead(signal, reader)) return;
  await app.audit.append({ actorId: reader.id, action: 'fraud.read', entityType: 'fraud-signal', entityId: signal.id, after: { via } });
}

/** Options of a signal card: its frame, the round it was drawn for, and what to say about the last click. */
export interface FraudCardOptions {
  mode?: FraudCardMode;
  /** For 'qualify': the round the copy was sent for (an older one shows read-only). */
  round?: number;
  notice?: string;
  noticeColor?: string;
  answerValue?: string;
  answerError?: string;
  questionError?: string;
}

/**
 * The signal card for one viewer (who must be allowed to see it: callers check). A fraud referent gets the
 * qualification buttons while the round is open; the author gets the answer box while a question waits.
 */
export async function buildFraudSignalCard(viewer: FraudViewer, signal: FraudSignal, options: FraudCardOptions = {}): Promise<CardJson> {
  const { app, actor, locale } = viewer;
  const t = texts[locale];
  const mode = options.mode ?? 'view';
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await app.people.known(id))?.name ?? t.unknownPerson);
    return names.get(id) ?? t.unknownPerson;
  };
  const when = (iso: string) => formatInstant(iso, locale, app.timeZone);
  const round = options.round ?? roundOf(signal);
  const roundOver = round !== roundOf(signal);
  const canQualify = mode !== 'outcome' && mayQualify(actor) && signal.state === 'submitted' && !roundOver;
  const canAnswer = mode !== 'qualify' && actor.id === signal.authorId && signal.state === 'to-complete';

  const facts = [
    { title: t.facts.service, value: fraudServiceLabel(signal.service, locale) },
    { title: t.facts.titleType, value: titleTypeLabels[signal.titleType][locale] },
    { title: t.facts.nature, value: fraudNatureLabels[signal.nature][locale] },
    { title: t.facts.detectedOn, value: formatDay(signal.detectedOn, locale) },
    { title: t.facts.reference, value: signal.fileReference },
    { title: t.facts.article40, value: signal.article40.reported && signal.article40.on ? fill(t.yes, { date: formatDay(signal.article40.on, locale) }) : t.no },
    { title: t.facts.author, value: fill(t.byOn, { name: await nameOf(signal.authorId), when: when(signal.createdAt) }) },
  ];
  const exchanges = [];
  for (const exchange of signal.exchanges) {
    exchanges.push({
      question: fill(t.question, { name: await nameOf(exchange.askedBy), when: when(exchange.askedAt), text: exchange.question }),
      answer: exchange.answer && exchange.answeredAt ? fill(t.answer, { when: when(exchange.answeredAt), text: exchange.answer }) : t.waiting,
    });
  }
  const qualification = signal.qualification;
  let qualificationText = '';
  if (qualification && signal.state !== 'submitted') {
    const template = qualification.outcome === 'to-complete' ? t.asked : t.qualified;
    qualificationText = fill(template, { name: await nameOf(qualification.by), when: when(qualification.at), outcome: fraudStateLabels[qualification.outcome][locale].toLowerCase() });
  }
  const heading = mode === 'qualify' && (signal.state !== 'submitted' || roundOver) ? t.heading.view : t.heading[mode];
  return fraudSignalCard(
    {
      id: signal.id,
      round: String(round),
      questionRound: canAnswer ? String(questionRoundOf(signal)) : '',
      heading: fill(heading, { id: signal.id }),
      stateLabel: fraudStateLabels[signal.state][locale],
      stateColor: stateColors[signal.state],
      facts,
      description: signal.description,
      exchanges,
      qualificationText,
      qualificationColor: signal.state === 'confirmed' ? 'Good' : signal.state === 'to-complete' ? 'Attention' : 'Default',
      notice: options.notice ?? (mode === 'qualify' && roundOver && signal.state === 'submitted' ? t.roundOver : ''),
      noticeColor: options.noticeColor ?? 'Attention',
      canQualify,
      canAnswer,
      answerValue: options.answerValue ?? '',
      answerError: options.answerError ?? '',
      questionError: options.questionError ?? '',
    },
    locale,
  );
}
