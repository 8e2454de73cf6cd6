import { z } from 'zod';
import { labelCalendarDoneCard } from '../../cards/label-calendar-done';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { windowText } from '../../services/label-calendar/label-calendar-views';
import { isCurrentDone, labelObligationIdSchema, type LabelObligation } from '../../services/label-calendar/label-obligation';
import { mayMarkDone, type DoneField, type DoneInput } from '../../services/label-calendar/label-occurrences';
import { isLocalDate } from '../../services/reminders/calendar';
import { formatDay } from '../../services/training/training-dates';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildLabelCalendarCard, obligationName, todayOf } from './label-calendar';

const texts = {
  fr: {
    occurrence: 'Échéance du {due}{window} — responsable : {owner}',
    unknownOwner: 'responsable inconnu',
    notFound: 'Échéance introuvable',
    notFoundText: 'Cette échéance du calendrier du label n’existe plus.',
    refusedTitle: 'Action refusée',
    notOwner: 'Seuls le responsable de cette échéance et le responsable qualité peuvent la marquer comme faite.',
    retired: 'Cette échéance est retirée : il n’y a rien à marquer.',
    invalid: 'Rien n’a été enregistré : corrigez puis enregistrez.',
    unreadable: 'Le formulaire est illisible : rien n’a été enregistré. Recommencez depuis « calendrier ».',
    changed: 'Cette échéance a changé entre-temps : voici la version à jour, recommencez.',
    alreadyDone: 'Déjà marquée comme faite le {doneOn} : {name}. Rien n’a changé.',
    nothingPending: 'Cette échéance est déjà faite ({name}) : rien n’a changé.',
    doneNext: 'Fait le {doneOn} : {name}. Prochaine échéance le {next}.',
    doneOnce: 'Fait le {doneOn} : {name}.',
    doneUntilBase: 'Fait le {doneOn} : {name}. Elle reviendra avec le prochain label.',
    rescheduled: ' Dates recalculées : {list}.',
  },
  en: {
    occurrence: 'Due on {due}{window} — owner: {owner}',
    unknownOwner: 'unknown owner',
    notFound: 'Obligation not found',
    notFoundText: 'This obligation of the label calendar no longer exists.',
    refusedTitle: 'Action refused',
    notOwner: 'Only the owner of this obligation and the quality officer may mark it as done.',
    retired: 'This obligation is retired: there is nothing to mark.',
    invalid: 'Nothing was saved: fix it, then save.',
    unreadable: 'The form could not be read: nothing was saved. Start again from “label calendar”.',
    changed: 'This obligation changed meanwhile: here is the current version, try again.',
    alreadyDone: 'Already marked as done on {doneOn}: {name}. Nothing changed.',
    nothingPending: 'This obligation is already done ({name}): nothing changed.',
    doneNext: 'Done on {doneOn}: {name}. Next due on {next}.',
    doneOnce: 'Done on {doneOn}: {name}.',
    doneUntilBase: 'Done on {doneOn}: {name}. It comes back with the next label.',
    rescheduled: ' Dates recomputed: {list}.',
  },
};

interface DoneFormState {
  obligation: LabelObligation & { etag: string };
  input: DoneInput;
  errors?: Partial<Record<DoneField, string>>;
  formError?: string;
}

/** The small form: the occurrence, the day (today by default) and a remark, with any errors next to the fields. */
async function buildDoneForm(context: HandlerContext, state: DoneFormState): Promise<CardJson> {
  const { app, locale } = context;
  const t = texts[locale];
  const { obligation } = state;
  const owner = await app.people.known(obligation.ownerId);
  const window = windowText(obligation, locale);
  const typed = state.input.doneOn.trim();
  return labelCalendarDoneCard(
    {
      id: obligation.id,
      etag: obligation.etag,
      occurrenceDueOn: obligation.dueOn,
      heading: obligationName(obligation, locale),
      occurrenceText: fill(t.occurrence, { due: formatDay(obligation.dueOn, locale), window: window ? ` (${window})` : '', owner: owner?.name ?? t.unknownOwner }),
      // Input.Date only holds AAAA-MM-JJ: a date typed otherwise is shown empty, its error next to it.
      doneOn: isLocalDate(typed) ? typed : '',
      today: todayOf(context),
      note: state.input.note,
      formError: state.formError ?? '',
      doneOnError: state.errors?.doneOn ?? '',
      noteError: state.errors?.note ?? '',
    },
    locale,
  );
}

function refusal(context: HandlerContext, text: string): CardJson {
  return noticeCard({ style: 'warning', title: texts[context.locale].refusedTitle, text, reference: '' }, context.locale);
}

/** « Fait » on a calendar line or a reminder: the small form, for the owner and the quality officers. */
export const labelCalendarDoneFormVerb = defineVerb({
  schema: z.object({ id: labelObligationIdSchema }),
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const obligation = await app.labelCalendar.get(data.id);
    if (!obligation) return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, locale);
    if (!mayMarkDone(obligation, actor)) return refusal(context, t.notOwner);
    if (!obligation.active) return refusal(context, t.retired);
    if (isCurrentDone(obligation)) return buildLabelCalendarCard(context, { notice: fill(t.nothingPending, { name: obligationName(obligation, locale) }), noticeColor: 'Warning' });
    return buildDoneForm(context, { obligation, input: { doneOn: todayOf(context), note: '' } });
  },
});

const doneSchema = z.object({
  id: labelObligationIdSchema,
  etag: z.string().max(200).optional().default(''),
  occurrenceDueOn: z.string().max(10),
  doneOn: z.string().max(40).optional().default(''),
  note: z.string().max(2000).optional().default(''),
});

/** « Enregistrer » on the small form: records the occurrence done on that day, then shows the calendar. */
export const labelCalendarDoneVerb = defineVerb({
  schema: doneSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, locale } = context;
    const t = texts[locale];
    const input = { doneOn: data.doneOn, note: data.note };
    const outcome = await app.labelCalendarAdmin.markDone(actor, { id: data.id, etag: data.etag, occurrenceDueOn: data.occurrenceDueOn, input });
    switch (outcome.kind) {
      case 'done': {
        const { obligation, entry, rescheduled } = outcome;
        const values = { doneOn: formatDay(entry.doneOn, locale), name: obligationName(obligation, locale), next: formatDay(obligation.dueOn, locale) };
        const kind = obligation.schedule.kind;
        const said = kind === 'one-off' ? t.doneOnce : isCurrentDone(obligation) ? t.doneUntilBase : t.doneNext;
        const moved = rescheduled.map((o) => `${obligationName(o, locale)} → ${formatDay(o.dueOn, locale)}`).join(', ');
        return buildLabelCalendarCard(context, { notice: fill(said, values) + (moved ? fill(t.rescheduled, { list: moved }) : ''), noticeColor: 'Good' });
      }
      case 'invalid':
        return buildDoneForm(context, { obligation: outcome.obligation, input, errors: outcome.errors, formError: t.invalid });
      case 'alreadyDone': {
        const doneOn = formatDay(outcome.entry.doneOn, locale);
        return buildLabelCalendarCard(context, { notice: fill(t.alreadyDone, { doneOn, name: obligationName(outcome.obligation, locale) }), noticeColor: 'Warning' });
      }
      case 'changedMeanwhile': {
        const { current } = outcome;
        if (!current.active || isCurrentDone(current)) return buildLabelCalendarCard(context, { notice: t.changed, noticeColor: 'Warning' });
        return buildDoneForm(context, { obligation: current, input: { doneOn: todayOf(context), note: '' }, formError: t.changed });
      }
      case 'notFound':
        return noticeCard({ style: 'warning', title: t.notFound, text: t.notFoundText, reference: '' }, locale);
      case 'refused':
        return refusal(context, outcome.reason);
    }
  },
  invalid: async (context) => refusal(context, texts[context.locale].unreadable),
});
