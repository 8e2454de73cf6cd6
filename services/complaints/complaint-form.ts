import type { Locale } from '../../cards/locale';
import { findOwner } from '../checks/check-item-edit';
import type { Person } from '../directory/person';
import { personalDataRefusal } from '../privacy/personal-data-guard';
import { addCalendarDays, isLocalDate, type LocalDate, type WorkingCalendar } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { complaintChannels, complaintKinds, outOfScopeReasons, type ComplaintChannel, type ComplaintKind } from './complaint-channels';
import { complaintLimits, type Complaint } from './complaint';
import { replyDueOn } from './complaint-deadline';
import { nextComplaintId } from './complaint-number';
import type { ComplaintActor } from './complaint-people';

/** The fields of the `nouvelle réclamation` form. */
export type ComplaintField = 'form' | 'channel' | 'kind' | 'receivedOn' | 'summary' | 'commitment' | 'scope' | 'service' | 'assigneeId';

/** One reason the form is refused, next to the field to correct. */
export interface ComplaintFieldError {
  field: ComplaintField;
  message: string;
}

/** The form as a card sends it: strings, possibly empty. `scope` is 'in' or an out-of-scope reason. */
export interface ComplaintFormInput {
  channel?: string;
  kind?: string;
  receivedOn?: string;
  summary?: string;
  commitment?: string;
  scope?: string;
  service?: string;
  assigneeId?: string;
}

/** What the form is checked against; `now` stamps it (services never read the clock). */
export interface ComplaintFormContext {
  author: ComplaintActor;
  people: readonly Pick<Person, 'id' | 'name' | 'email' | 'service'>[];
  serviceCodes: readonly string[];
  /** Ids of the référentiel's commitments ('E.17'). */
  commitmentIds: readonly string[];
  /** Numbers already taken, to propose the next one (the repository takes the final one). */
  existingIds: readonly string[];
  today: LocalDate;
  now: Date;
  calendar: WorkingCalendar;
  locale?: Locale;
}

/** The complaint to store, or every problem found at once (nothing is written). */
export type ComplaintFormResult = { ok: true; complaint: Complaint } | { ok: false; errors: ComplaintFieldError[] };

/** How far back a receipt may be logged: further is taken for a typo in the year. */
export const maxReceiptAgeDays = 366;

const messages = {
  fr: {
    channelRequired: 'Choisissez le canal de réception.',
    kindRequired: 'Choisissez le type de demande.',
    unknownChoice: 'Valeur « {value} » inconnue : choisissez dans la liste.',
    receivedRequired: 'Indiquez la date de réception.',
    receivedInvalid: 'Date de réception invalide : attendu AAAA-MM-JJ, par exemple 2026-03-12.',
    receivedFuture: 'La date de réception ne peut pas être dans le futur (aujourd’hui : {today}).',
    receivedTooOld: 'La date de réception remonte à plus d’un an : vérifiez l’année.',
    summaryRequired: 'Résumez la demande en quelques mots.',
    summaryTooLong: 'Le résumé ne doit pas dépasser {max} caractères.',
    summaryControl: 'Le résumé contient des caractères non autorisés (tabulation…).',
    commitmentUnknown: 'Engagement « {value} » inconnu du référentiel : tapez « engagements » pour la liste.',
    serviceRequired: 'Choisissez le service chargé de répondre.',
    serviceUnknown: 'Service « {value} » inconnu : tapez « services » pour la liste.',
    assigneeRequired: 'Choisissez l’agent chargé de répondre.',
    assigneeUnknown: 'Agent inconnu de l’annuaire.',
    assigneeOtherService: '{name} n’appartient pas au service {service} : choisissez un agent de ce service, ou changez de service.',
  },
  en: {
    channelRequired: 'Pick the channel it came through.',
    kindRequired: 'Pick the kind of request.',
    unknownChoice: 'Unknown value “{value}”: pick one from the list.',
    receivedRequired: 'Give the day it was received.',
    receivedInvalid: 'Invalid received date: expected YYYY-MM-DD, for instance 2026-03-12.',
    receivedFuture: 'The received date cannot be in the future (today: {today}).',
    receivedTooOld: 'The received date is more than a year ago: check the year.',
    summaryRequired: 'Sum the request up in a few words.',
    summaryTooLong: 'The summary must not exceed {max} characters.',
    summaryControl: 'The summary holds characters that are not allowed (tab…).',
    commitmentUnknown: 'Commitment “{value}” is not in the référentiel: type “commitments” for the list.',
    serviceRequired: 'Pick the service in charge of the reply.',
    serviceUnknown: 'Unknown service “{value}”: type “services” for the list.',
    assigneeRequired: 'Pick the agent in charge of the reply.',
    assigneeUnknown: 'This agent is not in the directory.',
    assigneeOtherService: '{name} is not in service {service}: pick an agent of that service, or change the service.',
  },
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
const clean = (value: string | undefined) => (value ?? '').trim();
const shown = (value: string) => value.slice(0, 40);
const fold = (text: string) => text.replace(/[\s.]/g, '').toUpperCase();

/** Reads one of a fixed list of ids; undefined with an error message otherwise. */
function choice<T extends string>(value: string, allowed: readonly T[], required: string, t: (typeof messages)['fr']): { value?: T; error?: string } {
  if (value === '') return { error: required };
  const found = allowed.find((candidate) => candidate === value);
  return found ? { value: found } : { error: fill(t.unknownChoice, { value: shown(value) }) };
}

/**
 * Checks the `nouvelle réclamation` form (issue 6) and builds the complaint, due date included (E.17). Every problem
 * is reported at once, next to its field: a summary holding personal data (the guard names what it found), a
 * received date in the future, an unknown service, commitment or agent. The agent must belong to the service.
 */
export function validateComplaintForm(input: ComplaintFormInput, context: ComplaintFormContext): ComplaintFormResult {
  const locale = context.locale ?? 'fr';
  const t = messages[locale];
  const errors: ComplaintFieldError[] = [];
  const fail = (field: ComplaintField, message: string) => errors.push({ field, message });

  const channel = choice<ComplaintChannel>(clean(input.channel), complaintChannels, t.channelRequired, t);
  if (channel.error) fail('channel', channel.error);
  const kind = choice<ComplaintKind>(clean(input.kind), complaintKinds, t.kindRequired, t);
  if (kind.error) fail('kind', kind.error);

  const receivedOn = clean(input.receivedOn);
  if (receivedOn === '') fail('receivedOn', t.receivedRequired);
  else if (!isLocalDate(receivedOn)) fail('receivedOn', t.receivedInvalid);
  else if (receivedOn > context.today) fail('receivedOn', fill(t.receivedFuture, { today: formatDay(context.today, locale) }));
  else if (receivedOn < addCalendarDays(context.today, -maxReceiptAgeDays)) fail('receivedOn', t.receivedTooOld);

  const summary = (input.summary ?? '').replace(/\r\n?/g, '\n').trim();
  if (summary === '') fail('summary', t.summaryRequired);
  else if (summary.length > complaintLimits.summary) fail('summary', fill(t.summaryTooLong, { max: complaintLimits.summary }));
  else if (/(?!\n)\p{Cc}/u.test(summary)) fail('summary', t.summaryControl);
  else {
    const refusal = personalDataRefusal(summary, locale);
    if (refusal) fail('summary', refusal);
  }

  const typedCommitment = clean(input.commitment);
  const commitment = typedCommitment === '' ? undefined : context.commitmentIds.find((id) => fold(id) === fold(typedCommitment));
  if (typedCommitment !== '' && commitment === undefined) fail('commitment', fill(t.commitmentUnknown, { value: shown(typedCommitment) }));

  const scope = clean(input.scope) || 'in';
  const outOfScopeReason = outOfScopeReasons.find((reason) => reason === scope);
  if (scope !== 'in' && outOfScopeReason === undefined) fail('scope', fill(t.unknownChoice, { value: shown(scope) }));

  const typedService = clean(input.service);
  const service = context.serviceCodes.find((code) => code.toUpperCase() === typedService.toUpperCase());
  if (typedService === '') fail('service', t.serviceRequired);
  else if (service === undefined) fail('service', fill(t.serviceUnknown, { value: shown(typedService) }));

  const typedAssignee = clean(input.assigneeId);
  const assignee = typedAssignee === '' ? undefined : (context.people.find((person) => person.id === typedAssignee) ?? findOwner(context.people, typedAssignee));
  if (typedAssignee === '') fail('assigneeId', t.assigneeRequired);
  else if (!assignee) fail('assigneeId', t.assigneeUnknown);
  else if (service !== undefined && assignee.service !== service) fail('assigneeId', fill(t.assigneeOtherService, { name: assignee.name, service }));

  if (errors.length > 0 || !channel.value || !kind.value || !service || !assignee) return { ok: false, errors };
  const dueOn = replyDueOn(receivedOn, channel.value, context.calendar);
  const nowIso = context.now.toISOString();
  return {
    ok: true,
    complaint: {
      id: nextComplaintId(Number(receivedOn.slice(0, 4)), context.existingIds),
      channel: channel.value,
      kind: kind.value,
      receivedOn,
      summary,
      commitment,
      inScope: outOfScopeReason === undefined,
      outOfScopeReason,
      service,
      assigneeId: assignee.id,
      assignedAt: nowIso,
      initialDueOn: dueOn,
      dueOn,
      dueSetAt: nowIso,
      replies: [],
      state: 'open',
      createdBy: context.author.id,
      createdAt: nowIso,
      revision: 0,
    },
  };
}
