import { z } from 'zod';
import { fill, type CardJson } from '../../cards/render';
import { decideAnswer, decideQualification, maySeeSignal, qualifiersOf, type FraudDecision, type FraudRefusal } from '../../services/fraud/fraud-rules';
import { fraudStateLabels, parseFraudSignalId, qualificationOutcomes, type FraudSignal } from '../../services/fraud/fraud-signal';
import type { StoredFraudSignal } from '../../services/fraud/fraud-signals-repository';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildFraudSignalCard, formatInstant, fraudNotFoundCard, fraudOutcomeTopic, fraudQualifyTopic, type FraudCardOptions } from './fraud-view';

const texts = {
  fr: {
    notReferent: 'Seul un référent fraude qualifie un signalement.',
    notAuthor: 'Seul l’auteur du signalement répond aux questions du référent.',
    already: 'Déjà qualifié par {name} le {when} : {outcome}.',
    stale: 'Cette carte n’est plus à jour : le signalement a changé depuis. Voici son état actuel.',
    notToComplete: 'Ce signalement n’attend pas de réponse de votre part.',
    qualified: 'Qualification enregistrée : {outcome}. {author} en est informé(e).',
    qualifiedOwn: 'Qualification enregistrée : {outcome}.',
    answered: 'Réponse envoyée. Le signalement revient au référent fraude : {names}.',
    answeredNoReferent: 'Réponse enregistrée, mais aucun référent fraude n’est dans l’annuaire.',
    unknownPerson: 'personne inconnue',
  },
  en: {
    notReferent: 'Only a fraud referent qualifies a signal.',
    notAuthor: 'Only the signal’s author answers the referent’s questions.',
    already: 'Already qualified by {name} on {when}: {outcome}.',
    stale: 'This card is out of date: the signal changed since. Here is where it stands.',
    notToComplete: 'This signal is not waiting for an answer from you.',
    qualified: 'Qualification saved: {outcome}. {author} is told.',
    qualifiedOwn: 'Qualification saved: {outcome}.',
    answered: 'Answer sent. The signal goes back to the fraud referent: {names}.',
    answeredNoReferent: 'Answer saved, but no fraud referent is in the directory.',
    unknownPerson: 'unknown person',
  },
};

/** What to show for a refusal: a line on the card, or the error next to the text box. */
async function refusalOptions(context: HandlerContext, refusal: Exclude<FraudRefusal, { kind: 'not-found' }>): Promise<FraudCardOptions> {
  const { app, locale } = context;
  const t = texts[locale];
  switch (refusal.kind) {
    case 'not-referent':
      return { notice: t.notReferent };
    case 'not-author':
      return { notice: t.notAuthor };
    case 'stale':
      return { notice: t.stale };
    case 'not-to-complete':
      return { notice: t.notToComplete };
    case 'invalid':
      return refusal.field === 'question' ? { questionError: refusal.message } : { answerError: refusal.message };
    case 'already-qualified': {
      const qualification = refusal.signal.qualification;
      if (!qualification) return { notice: t.stale };
      const name = (await app.people.get(qualification.by))?.name ?? t.unknownPerson;
      const outcome = fraudStateLabels[qualification.outcome][locale].toLowerCase();
      return { notice: fill(t.already, { name, when: formatInstant(qualification.at, locale, app.timeZone), outcome }) };
    }
  }
}

/**
 * Runs a change decided by the domain under the signal's ETag. Someone who may not see the signal gets the
 * not-found answer; a lost race (two referents at once) is decided again on the fresh signal, which answers with
 * the winner's qualification. Nothing is written on a refusal.
 */
async function applyDecision(
  context: HandlerContext,
  typedId: string,
  decide: (signal: FraudSignal) => FraudDecision,
  options: { mode: 'qualify' | 'view'; round?: number; answerValue?: string },
  hooks: {
    /** Lists the shared cards the change sets going, and marks stale those it changes, before it is written (see SharedCardCopies). */
    prepare: (next: FraudSignal, current: StoredFraudSignal) => Promise<void>;
    /** Audits and publishes once it is written; returns the line telling the clicker what happened. */
    after: (before: StoredFraudSignal, stored: StoredFraudSignal) => Promise<string>;
  },
): Promise<CardJson> {
  const { app, actor, locale } = context;
  const id = parseFraudSignalId(typedId);
  const current = id ? await app.fraudSignals.get(id) : undefined;
  if (!current || !maySeeSignal(current, actor)) return fraudNotFoundCard(id ?? typedId, locale);
  const frame = { mode: options.mode, round: options.round };
  const refuse = async (signal: FraudSignal, refusal: FraudRefusal) =>
    refusal.kind === 'not-found'
      ? fraudNotFoundCard(signal.id, locale)
      : buildFraudSignalCard(context, signal, { ...frame, answerValue: refusal.kind === 'invalid' ? options.answerValue : undefined, ...(await refusalOptions(context, refusal)) });
  const decision = decide(current);
  if (!decision.ok) return refuse(current, decision.refusal);
  // Copies listed (and the older ones marked stale) before the write: a crash between the two leaves cards the next
  // sweep sends or redraws; a round that was never written is dropped by the renderer, a redraw shows what is stored.
  await hooks.prepare(decision.next, current);
  let stored: StoredFraudSignal;
  try {
    stored = await app.fraudSignals.update(current, decision.next);
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    const latest = (await app.fraudSignals.get(current.id)) ?? current;
    const again = decide(latest);
    return again.ok ? buildFraudSignalCard(context, latest, { ...frame, notice: texts[locale].stale }) : refuse(latest, again.refusal);
  }
  const notice = await hooks.after(current, stored);
  return buildFraudSignalCard(context, stored, { ...frame, notice, noticeColor: 'Good' });
}

const qualifySchema = z.object({
  id: z.string().max(40),
  round: z.coerce.number(),
  outcome: z.enum(qualificationOutcomes),
  question: z.string().max(10_000).optional(),
});

/**
 * « Confirmer », « Non confirmée », « À compléter » on a signal (fraud referents): the signal is qualified under
 * its ETag and audited, every referent's copy is redrawn with the outcome, and the author gets a card with it
 * (with the question, and a box to answer, for « à compléter »).
 */
export const fraudQualifyVerb = defineVerb({
  schema: qualifySchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const now = clock.now();
    return applyDecision(
      context,
      data.id,
      (signal) => decideQualification(signal, actor, data, now, locale),
      { mode: 'qualify', round: data.round },
      {
        prepare: async (next, current) => {
          await app.sharedCards.markStale(fraudQualifyTopic(current), now.toISOString());
          if (next.authorId === actor.id || !next.qualification) return;
          await app.sharedCards.addRecipients(fraudOutcomeTopic(next, next.qualification.at), [next.authorId], now.toISOString());
        },
        after: async (before, stored) => {
          const nowIso = now.toISOString();
          await app.audit.append({
            actorId: actor.id,
            action: 'fraud.qualify',
            entityType: 'fraud-signal',
            entityId: stored.id,
            before: { state: before.state },
            after: { state: stored.state, qualification: stored.qualification },
          });
          const round = fraudQualifyTopic(before);
          // Stale again: a copy redrawn between `prepare` and the write still shows the signal before it.
          await app.sharedCards.markStale(round, nowIso);
          context.publishSharedCard(round);
          const outcome = fraudStateLabels[stored.state][locale].toLowerCase();
          if (stored.authorId === actor.id || !stored.qualification) return fill(texts[locale].qualifiedOwn, { outcome });
          context.publishSharedCard(fraudOutcomeTopic(stored, stored.qualification.at));
          return fill(texts[locale].qualified, { outcome, author: (await app.people.get(stored.authorId))?.name ?? texts[locale].unknownPerson });
        },
      },
    );
  },
});

/**
 * « Répondre » (the author, on a signal « à compléter »): the answer is checked for personal data, stored under the
 * ETag and audited; the signal goes back to the referents as a new round with fresh cards.
 */
export const fraudAnswerVerb = defineVerb({
  schema: z.object({ id: z.string().max(40), round: z.coerce.number(), answer: z.string().max(10_000).optional() }),
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const now = clock.now();
    return applyDecision(
      context,
      data.id,
      (signal) => decideAnswer(signal, actor, { answer: data.answer, round: data.round }, now, locale),
      { mode: 'view', answerValue: data.answer?.slice(0, 1000) },
      {
        prepare: async (next, current) => {
          for (const topic of staleTopics(current)) await app.sharedCards.markStale(topic, now.toISOString());
          const referents = qualifiersOf(next, await app.people.list());
          if (referents.length > 0) await app.sharedCards.addRecipients(fraudQualifyTopic(next), referents.map((person) => person.id), now.toISOString());
        },
        after: async (before, stored) => answered(context, before, stored),
      },
    );
  },
});

/** The cards an answer makes out of date: the referents' round and the author's card with the question. */
function staleTopics(before: FraudSignal): string[] {
  return [fraudQualifyTopic(before), ...(before.qualification ? [fraudOutcomeTopic(before, before.qualification.at)] : [])];
}

/** After an answer: audit, redraw the author's and referents' earlier cards, send the new round to the referents. */
async function answered(context: HandlerContext, before: StoredFraudSignal, stored: StoredFraudSignal): Promise<string> {
  const { app, actor, clock, locale } = context;
  const t = texts[locale];
  const nowIso = clock.now().toISOString();
  await app.audit.append({ actorId: actor.id, action: 'fraud.answer', entityType: 'fraud-signal', entityId: stored.id, before: { state: before.state }, after: { state: stored.state, exchanges: stored.exchanges } });
  // Stale again, as after a qualification: a copy redrawn since `prepare` may show the signal before the answer.
  for (const topic of staleTopics(before)) {
    await app.sharedCards.markStale(topic, nowIso);
    context.publishSharedCard(topic);
  }
  const referents = qualifiersOf(stored, await app.people.list());
  if (referents.length === 0) return t.answeredNoReferent;
  context.publishSharedCard(fraudQualifyTopic(stored));
  return fill(t.answered, { names: referents.map((person) => person.name).join(', ') });
}
