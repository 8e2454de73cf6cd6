import type { Person } from '../directory/person';
import type { CheckAnswer, CheckAnswerKind, CheckItem } from './check-item';

/** What an owner sends from the check card. */
export interface CheckAnswerRequest {
  answer: CheckAnswerKind;
  problem?: string;
}

/** Outcome of checking an answer: the record to keep, or why not (French, shown on the card). */
export type CheckAnswerDecision =
  | { ok: true; answer: CheckAnswer }
  | { ok: false; field?: 'problem'; reason: string };

/**
 * May this person give this answer for this item and quarter (DOMAIN.md §1)? Only the owner answers; a "Problème"
 * needs its text; an answer after the quarter ended is accepted and flagged late.
 */
export function decideCheckAnswer(
  item: CheckItem,
  quarter: { id: string; start: string; end: string },
  actor: Pick<Person, 'id'>,
  request: CheckAnswerRequest,
  today: string,
  now: Date,
): CheckAnswerDecision {
  if (!item.active) return { ok: false, reason: 'Ce contrôle a été retiré : il n’attend plus de réponse.' };
  if (item.ownerId !== actor.id) return { ok: false, reason: 'Ce contrôle est confié à une autre personne : seule elle peut y répondre.' };
  if (today < quarter.start || quarter.end < item.createdAt.slice(0, 10)) {
    return { ok: false, reason: 'Ce trimestre n’est pas dû pour ce contrôle.' };
  }
  const problem = request.problem?.trim();
  if (request.answer === 'problem' && !problem) return { ok: false, field: 'problem', reason: 'Décrivez le problème avant de l’envoyer.' };
  return {
    ok: true,
    answer: {
      itemId: item.id,
      quarter: quarter.id,
      answer: request.answer,
      updatedOn: request.answer === 'updated' ? today : undefined,
      problem: request.answer === 'problem' ? problem : undefined,
      answeredBy: actor.id,
      answeredAt: now.toISOString(),
      late: today > quarter.end,
    },
  };
}
