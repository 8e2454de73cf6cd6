import { z } from 'zod';
import { actionHistoryCard } from '../../cards/action-history';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import type { ActionItem } from '../../services/action-plan/action-item';
import { actionIdSchema, parseActionId } from '../../services/action-plan/action-number';
import type { StoredAuditEntry } from '../../services/audit/audit-repository';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

/** Entries shown on the card; older ones are counted. */
const maxEntries = 30;

const labels: Record<Locale, Record<string, string>> = {
  fr: {
    'action.create': 'Création',
    'action.propose': 'Proposition',
    'action.import': 'Import',
    'action.accept': 'Inscrite au plan',
    'action.refuse-proposal': 'Proposition refusée',
    'action.start': 'Démarrée',
    'action.update-progress': 'Avancement noté',
    'action.edit': 'Modifiée',
    'action.mark-done': 'Déclarée réalisée',
    'action.approve': 'Clôture approuvée',
    'action.reject': 'Clôture refusée',
    'action.cancel': 'Annulée',
  },
  en: {
    'action.create': 'Created',
    'action.propose': 'Proposed',
    'action.import': 'Imported',
    'action.accept': 'Added to the plan',
    'action.refuse-proposal': 'Proposal declined',
    'action.start': 'Started',
    'action.update-progress': 'Progress noted',
    'action.edit': 'Edited',
    'action.mark-done': 'Marked done',
    'action.approve': 'Closure approved',
    'action.reject': 'Closure rejected',
    'action.cancel': 'Cancelled',
  },
};

const texts = {
  fr: {
    usage: 'Indiquez le numéro de l’action, par exemple « historique 2021-07 ».',
    notFound: 'Aucune action ne porte le numéro {id}.',
    notFoundTitle: 'Action introuvable',
    more: '… et {n} entrée(s) plus ancienne(s).',
    changed: { deadline: 'échéance', finding: 'constat', action: 'nature de l’action', references: 'références', ownerId: 'pilote', services: 'services' },
    changes: 'Modifié : {fields}',
    system: 'Qualibot',
    unknown: 'personne inconnue',
  },
  en: {
    usage: 'Give the action’s number, for instance “historique 2021-07”.',
    notFound: 'No action has number {id}.',
    notFoundTitle: 'Action not found',
    more: '… and {n} older entries.',
    changed: { deadline: 'deadline', finding: 'finding', action: 'nature of the action', references: 'references', ownerId: 'owner', services: 'services' },
    changes: 'Changed: {fields}',
    system: 'Qualibot',
    unknown: 'unknown person',
  },
};

/** The line under an entry: the text that came with the change (note, verification, reason) or what changed. */
function detailOf(entry: StoredAuditEntry, locale: Locale): string {
  const after = (entry.after ?? {}) as Partial<ActionItem>;
  const before = (entry.before ?? {}) as Partial<ActionItem>;
  switch (entry.action) {
    case 'action.update-progress':
      return after.progress ?? '';
    case 'action.mark-done':
      return [after.verification, after.effective === undefined ? '' : after.effective ? '✔' : '✘'].filter(Boolean).join(' ');
    case 'action.approve':
    case 'action.reject':
      return after.decision?.comment ?? '';
    case 'action.cancel':
      return after.cancelReason ?? '';
    case 'action.refuse-proposal':
      return after.refusalReason ?? '';
    case 'action.edit': {
      const changed = Object.entries(texts[locale].changed)
        .filter(([field]) => JSON.stringify(before[field as keyof ActionItem]) !== JSON.stringify(after[field as keyof ActionItem]))
        .map(([, label]) => label);
      return changed.length > 0 ? fill(texts[locale].changes, { fields: changed.join(', ') }) : '';
    }
    default:
      return '';
  }
}

async function historyCard(context: HandlerContext, id: string): Promise<CardJson> {
  const { app, locale } = context;
  const t = texts[locale];
  const item = await app.actions.get(id);
  if (!item) return noticeCard({ style: 'warning', title: t.notFoundTitle, text: fill(t.notFound, { id }), reference: '' }, locale);
  const history = await app.actions.history(id);
  const names = new Map<string, string>();
  const nameOf = async (personId: string) => {
    if (personId === 'system') return t.system;
    if (!names.has(personId)) names.set(personId, (await app.people.known(personId))?.name ?? t.unknown);
    return names.get(personId) ?? t.unknown;
  };
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: app.timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
  const entries = [];
  for (const entry of history.slice(0, maxEntries)) {
    entries.push({ what: labels[locale][entry.action] ?? entry.action, who: await nameOf(entry.actorId), when: when(entry.at), detail: detailOf(entry, locale) });
  }
  const more = history.length > maxEntries ? fill(t.more, { n: history.length - maxEntries }) : '';
  return actionHistoryCard({ id, finding: item.finding, entries, more }, locale);
}

/** "historique 2021-07": every change of one action, newest first. */
export async function showActionHistory(context: CommandContext): Promise<void> {
  const parsed = parseActionId(context.argument);
  if (!parsed) return context.reply(texts[context.locale].usage);
  await context.reply(await historyCard(context, parsed.id));
}

/** "Historique" on the action card. */
export const actionHistoryVerb = defineVerb({
  schema: z.object({ id: actionIdSchema }),
  audience: 'everyone',
  handle: (context, data) => historyCard(context, data.id),
});
