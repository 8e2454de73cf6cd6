import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { trainingTypesCard, type TrainingTypesCardData } from '../../cards/training-types';
import { roleLabels } from '../../services/directory/roles';
import { trainingTypeIdSchema, type TrainingType } from '../../services/training/training-type';
import type { TrainingTypeActiveOutcome } from '../../services/training/training-types-admin';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { typeLabel } from './training-views';

/** Most types listed on one card (about 800 bytes each): a catalogue has a handful, the card stays small. */
export const maxTypesListed = 40;

const texts = {
  fr: {
    summary: '{active} type(s) actif(s), {retired} retiré(s)',
    details: 'Engagement {commitment} · valable {validity}',
    everyone: 'Tous les agents',
    roles: 'Rôles : {list}',
    services: 'Services : {list}',
    years: ['{n} an', '{n} ans'],
    months: ['{n} mois', '{n} mois'],
    yearsAndMonths: '{years} et {months}',
    more: '… et {n} autre(s).',
    retired: 'Type retiré : {label}. Il n’est plus exigé ni proposé à la déclaration ; les formations déclarées restent.',
    restored: 'Type réactivé : {label}. Il est de nouveau exigé et rappelé.',
    alreadyRetired: 'Ce type était déjà retiré : rien n’a changé.',
    alreadyActive: 'Ce type était déjà actif : rien n’a changé.',
    changed: 'Ce type a été modifié entre-temps : voici la liste à jour, recommencez.',
    notFound: 'Ce type de formation n’existe plus : voici la liste à jour.',
    refusedTitle: 'Action refusée',
  },
  en: {
    summary: '{active} active type(s), {retired} retired',
    details: 'Commitment {commitment} · valid for {validity}',
    everyone: 'Everyone',
    roles: 'Roles: {list}',
    services: 'Services: {list}',
    years: ['{n} year', '{n} years'],
    months: ['{n} month', '{n} months'],
    yearsAndMonths: '{years} and {months}',
    more: '… and {n} more.',
    retired: 'Type retired: {label}. It is no longer required nor offered for declaration; declared trainings stay.',
    restored: 'Type restored: {label}. It is required and reminded again.',
    alreadyRetired: 'This type was already retired: nothing changed.',
    alreadyActive: 'This type was already active: nothing changed.',
    changed: 'This type was changed meanwhile: here is the current list, try again.',
    notFound: 'This training type no longer exists: here is the current list.',
    refusedTitle: 'Action refused',
  },
};

/** A validity as people say it: "4 ans", "18 mois", "1 an et 6 mois". */
export function validityText(months: number, locale: Locale): string {
  const t = texts[locale];
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearsText = fill(t.years[years === 1 ? 0 : 1] ?? '', { n: years });
  const monthsText = fill(t.months[rest === 1 ? 0 : 1] ?? '', { n: rest });
  if (years === 0) return monthsText;
  return rest === 0 ? yearsText : fill(t.yearsAndMonths, { years: yearsText, months: monthsText });
}

/** Who must hold a type: "Tous les agents", "Rôles : Responsable qualité", "Rôles : … · Services : BMI, CERT". */
export function audienceText(type: Pick<TrainingType, 'requiredFor'>, locale: Locale): string {
  const t = texts[locale];
  const roles = type.requiredFor.roles ?? [];
  const services = type.requiredFor.services ?? [];
  if (roles.length === 0 && services.length === 0) return t.everyone;
  return [
    ...(roles.length > 0 ? [fill(t.roles, { list: roles.map((role) => roleLabels[role][locale]).join(', ') })] : []),
    ...(services.length > 0 ? [fill(t.services, { list: services.join(', ') })] : []),
  ].join(' · ');
}

/** What to say above the list, and in which colour. */
export type TypesNotice = Pick<TrainingTypesCardData, 'notice' | 'noticeColor'>;
const noNotice: TypesNotice = { notice: '', noticeColor: 'Default' };

/** The catalogue of training types, active and retired, with a notice about the last action. */
export async function buildTrainingTypesCard(context: HandlerContext, notice: TypesNotice = noNotice): Promise<CardJson> {
  const { app, locale } = context;
  const t = texts[locale];
  const types = await app.trainingTypes.list();
  const active = types.filter((type) => type.active).length;
  return trainingTypesCard(
    {
      summary: fill(t.summary, { active, retired: types.length - active }),
      ...notice,
      types: types.slice(0, maxTypesListed).map((type) => ({
        id: type.id,
        etag: type.etag,
        label: type.label[locale],
        details: fill(t.details, { commitment: type.commitment, validity: validityText(type.validityMonths, locale) }),
        audience: audienceText(type, locale),
        active: type.active,
      })),
      more: types.length > maxTypesListed ? fill(t.more, { n: types.length - maxTypesListed }) : '',
    },
    locale,
  );
}

/** « types de formation »: the catalogue, to create, edit, retire or restore training types (issue 4). */
export async function manageTrainingTypesCommand(context: CommandContext): Promise<void> {
  await context.reply(await buildTrainingTypesCard(context));
}

function activeOutcomeCard(context: HandlerContext, outcome: TrainingTypeActiveOutcome, active: boolean): Promise<CardJson> | CardJson {
  const { locale } = context;
  const t = texts[locale];
  switch (outcome.kind) {
    case 'saved':
      return buildTrainingTypesCard(context, { notice: fill(active ? t.restored : t.retired, { label: typeLabel(outcome.type, locale) }), noticeColor: 'Good' });
    case 'unchanged':
      return buildTrainingTypesCard(context, { notice: active ? t.alreadyActive : t.alreadyRetired, noticeColor: 'Warning' });
    case 'changedMeanwhile':
      return buildTrainingTypesCard(context, { notice: t.changed, noticeColor: 'Warning' });
    case 'notFound':
      return buildTrainingTypesCard(context, { notice: t.notFound, noticeColor: 'Warning' });
    case 'refused':
      return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
  }
}

const typeRef = z.object({ typeId: trainingTypeIdSchema, etag: z.string().min(1).max(200) });

/** « Retirer » on the list: the type is no longer required nor declarable; it stays, and records keep pointing at it. */
export const trainingTypeRetireVerb = defineVerb({
  schema: typeRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) =>
    activeOutcomeCard(context, await context.app.trainingTypesAdmin.setActive(context.actor, data.typeId, data.etag, false), false),
});

/** « Réactiver » on the list: a retired type is required (and reminded) again. */
export const trainingTypeRestoreVerb = defineVerb({
  schema: typeRef,
  audience: ['rq', 'admin'],
  handle: async (context, data) =>
    activeOutcomeCard(context, await context.app.trainingTypesAdmin.setActive(context.actor, data.typeId, data.etag, true), true),
});
