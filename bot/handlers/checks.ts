import { z } from 'zod';
import { checkCard } from '../../cards/check';
import { checksStatusCard } from '../../cards/checks-status';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { actionStateLabels } from '../../services/action-plan/action-item';
import { actionOfCheck, mayTurnCheckIntoAction } from '../../services/action-plan/action-intake';
import { checkAnswers, checkLocationLabels, type CheckAnswer, type CheckItem } from '../../services/checks/check-item';
import { decideCheckAnswer } from '../../services/checks/check-rules';
import { parseQuarterId, quarterById, quarterOf, type Quarter } from '../../services/reminders/quarter';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

const texts = {
  fr: {
    answers: { verified: 'Vérifié, à jour', updated: 'Mis à jour le {date}', problem: 'Problème signalé : {problem}' },
    by: '{answer} — {name}, le {when}',
    waiting: 'En attente de la réponse de {name}.',
    already: 'Déjà répondu par {name} le {when} : rien n’a été modifié.',
    unknownItem: 'Contrôle introuvable',
    unknownItemText: 'Ce contrôle n’existe plus.',
    badQuarter: 'Trimestre non reconnu : écrivez par exemple « contrôles T1 2027 » ou « contrôles 2027-T1 ».',
    scopeOwn: 'Vos contrôles',
    scopeService: 'Service {service}',
    scopeAll: 'Tous les services',
    summary: '{done} fait(s), {todo} à faire, {late} en retard',
    done: 'Fait le {date}',
    todo: 'À faire',
    late: 'En retard',
    unknownPerson: 'personne inconnue',
    actionOpen: 'Action {id} ouverte ({state}).',
  },
  en: {
    answers: { verified: 'Verified, up to date', updated: 'Updated on {date}', problem: 'Problem reported: {problem}' },
    by: '{answer} — {name}, on {when}',
    waiting: 'Waiting for {name} to answer.',
    already: 'Already answered by {name} on {when}: nothing was changed.',
    unknownItem: 'Check not found',
    unknownItemText: 'This check no longer exists.',
    badQuarter: 'Quarter not recognised: type for instance “contrôles 2027-Q1”.',
    scopeOwn: 'Your checks',
    scopeService: 'Service {service}',
    scopeAll: 'All services',
    summary: '{done} done, {todo} to do, {late} late',
    done: 'Done on {date}',
    todo: 'To do',
    late: 'Late',
    unknownPerson: 'unknown person',
    actionOpen: 'Action {id} opened ({state}).',
  },
};

const quarterLabel = (quarter: Quarter, locale: Locale) => (locale === 'fr' ? `T${quarter.id.slice(-1)} ${quarter.id.slice(0, 4)}` : quarter.id);

async function nameOf(context: HandlerContext, id: string): Promise<string> {
  return (await context.app.people.get(id))?.name ?? texts[context.locale].unknownPerson;
}

function describeAnswer(answer: CheckAnswer, locale: Locale, timeZone: string): string {
  const t = texts[locale];
  const day = (iso: string) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, dateStyle: 'short' }).format(new Date(iso));
  if (answer.answer === 'updated') return fill(t.answers.updated, { date: day(`${answer.updatedOn ?? answer.answeredAt.slice(0, 10)}T12:00:00Z`) });
  if (answer.answer === 'problem') return fill(t.answers.problem, { problem: answer.problem ?? '' });
  return t.answers.verified;
}

/**
 * The check card of one item and quarter, as the viewer may see it. Under a "Problème" answer: the action made of
 * it with « Ouvrir », or « Créer une action » for its owner, a manager of its service and the quality officer.
 */
export async function buildCheckCard(context: HandlerContext, item: CheckItem, quarter: Quarter, error = ''): Promise<CardJson> {
  const { app, locale, actor } = context;
  const t = texts[locale];
  const answer = await app.checkAnswers.get(quarter.id, item.id);
  const ownerName = await nameOf(context, item.ownerId);
  const linked = answer?.answer === 'problem' ? actionOfCheck(await app.actions.list(), item.id, quarter.id) : undefined;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: app.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  return checkCard(
    {
      itemId: item.id,
      quarter: quarter.id,
      quarterLabel: quarterLabel(quarter, locale),
      label: item.label,
      locationText: [checkLocationLabels[item.location][locale], item.url].filter(Boolean).join(' — '),
      commitment: item.commitment,
      ownerName,
      answered: Boolean(answer),
      answerText: answer
        ? fill(t.by, { answer: describeAnswer(answer, locale, app.timeZone), name: await nameOf(context, answer.answeredBy), when: when(answer.answeredAt) })
        : '',
      late: answer?.late ?? false,
      canAnswer: item.ownerId === actor.id && item.active,
      waitingText: fill(t.waiting, { name: ownerName }),
      error,
      actionId: linked?.id ?? '',
      actionText: linked ? fill(t.actionOpen, { id: linked.id, state: actionStateLabels[linked.state][locale].toLowerCase() }) : '',
      canCreateAction: answer?.answer === 'problem' && !linked && mayTurnCheckIntoAction(actor, item),
    },
    locale,
  );
}

const checkRef = z.object({
  itemId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  quarter: z.string().transform((text, ctx) => parseQuarterId(text) ?? (ctx.addIssue({ code: 'custom', message: 'trimestre' }), z.NEVER)),
});

/** "Répondre" / "Voir" on a reminder: the check card. */
export const checkOpenVerb = defineVerb({
  schema: checkRef,
  audience: 'everyone',
  handle: async (context, data) => {
    const item = await context.app.checkItems.get(data.itemId);
    const t = texts[context.locale];
    if (!item) return noticeCard({ style: 'warning', title: t.unknownItem, text: t.unknownItemText, reference: '' }, context.locale);
    return buildCheckCard(context, item, quarterById(data.quarter));
  },
});

/** The owner's answer: recorded once (a second answer shows the first), kept as audit evidence. */
export const checkAnswerVerb = defineVerb({
  schema: checkRef.extend({ answer: z.enum(checkAnswers), problem: z.string().max(1000).optional() }),
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const item = await app.checkItems.get(data.itemId);
    if (!item) return noticeCard({ style: 'warning', title: t.unknownItem, text: t.unknownItemText, reference: '' }, locale);
    const quarter = quarterById(data.quarter);
    const existing = await app.checkAnswers.get(quarter.id, item.id);
    if (existing) return buildCheckCard(context, item, quarter);
    const now = clock.now();
    const today = app.calendar.localDateOf(now);
    const decision = decideCheckAnswer(item, quarter, actor, { answer: data.answer, problem: data.problem }, today, now);
    if (!decision.ok) return buildCheckCard(context, item, quarter, decision.reason);
    const outcome = await app.checkAnswers.record(decision.answer);
    if (!outcome.recorded) {
      const who = await nameOf(context, outcome.existing.answeredBy);
      const when = new Intl.DateTimeFormat('fr-FR', { timeZone: app.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(outcome.existing.answeredAt));
      return buildCheckCard(context, item, quarter, fill(t.already, { name: who, when }));
    }
    await app.audit.append({ actorId: actor.id, action: 'check.answer', entityType: 'check', entityId: `${item.id}|${quarter.id}`, after: decision.answer });
    return buildCheckCard(context, item, quarter);
  },
});

/** "contrôles [T1 2027]": the quarter's checks, done / to do / late, per service, as far as the viewer may see. */
export async function showChecks(context: CommandContext): Promise<void> {
  const { app, actor, locale, clock, argument } = context;
  const t = texts[locale];
  const today = app.calendar.localDateOf(clock.now());
  const typed = argument.trim().replace(/^(T|Q)(\d)\s+(\d{4})$/i, '$3-T$2');
  const quarterId = typed === '' ? quarterOf(today).id : parseQuarterId(typed);
  if (!quarterId) return context.reply(t.badQuarter);
  const quarter = quarterById(quarterId);
  const seesAll = actor.roles.includes('rq') || actor.roles.includes('admin');
  const isManager = actor.roles.includes('manager') && actor.service;
  const items = (await app.checkItems.list()).filter(
    (item) =>
      item.active &&
      item.createdAt.slice(0, 10) <= quarter.end && // not owed for quarters before it existed
      (seesAll || item.ownerId === actor.id || (isManager && item.service === actor.service)),
  );
  const answers = new Map((await app.checkAnswers.listQuarter(quarter.id)).map((a) => [a.itemId, a]));
  const day = (iso: string) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: app.timeZone, dateStyle: 'short' }).format(new Date(iso));
  const counts = { done: 0, todo: 0, late: 0 };
  const byService = new Map<string, { label: string; state: string; color: string }[]>();
  for (const item of items) {
    const answer = answers.get(item.id);
    const state = answer ? 'done' : today > quarter.end ? 'late' : 'todo';
    counts[state] += 1;
    const line = {
      label: item.label,
      state: answer ? fill(t.done, { date: day(answer.answeredAt) }) : state === 'late' ? t.late : t.todo,
      color: answer ? 'Good' : state === 'late' ? 'Warning' : 'Default',
    };
    byService.set(item.service, [...(byService.get(item.service) ?? []), line]);
  }
  const scopeText = seesAll ? t.scopeAll : isManager ? fill(t.scopeService, { service: actor.service ?? '' }) : t.scopeOwn;
  await context.reply(
    checksStatusCard(
      {
        quarterLabel: quarterLabel(quarter, locale),
        scopeText,
        summary: fill(t.summary, counts),
        services: [...byService].map(([service, lines]) => ({
          service,
          counts: `${lines.filter((l) => l.color === 'Good').length} / ${lines.length}`,
          items: lines,
        })),
      },
      locale,
    ),
  );
}
