import { z } from 'zod';
import { labelCalendarFormCard, type LabelCalendarFormCardData } from '../../cards/label-calendar-form';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { findOwner } from '../../services/checks/check-item-edit';
import { scheduleText } from '../../services/label-calendar/label-calendar-views';
import { isCurrentDone, labelObligationIdSchema, type LabelObligation } from '../../services/label-calendar/label-obligation';
import { draftOf, type LabelObligationDraft, type LabelObligationFieldErrors } from '../../services/label-calendar/label-obligation-edit';
import { isLocalDate } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildWholeLabelCalendarCard, obligationName } from './label-calendar';
import { refusedFormValues } from '../refused-form-values';

/** Past this many people the owner is typed as an e-mail: a longer list would make the card heavy and hard to use. */
export const maxOwnerChoices = 150;

const texts = {
  fr: {
    changed: 'Cette échéance a été modifiée par quelqu’un d’autre entre-temps : voici la version à jour, recommencez.',
    invalid: 'Certaines informations sont invalides : corrigez-les puis enregistrez. Rien n’a été enregistré.',
    notFound: 'Échéance introuvable',
    notFoundText: 'Cette échéance du calendrier du label n’existe plus.',
    refusedTitle: 'Action refusée',
    created: 'Échéance créée : {name}, pour le {due}.',
    updated: 'Échéance enregistrée : {name}, pour le {due}.',
    rescheduled: ' Dates recalculées : {list}.',
    computed: 'Échéance calculée : {due} — {rule}.',
  },
  en: {
    changed: 'Someone else changed this obligation meanwhile: here is the current version, try again.',
    invalid: 'Some information is invalid: fix it, then save. Nothing was saved.',
    notFound: 'Obligation not found',
    notFoundText: 'This obligation of the label calendar no longer exists.',
    refusedTitle: 'Action refused',
    created: 'Obligation created: {name}, due on {due}.',
    updated: 'Obligation saved: {name}, due on {due}.',
    rescheduled: ' Dates recomputed: {list}.',
    computed: 'Computed due date: {due} — {rule}.',
  },
};

interface FormState {
  current?: LabelObligation;
  etag: string;
  draft: LabelObligationDraft;
  errors?: LabelObligationFieldErrors;
  formError?: string;
}

/** The form with the directory to choose the owner from, the values as typed and any errors next to their fields. */
async function buildObligationForm(context: HandlerContext, state: FormState): Promise<CardJson> {
  const { app, locale } = context;
  const [people, obligations] = await Promise.all([app.people.list(), app.labelCalendar.list()]);
  const t = texts[locale];
  const listed = people.length <= maxOwnerChoices;
  const owner = findOwner(people, state.draft.owner);
  const errors = state.errors ?? {};
  const { current } = state;
  const derived = current?.schedule.kind === 'derived';
  // Input.Date only holds AAAA-MM-JJ: a date typed otherwise is shown empty, its error next to it.
  const day = (typed: string) => (isLocalDate(typed.trim()) ? typed.trim() : '');
  const data: LabelCalendarFormCardData = {
    id: current?.id ?? '',
    etag: state.etag,
    derived,
    derivedText: current && derived ? fill(t.computed, { due: formatDay(current.dueOn, locale), rule: scheduleText(current, obligations, locale) }) : '',
    showExtension: current !== undefined && derived && !isCurrentDone(current),
    ...state.draft,
    dueOn: day(state.draft.dueOn),
    windowStartsOn: day(state.draft.windowStartsOn),
    owner: owner ? (listed ? owner.id : (owner.email ?? state.draft.owner)) : state.draft.owner,
    people: listed ? [...people].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((p) => ({ value: p.id, title: `${p.name} (${p.service ?? '—'})` })) : [],
    formError: state.formError ?? '',
    labelFrError: errors.labelFr ?? '',
    labelEnError: errors.labelEn ?? '',
    referenceError: errors.reference ?? '',
    everyMonthsError: errors.everyMonths ?? '',
    dueOnError: errors.dueOn ?? '',
    windowStartsOnError: errors.windowStartsOn ?? '',
    extensionMonthsError: errors.extensionMonths ?? '',
    ownerError: errors.owner ?? '',
  };
  return labelCalendarFormCard(data, locale);
}

const emptyDraft: LabelObligationDraft = { labelFr: '', labelEn: '', reference: '', everyMonths: '', dueOn: '', windowStartsOn: '', extensionMonths: '', owner: '' };

/** « Nouvelle échéance » (no id) or « Modifier » (id): the obligation form. */
export const labelCalendarFormVerb = defineVerb({
  schema: z.object({ id: labelObligationIdSchema.optional() }),
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    if (!data.id) return buildObligationForm(context, { etag: '', draft: emptyDraft });
    const current = await context.app.labelCalendar.get(data.id);
    const t = texts[context.locale];
    if (!current) return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, context.locale);
    return buildObligationForm(context, { current, etag: current.etag, draft: draftOf(current) });
  },
});

const text = (max: number) => z.string().max(max).optional().default('');

/** The form's inputs and its button's data (id, etag). */
const saveSchema = z.object({
  id: z.union([z.literal(''), labelObligationIdSchema]).optional().default(''),
  etag: text(200),
  labelFr: text(1000),
  labelEn: text(1000),
  reference: text(200),
  everyMonths: text(20),
  dueOn: text(40),
  windowStartsOn: text(40),
  extensionMonths: text(20),
  owner: text(300),
});

/** « Enregistrer » on the form: creates or edits the obligation, guarded by the ETag the form was built from. */
export const labelCalendarSaveVerb = defineVerb({
  schema: saveSchema,
  audience: ['rq', 'admin'],
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const { id, etag, ...draft } = data;
    const current = id ? await app.labelCalendar.get(id) : undefined;
    const outcome = await app.labelCalendarAdmin.save(actor, { id: id || undefined, etag, draft });
    switch (outcome.kind) {
      case 'saved': {
        const { obligation, rescheduled } = outcome;
        const moved = rescheduled.map((o) => `${obligationName(o, locale)} → ${formatDay(o.dueOn, locale)}`).join(', ');
        const notice = fill(outcome.created ? t.created : t.updated, { name: obligationName(obligation, locale), due: formatDay(obligation.dueOn, locale) });
        return buildWholeLabelCalendarCard(context, { notice: notice + (moved ? fill(t.rescheduled, { list: moved }) : ''), noticeColor: 'Good' });
      }
      case 'invalid':
        return buildObligationForm(context, { current, etag, draft, errors: outcome.errors, formError: outcome.formError ?? t.invalid });
      case 'changedMeanwhile':
        return buildObligationForm(context, { current: outcome.current, etag: outcome.current.etag, draft: draftOf(outcome.current), formError: t.changed });
      case 'notFound':
        return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, locale);
      case 'refused':
        return noticeCard({ style: 'warning', title: t.refusedTitle, text: outcome.reason, reference: '' }, locale);
    }
  },
  invalid: async (context, raw) => {
    const { typed, etag } = refusedFormValues(raw);
    const id = labelObligationIdSchema.safeParse(raw.id);
    const current = id.success ? await context.app.labelCalendar.get(id.data) : undefined;
    const draft: LabelObligationDraft = {
      labelFr: typed('labelFr', 120),
      labelEn: typed('labelEn', 120),
      reference: typed('reference', 20),
      everyMonths: typed('everyMonths', 3),
      dueOn: typed('dueOn', 10),
      windowStartsOn: typed('windowStartsOn', 10),
      extensionMonths: typed('extensionMonths', 2),
      owner: typed('owner', 254),
    };
    return buildObligationForm(context, { current, etag, draft, formError: texts[context.locale].invalid });
  },
});
