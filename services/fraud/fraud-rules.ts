import type { Locale } from '../../cards/locale';
import type { Person } from '../directory/person';
import { personalDataRefusal } from '../privacy/personal-data-guard';
import { fraudTextLimits, roundOf, type FraudSignal, type QualificationOutcome } from './fraud-signal';

type Viewer = Pick<Person, 'id' | 'roles'>;

/**
 * Who may see a signal: its author, the fraud referents and the quality officer (DOMAIN "Fraud signals"; issue 6).
 * Nobody else, not even the manager of the service: anyone else is answered as if the signal did not exist.
 */
export function maySeeSignal(signal: Pick<FraudSignal, 'authorId'>, person: Viewer): boolean {
  return person.id === signal.authorId || person.roles.includes('fraud-referent') || person.roles.includes('rq');
}

/** True when opening the signal must be written to the audit trail: anyone but its author reads it. */
export function isAuditedRead(signal: Pick<FraudSignal, 'authorId'>, person: Pick<Person, 'id'>): boolean {
  return person.id !== signal.authorId;
}

/**
 * Who qualifies: the fraud referents only (DOMAIN: "the referent is notified and qualifies"). The quality officer
 * sees every signal and computes the indicators but does not qualify: one role decides, the other measures.
 */
export function mayQualify(person: Pick<Person, 'roles'>): boolean {
  return person.roles.includes('fraud-referent');
}

/** The people a new round is sent to: every fraud referent but the author (who knows it already). */
export function qualifiersOf<P extends Pick<Person, 'id' | 'roles'>>(signal: Pick<FraudSignal, 'authorId'>, people: readonly P[]): P[] {
  return people.filter((person) => mayQualify(person) && person.id !== signal.authorId);
}

/** Milliseconds of the referent's last question: what an answer card was drawn for (NaN when none). */
export function questionRoundOf(signal: Pick<FraudSignal, 'qualification'>): number {
  return Date.parse(signal.qualification?.at ?? '');
}

/** Why a change was refused: 'not-found' must be answered exactly as a number that does not exist. */
export type FraudRefusal =
  | { kind: 'not-found' }
  | { kind: 'not-referent' }
  | { kind: 'not-author' }
  | { kind: 'already-qualified'; signal: FraudSignal }
  | { kind: 'stale' }
  | { kind: 'not-to-complete' }
  | { kind: 'invalid'; field: 'question' | 'answer'; message: string };

/** Outcome of a change: the next state of the signal, or why not (nothing is written). */
export type FraudDecision = { ok: true; next: FraudSignal } | { ok: false; refusal: FraudRefusal };

const messages = {
  fr: {
    questionMissing: 'Posez la question à l’auteur : ce qui manque pour qualifier le signalement.',
    questionTooLong: `La question ne doit pas dépasser ${fraudTextLimits.question} caractères.`,
    answerMissing: 'Écrivez votre réponse à la question du référent.',
    answerTooLong: `La réponse ne doit pas dépasser ${fraudTextLimits.answer} caractères.`,
  },
  en: {
    questionMissing: 'Ask the author what is missing to qualify the signal.',
    questionTooLong: `The question must not exceed ${fraudTextLimits.question} characters.`,
    answerMissing: 'Write your answer to the referent’s question.',
    answerTooLong: `The answer must not exceed ${fraudTextLimits.answer} characters.`,
  },
};

function checkText(value: string | undefined, max: number, missing: string, tooLong: string, locale: Locale): { text: string } | { message: string } {
  const text = (value ?? '').trim();
  if (text === '') return { message: missing };
  if (text.length > max) return { message: tooLong };
  const personal = personalDataRefusal(text, locale);
  return personal ? { message: personal } : { text };
}

/**
 * A referent qualifies the round a card was drawn for (`round`, ms of its start): confirmed, not confirmed, or to
 * complete with a question to the author (checked for personal data). A signal already qualified, or a card of an
 * earlier round, is refused; someone who may not see the signal gets 'not-found'.
 */
export function decideQualification(
  signal: FraudSignal,
  actor: Viewer,
  input: { outcome: QualificationOutcome; round: number; question?: string },
  now: Date,
  locale: Locale = 'fr',
): FraudDecision {
  if (!maySeeSignal(signal, actor)) return { ok: false, refusal: { kind: 'not-found' } };
  if (!mayQualify(actor)) return { ok: false, refusal: { kind: 'not-referent' } };
  if (signal.state !== 'submitted') return { ok: false, refusal: { kind: 'already-qualified', signal } };
  if (roundOf(signal) !== input.round) return { ok: false, refusal: { kind: 'stale' } };
  const at = now.toISOString();
  if (input.outcome !== 'to-complete') {
    return { ok: true, next: { ...signal, state: input.outcome, qualification: { by: actor.id, at, outcome: input.outcome }, revision: signal.revision + 1 } };
  }
  const m = messages[locale];
  const question = checkText(input.question, fraudTextLimits.question, m.questionMissing, m.questionTooLong, locale);
  if ('message' in question) return { ok: false, refusal: { kind: 'invalid', field: 'question', message: question.message } };
  return {
    ok: true,
    next: {
      ...signal,
      state: 'to-complete',
      qualification: { by: actor.id, at, outcome: 'to-complete', question: question.text },
      exchanges: [...signal.exchanges, { question: question.text, askedBy: actor.id, askedAt: at }],
      revision: signal.revision + 1,
    },
  };
}

/**
 * The author answers the question a card showed (`round`, ms of the question; checked for personal data): the
 * signal goes back to « à qualifier » as a new round, so the referents get a fresh card.
 */
export function decideAnswer(
  signal: FraudSignal,
  actor: Viewer,
  input: { answer?: string; round: number },
  now: Date,
  locale: Locale = 'fr',
): FraudDecision {
  if (!maySeeSignal(signal, actor)) return { ok: false, refusal: { kind: 'not-found' } };
  if (actor.id !== signal.authorId) return { ok: false, refusal: { kind: 'not-author' } };
  if (signal.state !== 'to-complete') return { ok: false, refusal: { kind: 'not-to-complete' } };
  if (questionRoundOf(signal) !== input.round) return { ok: false, refusal: { kind: 'stale' } };
  const m = messages[locale];
  const checked = checkText(input.answer, fraudTextLimits.answer, m.answerMissing, m.answerTooLong, locale);
  if ('message' in checked) return { ok: false, refusal: { kind: 'invalid', field: 'answer', message: checked.message } };
  const at = now.toISOString();
  const exchanges = signal.exchanges.map((exchange, index) =>
    index === signal.exchanges.length - 1 && exchange.answer === undefined ? { ...exchange, answer: checked.text, answeredAt: at } : exchange,
  );
  return { ok: true, next: { ...signal, state: 'submitted', submittedAt: at, exchanges, revision: signal.revision + 1 } };
}
