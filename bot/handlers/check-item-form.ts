import { z } from 'zod';
import { checkItemFormCard, type CheckItemFormCardData } from '../../cards/check-item-form';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { checkLocationLabels, checkLocations } from '../../services/checks/check-item';
import { draftOf, findOwner, parseCheckLocation, type CheckItemDraft, type CheckItemFieldErrors } from '../../services/checks/check-item-edit';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildCheckItemsCard } from './check-items';
import { refusedFormValues } from '../refused-form-values';

/** Past this many people the owner is typed as an e-mail: a longer list would make the card heavy and hard to use. */
export const maxOwnerChoices = 150;

const texts = {
  fr: {
    changed: 'Cet élément a été modifié par quelqu’un d’autre entre-temps : voici la version à jour, recommencez.',
    invalid: 'Certaines informations sont invalides : corrigez-les puis enregistrez.',
    notFound: 'Élément introuvable',
    notFoundText: 'Cet élément de contrôle n’existe plus.',
    refusedTitle: 'Action refusée',
    created: 'Élément créé : {label} ({id}).',
    updated: 'Élément enregistré : {label} ({id}).',
    anyCommitment: 'Ex. : E.1, 1.2',
  },
  en: {
    changed: 'Someone else changed this item meanwhile: here is the current version, try again.',
    invalid: 'Some information is invalid: fix it, then save.',
    notFound: 'Item not found',
    notFoundText: 'This check item no longer exists.',
    refusedTitle: 'Action refused',
    created: 'Item created: {label} ({id}).',
    updated: 'Item saved: {label} ({id}).',
    anyCommitment: 'E.g. E.1, 1.2',
  },
};

const noErrors = { formError: '', labelError: '', commitmentError: '', locationError: '', urlError: '', ownerError: '', serviceError: '' };

interface FormState {
  itemId: string;
  etag: string;
  draft: CheckItemDraft;
  errors?: CheckItemFieldErrors;
  formError?: string;
}

/** Builds the form with the directory, services and référentiel to choose from, the values as typed and any errors. */
async function buildItemForm(context: HandlerContext, state: FormState): Promise<CardJson> {
  const { app, locale } = context;
  const [people, services, commitments] = await Promise.all([app.people.list(), app.services.list(), app.commitments.list(app.referentiel)]);
  const listed = people.length <= maxOwnerChoices;
  const owner = findOwner(people, state.draft.owner);
  const errors = state.errors ?? {};
  const data: CheckItemFormCardData = {
    itemId: state.itemId,
    etag: state.etag,
    ...state.draft,
    location: parseCheckLocation(state.draft.location) ?? '',
    owner: owner ? (listed ? owner.id : (owner.email ?? state.draft.owner)) : state.draft.owner,
    commitmentHint: commitments.length > 0 ? `${commitments[0]?.id} … ${commitments.at(-1)?.id}` : texts[locale].anyCommitment,
    locations: checkLocations.map((value) => ({ value, title: checkLocationLabels[value][locale] })),
    people: listed
      ? [...people].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((p) => ({ value: p.id, title: `${p.name} (${p.service ?? '—'})` }))
      : [],
    services: services.map((s) => ({ code: s.code, name: s.name })),
    ...noErrors,
    formError: state.formError ?? '',
    labelError: errors.label ?? '',
    commitmentError: errors.commitment ?? '',
    locationError: errors.location ?? '',
    urlError: errors.url ?? '',
    ownerError: errors.owner ?? '',
    serviceError: errors.service ?? '',
  };
  return checkItemFormCard(data, locale);
}

const idSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/);
const emptyDraft: CheckItemDraft = { label: '', commitment: '', location: '', url: '', owner: '', service: '' };

/** « Nouvel élément » (no itemId) or « Modifier » (itemId) on the list: the form. */
export const checkItemFormVerb = defineVerb({
  schema: z.object({ itemId: idSchema.optional() }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    if (!data.itemId) return buildItemForm(context, { itemId: '', etag: '', draft: emptyDraft });
    const item = await context.app.checkItems.get(data.itemId);
    const t = texts[context.locale];
    if (!item) return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, context.locale);
    return buildItemForm(context, { itemId: item.id, etag: item.etag, draft: draftOf(item) });
  },
});

const text = (max: number) => z.string().max(max).optional().default('');

/** The form's inputs (label, commitment, location, url, owner, service) and its button's data (itemId, etag). */
const checkItemSaveSchema = z.object({
  itemId: z.union([z.literal(''), idSchema]).optional().default(''),
  etag: text(200),
  label: text(1000),
  commitment: text(200),
  location: text(100),
  url: text(2000),
  owner: text(300),
  service: text(100),
});

/** « Enregistrer » on the form: creates or edits the item, guarded by the ETag the form was built from. */
export const checkItemSaveVerb = defineVerb({
  schema: checkItemSaveSchema,
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const { itemId, etag, ...draft } = data;
    const outcome = await app.checkItemsAdmin.save(actor, { itemId: itemId || undefined, etag, draft });
    switch (outcome.kind) {
      case 'saved':
        return buildCheckItemsCard(context, { notice: fill(outcome.created ? t.created : t.updated, outcome.item), noticeColor: 'Good' });
      case 'invalid':
        return buildItemForm(context, { itemId, etag, draft, errors: outcome.errors, formError: outcome.formError ?? t.invalid });
      case 'changedMeanwhile':
        return buildItemForm(context, { itemId: outcome.current.id, etag: outcome.current.etag, draft: draftOf(outcome.current), formError: t.changed });
      case 'notFound':
        return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, locale);
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
    }
  },
  invalid: async (context, raw) => {
    const { typed, etag } = refusedFormValues(raw);
    const itemId = idSchema.safeParse(raw.itemId);
    const draft: CheckItemDraft = {
      label: typed('label', 200),
      commitment: typed('commitment', 20),
      location: typed('location', 20),
      url: typed('url', 500),
      owner: typed('owner', 254),
      service: typed('service', 20),
    };
    return buildItemForm(context, { itemId: itemId.success ? itemId.data : '', etag, draft, formError: texts[context.locale].invalid });
  },
});
