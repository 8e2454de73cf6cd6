import { z } from 'zod';
import { noticeCard } from '../../cards/notice';
import { fill } from '../../cards/render';
import { actionOfCheck, mayTurnCheckIntoAction } from '../../services/action-plan/action-intake';
import { proposalFromCheckProblem } from '../../services/action-plan/action-proposal';
import { parseQuarterId, quarterById } from '../../services/reminders/quarter';
import { defineVerb } from '../verb-definition';
import { storeNewAction } from './action-create';
import { buildActionCard } from './action-view';
import { buildCheckCard } from './checks';

const texts = {
  fr: {
    exists: 'Une action existe déjà pour ce contrôle : {id}.',
    inProgress: 'Une action est en cours de création pour ce contrôle : rouvrez-le dans un instant.',
    notAllowed: 'Seuls le responsable du contrôle, un encadrant de son service ou le responsable qualité peuvent en faire une action.',
    notProblem: 'Seule une réponse « Problème » peut devenir une action.',
    unknownItem: 'Contrôle introuvable',
    unknownItemText: 'Ce contrôle n’existe plus.',
  },
  en: {
    exists: 'An action already exists for this check: {id}.',
    inProgress: 'An action is being created for this check: open it again in a moment.',
    notAllowed: 'Only the check’s owner, a manager of its service or the quality officer may turn it into an action.',
    notProblem: 'Only a “Problem” answer can become an action.',
    unknownItem: 'Check not found',
    unknownItemText: 'This check no longer exists.',
  },
};

const checkRef = z.object({
  itemId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  quarter: z.string().transform((text, ctx) => parseQuarterId(text) ?? (ctx.addIssue({ code: 'custom', message: 'trimestre' }), z.NEVER)),
});

/**
 * « Créer une action » under a "Problème" answer (issue 5): one click makes the proposal the domain builds from
 * the answer (owner, service and commitment of the check), sent to the quality officers like any proposal. One
 * action per answer: a second click opens the one made by the first.
 */
export const actionFromCheckVerb = defineVerb({
  schema: checkRef,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const check = await app.checkItems.get(data.itemId);
    if (!check) return noticeCard({ style: 'warning', title: t.unknownItem, text: t.unknownItemText, reference: '' }, locale);
    const quarter = quarterById(data.quarter);
    const existing = await app.actions.list();
    const already = actionOfCheck(existing, check.id, quarter.id);
    if (already) return buildActionCard(context, already, { notice: fill(t.exists, { id: already.id }), noticeColor: 'Warning' });
    if (!mayTurnCheckIntoAction(actor, check)) return buildCheckCard(context, check, quarter, t.notAllowed);
    const answer = await app.checkAnswers.get(quarter.id, check.id);
    if (!answer) return buildCheckCard(context, check, quarter, t.notProblem);
    const now = clock.now();
    const [people, services] = await Promise.all([app.people.list(), app.services.list()]);
    const result = proposalFromCheckProblem(answer, check, {
      proposer: actor,
      people,
      serviceCodes: services.map((service) => service.code),
      existing,
      today: app.calendar.localDateOf(now),
      now,
    });
    if (!result.ok) return buildCheckCard(context, check, quarter, result.errors.map((error) => error.message).join(' '));
    // Two clicks at the same moment (two people, or one double click) must make one action.
    const origin = `check|${check.id}|${quarter.id}`;
    const claim = await app.actions.claimOrigin(origin, now);
    if (!claim.claimed) {
      const made = claim.actionId ? await app.actions.get(claim.actionId) : undefined;
      if (made) return buildActionCard(context, made, { notice: fill(t.exists, { id: made.id }), noticeColor: 'Warning' });
      return buildCheckCard(context, check, quarter, t.inProgress);
    }
    try {
      return await storeNewAction(context, result.item, (id) => app.actions.settleOrigin(origin, id));
    } catch (error) {
      await app.actions.releaseOrigin(origin).catch(() => undefined);
      throw error;
    }
  },
});
