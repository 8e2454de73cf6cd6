import { z } from 'zod';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { trainingTypeFormCard } from '../../cards/training-type-form';
import { roleLabels, roles } from '../../services/directory/roles';
import { trainingTypeIdSchema } from '../../services/training/training-type';
import { draftOfTrainingType, type TrainingTypeDraft, type TrainingTypeFieldErrors } from '../../services/training/training-type-edit';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildTrainingTypesCard } from './training-types';
import { typeLabel } from './training-views';
import { refusedFormValues } from '../refused-form-values';

const texts = {
  fr: {
    changed: 'Ce type a été modifié par quelqu’un d’autre entre-temps : voici la version à jour, recommencez.',
    invalid: 'Certaines informations sont invalides : corrigez-les puis enregistrez.',
    notFound: 'Type introuvable',
    notFoundText: 'Ce type de formation n’existe plus.',
    refusedTitle: 'Action refusée',
    created: 'Type créé : {label} (identifiant {id}).',
    updated: 'Type enregistré : {label}. « mes formations », le suivi et les rappels en tiennent compte dès maintenant.',
  },
  en: {
    changed: 'Someone else changed this type meanwhile: here is the current version, try again.',
    invalid: 'Some information is invalid: fix it, then save.',
    notFound: 'Type not found',
    notFoundText: 'This training type no longer exists.',
    refusedTitle: 'Action refused',
    created: 'Type created: {label} (id {id}).',
    updated: 'Type saved: {label}. “my training”, the follow-up and the reminders use it from now on.',
  },
};

interface FormState {
  typeId: string;
  etag: string;
  draft: TrainingTypeDraft;
  errors?: TrainingTypeFieldErrors;
  formError?: string;
}

/** The form with the roles and services to choose from, the values as typed and any errors next to their fields. */
async function buildTypeForm(context: HandlerContext, state: FormState): Promise<CardJson> {
  const { app, locale } = context;
  const services = await app.services.list();
  const errors = state.errors ?? {};
  return trainingTypeFormCard(
    {
      typeId: state.typeId,
      etag: state.etag,
      ...state.draft,
      active: state.draft.active.trim().toLowerCase() === 'false' ? 'false' : 'true',
      roleChoices: roles.map((role) => ({ value: role, title: roleLabels[role][locale] })),
      serviceChoices: services.map((s) => ({ code: s.code, name: s.name })),
      formError: state.formError ?? '',
      labelFrError: errors.labelFr ?? '',
      labelEnError: errors.labelEn ?? '',
      commitmentError: errors.commitment ?? '',
      validityMonthsError: errors.validityMonths ?? '',
      rolesError: errors.roles ?? '',
      servicesError: errors.services ?? '',
      activeError: errors.active ?? '',
    },
    locale,
  );
}

const emptyDraft: TrainingTypeDraft = { labelFr: '', labelEn: '', commitment: '', validityMonths: '48', roles: '', services: '', active: 'true' };

/** « Nouveau type » (no typeId) or « Modifier » (typeId) on the list: the form. */
export const trainingTypeFormVerb = defineVerb({
  schema: z.object({ typeId: trainingTypeIdSchema.optional() }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    if (!data.typeId) return buildTypeForm(context, { typeId: '', etag: '', draft: emptyDraft });
    const type = await context.app.trainingTypes.get(data.typeId);
    const t = texts[context.locale];
    if (!type) return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, context.locale);
    return buildTypeForm(context, { typeId: type.id, etag: type.etag, draft: draftOfTrainingType(type) });
  },
});

const text = (max: number) => z.string().max(max).optional().default('');
// Multi-selects send "a,b"; some clients send arrays, and a number input a number.
const listText = z
  .union([z.string().max(2000), z.array(z.string().max(40)).max(200)])
  .optional()
  .transform((value) => (Array.isArray(value) ? value.join(',') : (value ?? '')));
const scalarText = (max: number) =>
  z
    .union([z.string().max(max), z.number(), z.boolean()])
    .optional()
    .transform((value) => (value === undefined ? '' : String(value)));

/** The form's inputs and its button's data (typeId, etag); field rules and their French messages are training-type-edit's. */
const trainingTypeSaveSchema = z.object({
  typeId: z.union([z.literal(''), trainingTypeIdSchema]).optional().default(''),
  etag: text(200),
  labelFr: text(1000),
  labelEn: text(1000),
  commitment: text(200),
  validityMonths: scalarText(40),
  roles: listText,
  services: listText,
  active: scalarText(10),
});

/** « Enregistrer » on the form: creates or edits the type, guarded by the ETag the form was built from; audited. */
export const trainingTypeSaveVerb = defineVerb({
  schema: trainingTypeSaveSchema,
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const { typeId, etag, ...draft } = data;
    const outcome = await app.trainingTypesAdmin.save(actor, { typeId: typeId || undefined, etag, draft });
    switch (outcome.kind) {
      case 'saved': {
        const label = typeLabel(outcome.type, locale);
        return buildTrainingTypesCard(context, { notice: fill(outcome.created ? t.created : t.updated, { label, id: outcome.type.id }), noticeColor: 'Good' });
      }
      case 'invalid':
        return buildTypeForm(context, { typeId, etag, draft, errors: outcome.errors, formError: outcome.formError ?? t.invalid });
      case 'changedMeanwhile':
        return buildTypeForm(context, { typeId: outcome.current.id, etag: outcome.current.etag, draft: draftOfTrainingType(outcome.current), formError: t.changed });
      case 'notFound':
        return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, locale);
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
    }
  },
  invalid: async (context, raw) => {
    const { typed, etag } = refusedFormValues(raw);
    const typeId = trainingTypeIdSchema.safeParse(raw.typeId);
    const draft: TrainingTypeDraft = {
      labelFr: typed('labelFr', 120),
      labelEn: typed('labelEn', 120),
      commitment: typed('commitment', 20),
      validityMonths: typed('validityMonths', 4),
      roles: typed('roles', 200),
      services: typed('services', 500),
      active: typed('active', 5),
    };
    return buildTypeForm(context, { typeId: typeId.success ? typeId.data : '', etag, draft, formError: texts[context.locale].invalid });
  },
});
