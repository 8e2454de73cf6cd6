import { z } from 'zod';
import { complaintFormCard, type ComplaintFormCardData } from '../../cards/complaint-form';
import { fill, type CardJson } from '../../cards/render';
import { channelRules, complaintChannels, complaintKindLabels, complaintKinds, outOfScopeLabels, outOfScopeReasons } from '../../services/complaints/complaint-channels';
import type { Complaint } from '../../services/complaints/complaint';
import { isSameComplaintSubmission } from '../../services/complaints/complaint-resubmission';
import { validateComplaintForm, type ComplaintField, type ComplaintFieldError, type ComplaintFormInput } from '../../services/complaints/complaint-form';
import { findOwner } from '../../services/checks/check-item-edit';
import type { CommandContext, HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { maxOwnerChoices } from './check-item-form';
import { buildComplaintCard, complaintAssignedTopic } from './complaint-view';
import { calendarFor } from '../../services/reminders/calendar';

const texts = {
  fr: {
    invalid: 'Certaines informations sont à corriger : voir les messages sous les champs. Rien n’a été enregistré.',
    unreadable: 'Certaines valeurs envoyées par la carte sont illisibles : vérifiez les champs et recommencez. Rien n’a été enregistré.',
    days: ['{n} jour ouvré', '{n} jours ouvrés'],
    inScope: 'Dans le périmètre Qual-e-pref',
    outOfScope: 'Hors périmètre : {reason}',
    saved: 'Réclamation {id} enregistrée.',
    alreadySaved: 'Ce formulaire avait déjà été reçu : rien n’est enregistré deux fois. ',
    sentTo: ' Elle est confiée à {name}, qui la reçoit.',
  },
  en: {
    invalid: 'Some information needs correcting: see the messages under the fields. Nothing was saved.',
    unreadable: 'Some values sent by the card are unreadable: check the fields and try again. Nothing was saved.',
    days: ['{n} working day', '{n} working days'],
    inScope: 'Inside the Qual-e-pref scope',
    outOfScope: 'Out of scope: {reason}',
    saved: 'Complaint {id} saved.',
    alreadySaved: 'This form had already been received: nothing is saved twice. ',
    sentTo: ' It is given to {name}, who receives it.',
  },
};

const fields = ['channel', 'kind', 'receivedOn', 'summary', 'commitment', 'scope', 'service', 'assigneeId'] as const;
type FormValues = Required<ComplaintFormInput>;
/** What a card may send per field: the domain says what is too long, this only keeps absurd payloads out. */
const sizes: Record<(typeof fields)[number], number> = { channel: 40, kind: 40, receivedOn: 40, summary: 5000, commitment: 40, scope: 40, service: 40, assigneeId: 300 };
const field = (max: number) => z.string().max(max).optional().default('');
const formSchema = z.object(Object.fromEntries(fields.map((name) => [name, field(sizes[name])])) as Record<(typeof fields)[number], ReturnType<typeof field>>);

/** Values of a payload that failed the schema: strings kept (cut), anything else dropped. */
function typedValues(raw: Record<string, unknown>): FormValues {
  return Object.fromEntries(fields.map((name) => [name, typeof raw[name] === 'string' ? raw[name].slice(0, Math.min(sizes[name], 1000)) : ''])) as FormValues;
}

/** The author's defaults: their service, themselves in charge, in scope. */
function defaults(context: HandlerContext, values: Partial<FormValues>): FormValues {
  const blank = Object.fromEntries(fields.map((name) => [name, values[name] ?? ''])) as FormValues;
  return { ...blank, scope: blank.scope || 'in', service: blank.service || (context.actor.service ?? ''), assigneeId: blank.assigneeId || context.actor.id };
}

/** The form with its choices in the viewer's language, the values as typed, and any errors. */
async function buildComplaintForm(context: HandlerContext, values: FormValues, errors: readonly ComplaintFieldError[] = []): Promise<CardJson> {
  const { app, clock, locale } = context;
  const t = texts[locale];
  const [people, services, commitments] = await Promise.all([app.people.list(), app.services.list(), app.commitments.list(app.referentiel)]);
  const listed = people.length <= maxOwnerChoices;
  const assignee = findOwner(people, values.assigneeId);
  const message = (name: ComplaintField) => errors.find((error) => error.field === name)?.message ?? '';
  const days = (n: number) => fill(n === 1 ? (t.days[0] ?? '') : (t.days[1] ?? ''), { n });
  const cut = (text: string) => (text.length <= 70 ? text : `${text.slice(0, 69).trimEnd()}…`);
  const data: ComplaintFormCardData = {
    ...values,
    assigneeId: assignee ? (listed ? assignee.id : (assignee.email ?? values.assigneeId)) : values.assigneeId,
    today: calendarFor(app.timeZone).localDateOf(clock.now()),
    channelChoices: complaintChannels.map((value) => ({ value, title: `${channelRules[value].label[locale]} — ${days(channelRules[value].replyWithinWorkingDays)}` })),
    kindChoices: complaintKinds.map((value) => ({ value, title: complaintKindLabels[value][locale] })),
    scopeChoices: [{ value: 'in', title: t.inScope }, ...outOfScopeReasons.map((value) => ({ value, title: fill(t.outOfScope, { reason: outOfScopeLabels[value][locale] }) }))],
    commitmentChoices: commitments.map((commitment) => ({ value: commitment.id, title: cut(`${commitment.id} — ${commitment.title}`) })),
    serviceChoices: services.map((service) => ({ value: service.code, title: `${service.name} (${service.code})` })),
    people: listed
      ? people
          .filter((person) => person.service !== undefined)
          .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
          .map((person) => ({ value: person.id, title: `${person.name} (${person.service ?? '—'})` }))
      : [],
    formError: message('form') || (errors.length > 0 ? t.invalid : ''),
    channelError: message('channel'),
    kindError: message('kind'),
    receivedOnError: message('receivedOn'),
    summaryError: message('summary'),
    commitmentError: message('commitment'),
    scopeError: message('scope'),
    serviceError: message('service'),
    assigneeIdError: message('assigneeId'),
  };
  return complaintFormCard(data, locale);
}

/** « nouvelle réclamation [résumé] »: the empty form; words after the command become the summary (checked on submit). */
export async function showNewComplaintForm(context: CommandContext): Promise<void> {
  await context.reply(await buildComplaintForm(context, defaults(context, { summary: context.argument.trim().slice(0, 1000) })));
}

/** « Nouvelle réclamation » on the list card, or a button that prefills some fields. */
export const complaintFormVerb = defineVerb({
  schema: formSchema,
  audience: 'everyone',
  handle: async (context, data) => buildComplaintForm(context, defaults(context, data)),
  invalid: async (context, raw) => buildComplaintForm(context, defaults(context, typedValues(raw))),
});

/**
 * « Enregistrer » on the form: the domain checks every field at once (personal data in the summary, a received
 * date in the future, an unknown service, commitment or agent: the form comes back with the errors next to the
 * fields, values kept, nothing written). Otherwise the complaint is numbered and stored with its due date, audited,
 * and sent to the agent in charge when that is someone else: that copy is listed before the write, so a crash after
 * it leaves a card the next sweep sends. The same form sent again (a redelivery after a failure, a click after
 * « momentanément indisponible ») finishes the complaint an earlier attempt stored instead of logging it twice.
 */
export const complaintSubmitVerb = defineVerb({
  schema: formSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const now = clock.now();
    const calendar = calendarFor(app.timeZone);
    const today = calendar.localDateOf(now);
    const [people, services, commitments] = await Promise.all([app.people.list(), app.services.list(), app.commitments.list(app.referentiel)]);
    const year = Number((/^\d{4}/.exec(data.receivedOn) ?? [today.slice(0, 4)])[0]);
    const existing = Number.isInteger(year) ? await app.complaints.listYear(year) : [];
    const result = validateComplaintForm(data, {
      author: actor,
      people,
      serviceCodes: services.map((service) => service.code),
      commitmentIds: commitments.map((commitment) => commitment.id),
      existingIds: existing.map((complaint) => complaint.id),
      today,
      now,
      calendar,
      locale,
    });
    if (!result.ok) return buildComplaintForm(context, { ...data, scope: data.scope || 'in' }, result.errors);
    const handOver = result.complaint.assigneeId !== actor.id;
    const listCopy = async (candidate: Complaint) => {
      if (handOver) await app.sharedCards.addRecipients(complaintAssignedTopic(candidate), [candidate.assigneeId], now.toISOString());
    };
    const entry = { actorId: actor.id, action: 'complaint.create', entityType: 'complaint', entityId: '' };
    const earlier = existing.find((complaint) => isSameComplaintSubmission(complaint, result.complaint, now));
    const stored = earlier ?? (await app.complaints.create(result.complaint, entry, now, listCopy));
    const { etag: _etag, ...complaint } = stored;
    if (earlier) {
      // An earlier attempt stored it: finish what it may have left (its audit line, the agent's card).
      const audited = await app.audit.listMonth(complaint.createdAt.slice(0, 7), { entityId: complaint.id, limit: 1000 });
      if (!audited.some((line) => line.action === entry.action)) await app.audit.append({ ...entry, entityId: complaint.id, after: complaint });
      await listCopy(complaint);
    } else await app.audit.append({ ...entry, entityId: complaint.id, after: complaint });
    let notice = (earlier ? texts[locale].alreadySaved : '') + fill(texts[locale].saved, { id: complaint.id });
    if (handOver) {
      context.publishSharedCard(complaintAssignedTopic(complaint));
      notice += fill(texts[locale].sentTo, { name: people.find((person) => person.id === complaint.assigneeId)?.name ?? '' });
    }
    return buildComplaintCard(context, complaint, { notice, noticeColor: 'Good' });
  },
  invalid: async (context, raw) => buildComplaintForm(context, defaults(context, typedValues(raw)), [{ field: 'form', message: texts[context.locale].unreadable }]),
});
