import { z } from 'zod';
import { checkItemsCard, type CheckItemsCardData } from '../../cards/check-items';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { checkLocationLabels } from '../../services/checks/check-item';
import type { CheckItemActiveOutcome } from '../../services/checks/check-items-admin';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';

/** Most items listed on one card (about 700 bytes each: the card stays well under 40 KB). */
export const maxItemsListed = 30;

const texts = {
  fr: {
    summary: '{active} élément(s) actif(s), {retired} retiré(s)',
    summaryService: 'Service {service} : {active} élément(s) actif(s), {retired} retiré(s)',
    more: '… et {n} autre(s) : tapez « gérer les contrôles {example} » pour n’en voir qu’un service.',
    unknownService: 'Service « {service} » inconnu : tapez « services » pour la liste des codes.',
    unknownPerson: 'responsable inconnu',
    retired: 'Élément retiré : {label}. Il n’est plus rappelé ni compté dans « contrôles ».',
    restored: 'Élément réactivé : {label}. Il est de nouveau contrôlé chaque trimestre.',
    alreadyRetired: 'Cet élément était déjà retiré : rien n’a changé.',
    alreadyActive: 'Cet élément était déjà actif : rien n’a changé.',
    changed: 'Cet élément a été modifié entre-temps : voici la liste à jour, recommencez.',
    notFound: 'Cet élément n’existe plus : voici la liste à jour.',
    refusedTitle: 'Action refusée',
  },
  en: {
    summary: '{active} active item(s), {retired} retired',
    summaryService: 'Service {service}: {active} active item(s), {retired} retired',
    more: '… and {n} more: type “manage checks {example}” to see one service only.',
    unknownService: 'Unknown service “{service}”: type “services” for the list of codes.',
    unknownPerson: 'unknown owner',
    retired: 'Item retired: {label}. It is no longer reminded nor counted in “checks”.',
    restored: 'Item restored: {label}. It is checked every quarter again.',
    alreadyRetired: 'This item was already retired: nothing changed.',
    alreadyActive: 'This item was already active: nothing changed.',
    changed: 'This item was changed meanwhile: here is the current list, try again.',
    notFound: 'This item no longer exists: here is the current list.',
    refusedTitle: 'Action refused',
  },
};

/** What to say above the list, and in which colour. */
export type ListNotice = Pick<CheckItemsCardData, 'notice' | 'noticeColor'>;
const noNotice: ListNotice = { notice: '', noticeColor: 'Default' };

/** The list of check items per service (optionally one service), with a notice about the last action. */
export async function buildCheckItemsCard(context: HandlerContext, notice: ListNotice = noNotice, serviceCode = ''): Promise<CardJson> {
  const { app, locale } = context;
  const t = texts[locale];
  const [allItems, people, services] = await Promise.all([app.checkItems.list(), app.people.list(), app.services.list()]);
  const items = serviceCode ? allItems.filter((item) => item.service === serviceCode) : allItems;
  const names = new Map(people.map((p) => [p.id, p.name]));
  const serviceNames = new Map(services.map((s) => [s.code, s.name]));
  const byService = new Map<string, CheckItemsCardData['services'][number]['items']>();
  for (const item of items.slice(0, maxItemsListed)) {
    const details = [checkLocationLabels[item.location][locale], names.get(item.ownerId) ?? t.unknownPerson, item.commitment].join(' · ');
    const line = { id: item.id, etag: item.etag, label: item.label, details, active: item.active };
    byService.set(item.service, [...(byService.get(item.service) ?? []), line]);
  }
  const active = items.filter((item) => item.active).length;
  const counts = { active, retired: items.length - active, service: serviceCode };
  const hidden = items.slice(maxItemsListed);
  return checkItemsCard(
    {
      summary: fill(serviceCode ? t.summaryService : t.summary, counts),
      ...notice,
      services: [...byService].map(([code, lines]) => ({ service: [code, serviceNames.get(code)].filter(Boolean).join(' — '), items: lines })),
      more: hidden.length > 0 ? fill(t.more, { n: hidden.length, example: hidden[0]?.service ?? '' }) : '',
    },
    locale,
  );
}

/** « gérer les contrôles [BMI] »: the check items, to create, edit, retire, restore or import them. */
export async function manageChecksCommand(context: CommandContext): Promise<void> {
  const { app, argument, locale } = context;
  const serviceCode = argument.trim().toUpperCase();
  if (serviceCode !== '' && !(await app.services.get(serviceCode))) {
    return context.reply(fill(texts[locale].unknownService, { service: serviceCode.slice(0, 20) }));
  }
  await context.reply(await buildCheckItemsCard(context, noNotice, serviceCode));
}

function activeOutcomeCard(context: HandlerContext, outcome: CheckItemActiveOutcome, active: boolean): Promise<CardJson> | CardJson {
  const t = texts[context.locale];
  switch (outcome.kind) {
    case 'saved':
      return buildCheckItemsCard(context, { notice: fill(active ? t.restored : t.retired, outcome.item), noticeColor: 'Good' });
    case 'unchanged':
      return buildCheckItemsCard(context, { notice: active ? t.alreadyActive : t.alreadyRetired, noticeColor: 'Warning' });
    case 'changedMeanwhile':
      return buildCheckItemsCard(context, { notice: t.changed, noticeColor: 'Warning' });
    case 'notFound':
      return buildCheckItemsCard(context, { notice: t.notFound, noticeColor: 'Warning' });
    case 'refused':
      return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, context.locale);
  }
}

const itemRef = z.object({ itemId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/), etag: z.string().min(1).max(200) });

/** « Retirer » on the list: the item is no longer checked (kept, with its answers, as audit evidence). */
export const checkItemRetireVerb = defineVerb({
  schema: itemRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) => activeOutcomeCard(context, await context.app.checkItemsAdmin.setActive(context.actor, data.itemId, data.etag, false), false),
});

/** « Réactiver » on the list: a retired item is checked again. */
export const checkItemRestoreVerb = defineVerb({
  schema: itemRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) => activeOutcomeCard(context, await context.app.checkItemsAdmin.setActive(context.actor, data.itemId, data.etag, true), true),
});
