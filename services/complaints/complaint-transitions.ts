import type { Locale } from '../../cards/locale';
import type { AuditEntry } from '../audit/audit-repository';
import type { Person } from '../directory/person';
import { personalDataRefusal } from '../privacy/personal-data-guard';
import { addCalendarDays, isLocalDate, type LocalDate } from '../reminders/calendar';
import { formatDay } from '../training/training-dates';
import { channelRules } from './complaint-channels';
import { complaintLimits, type Complaint } from './complaint';
import { mayHandleComplaint, maySuperviseComplaint, type ComplaintActor } from './complaint-people';

/** What can be done to a complaint; each is one part of its card. */
export const complaintSteps = ['acknowledge', 'substance', 'holding', 'reassign', 'close'] as const;

/** One step. */
export type ComplaintStep = (typeof complaintSteps)[number];

/** What a card sends with a step. */
export interface ComplaintStepInput {
  /** Revision the card showed: another one means the card is stale. */
  revision: number;
  /** Day the acknowledgement or the reply was sent (today when blank). */
  on?: string;
  /** Holding reply: the date announced for the reply on the substance. */
  forecastOn?: string;
  /** Reassign: the new agent; the complaint moves to their service. */
  assigneeId?: string;
  /** Close: why (required for a complaint filed without a reply on the substance). */
  reason?: string;
}

/** What a step reads besides the complaint. */
export interface ComplaintStepContext {
  now: Date;
  today: LocalDate;
  people: readonly Pick<Person, 'id' | 'name' | 'service'>[];
  serviceCodes: readonly string[];
  locale?: Locale;
}

/** The next version to store with its audit entry, or why not (nothing is written then). */
export type ComplaintStepResult =
  | { ok: true; next: Complaint; audit: AuditEntry }
  | { ok: false; code: 'not-allowed' | 'wrong-state' | 'stale' | 'invalid-input'; reason: string };

/** A holding reply announces at most this far ahead: further is taken for a typo in the year. */
export const maxForecastDays = 183;

const messages = {
  fr: {
    stale: 'Cette carte n’est plus à jour : la réclamation a changé depuis. Voici la version actuelle.',
    notOpen: 'Cette réclamation n’attend plus de réponse.',
    closed: 'Cette réclamation est déjà classée.',
    handle: 'Seuls l’agent chargé de la réclamation, les encadrants de son service et le responsable qualité peuvent le faire.',
    supervise: 'Seuls les encadrants du service et le responsable qualité peuvent le faire.',
    noAck: 'Ce canal n’appelle pas d’accusé de réception.',
    alreadyAck: 'L’accusé de réception est déjà enregistré (le {date}).',
    dayInvalid: 'Date invalide : attendu AAAA-MM-JJ.',
    dayFuture: 'La date ne peut pas être dans le futur (aujourd’hui : {today}).',
    dayBeforeReceipt: 'La date ne peut pas précéder la réception ({date}).',
    dayBeforeLastReply: 'La date ne peut pas précéder la réponse déjà enregistrée du {date}.',
    forecastRequired: 'Indiquez la date prévisionnelle de la réponse sur le fond.',
    forecastNotAfterToday: 'La date prévisionnelle doit être postérieure à aujourd’hui ({today}).',
    forecastBeforeDue: 'La date prévisionnelle ne peut pas précéder l’échéance en vigueur ({date}) : répondez sur le fond d’ici là.',
    forecastTooFar: 'La date prévisionnelle est à plus de 6 mois : vérifiez l’année.',
    assigneeUnknown: 'Agent inconnu de l’annuaire.',
    assigneeNoService: '{name} n’est rattaché(e) à aucun service : un administrateur doit d’abord l’affecter.',
    sameAssignee: '{name} est déjà chargé(e) de cette réclamation.',
    reasonRequired: 'Indiquez pourquoi la réclamation est classée sans réponse sur le fond.',
    reasonTooLong: 'Le motif ne doit pas dépasser {max} caractères.',
  },
  en: {
    stale: 'This card is out of date: the complaint changed since. Here is the current version.',
    notOpen: 'This complaint no longer awaits a reply.',
    closed: 'This complaint is already closed.',
    handle: 'Only the agent in charge, the managers of their service and the quality officer may do this.',
    supervise: 'Only the service’s managers and the quality officer may do this.',
    noAck: 'This channel needs no acknowledgement.',
    alreadyAck: 'The acknowledgement is already recorded (on {date}).',
    dayInvalid: 'Invalid date: expected YYYY-MM-DD.',
    dayFuture: 'The date cannot be in the future (today: {today}).',
    dayBeforeReceipt: 'The date cannot come before receipt ({date}).',
    dayBeforeLastReply: 'The date cannot come before the reply already recorded on {date}.',
    forecastRequired: 'Give the forecast date of the reply on the substance.',
    forecastNotAfterToday: 'The forecast date must be after today ({today}).',
    forecastBeforeDue: 'The forecast date cannot come before the due date in force ({date}): reply on the substance by then.',
    forecastTooFar: 'The forecast date is more than 6 months away: check the year.',
    assigneeUnknown: 'This agent is not in the directory.',
    assigneeNoService: '{name} belongs to no service yet: an administrator must assign them first.',
    sameAssignee: '{name} is already in charge of this complaint.',
    reasonRequired: 'Say why the complaint is closed without a reply on the substance.',
    reasonTooLong: 'The reason must not exceed {max} characters.',
  },
};

type Texts = (typeof messages)['fr'];
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

/** The steps the viewer may take now, in the order the card shows them. */
export function allowedComplaintSteps(complaint: Complaint, actor: ComplaintActor): ComplaintStep[] {
  const steps: ComplaintStep[] = [];
  const handles = mayHandleComplaint(complaint, actor);
  const supervises = maySuperviseComplaint(complaint, actor);
  if (complaint.state === 'open') {
    if (handles && channelRules[complaint.channel].acknowledgement && complaint.acknowledgedOn === undefined) steps.push('acknowledge');
    if (handles) steps.push('substance', 'holding');
    if (supervises) steps.push('reassign', 'close');
  }
  if (complaint.state === 'answered' && handles) steps.push('close');
  return steps;
}

/** A day sent by the card: blank is today; otherwise an existing day, not in the future, not before `notBefore`. */
function sentDay(value: string | undefined, context: ComplaintStepContext, floor: { day: LocalDate; message: string }, t: Texts): { day?: LocalDate; error?: string } {
  const typed = (value ?? '').trim();
  const day = typed === '' ? context.today : typed;
  if (!isLocalDate(day)) return { error: t.dayInvalid };
  if (day > context.today) return { error: fill(t.dayFuture, { today: formatDay(context.today, context.locale ?? 'fr') }) };
  if (day < floor.day) return { error: floor.message };
  return { day };
}

/**
 * Decides one step on a complaint (issue 6): who may (the assignee, the service's managers, the quality officer;
 * reassigning and filing without a reply are for managers and the quality officer), from which state, with a card
 * that is not stale, and with valid input. Reassigning moves the complaint to the new agent's service. A holding reply (17.1, 17.2) sets the due date to its forecast, which
 * must be after today, not before the due date in force and within 6 months; a reply on the substance answers it.
 */
export function decideComplaintStep(complaint: Complaint, step: ComplaintStep, actor: ComplaintActor, input: ComplaintStepInput, context: ComplaintStepContext): ComplaintStepResult {
  const locale = context.locale ?? 'fr';
  const t = messages[locale];
  const refuse = (code: 'not-allowed' | 'wrong-state' | 'stale' | 'invalid-input', reason: string): ComplaintStepResult => ({ ok: false, code, reason });
  const stamp = (action: string, next: Complaint): ComplaintStepResult => {
    const stored = { ...next, revision: complaint.revision + 1 };
    return { ok: true, next: stored, audit: { actorId: actor.id, action: `complaint.${action}`, entityType: 'complaint', entityId: complaint.id, before: complaint, after: stored } };
  };
  if (complaint.state === 'closed') return refuse('wrong-state', t.closed);
  if (input.revision !== complaint.revision) return refuse('stale', t.stale);
  const openOnly = step !== 'close';
  if (openOnly && complaint.state !== 'open') return refuse('wrong-state', t.notOpen);
  const supervising = step === 'reassign' || (step === 'close' && complaint.state === 'open');
  if (supervising ? !maySuperviseComplaint(complaint, actor) : !mayHandleComplaint(complaint, actor)) return refuse('not-allowed', supervising ? t.supervise : t.handle);
  const receipt = { day: complaint.receivedOn, message: fill(t.dayBeforeReceipt, { date: formatDay(complaint.receivedOn, locale) }) };

  switch (step) {
    case 'acknowledge': {
      if (!channelRules[complaint.channel].acknowledgement) return refuse('invalid-input', t.noAck);
      if (complaint.acknowledgedOn) return refuse('wrong-state', fill(t.alreadyAck, { date: formatDay(complaint.acknowledgedOn, locale) }));
      const on = sentDay(input.on, context, receipt, t);
      if (!on.day) return refuse('invalid-input', on.error ?? t.dayInvalid);
      return stamp('acknowledge', { ...complaint, acknowledgedOn: on.day });
    }
    case 'substance':
    case 'holding': {
      const last = complaint.replies.at(-1);
      const floor = last ? { day: last.on, message: fill(t.dayBeforeLastReply, { date: formatDay(last.on, locale) }) } : receipt;
      const on = sentDay(input.on, context, floor.day < receipt.day ? receipt : floor, t);
      if (!on.day) return refuse('invalid-input', on.error ?? t.dayInvalid);
      const reply = { kind: step, on: on.day, by: actor.id, at: context.now.toISOString() };
      if (step === 'substance') return stamp('reply-substance', { ...complaint, replies: [...complaint.replies, reply], state: 'answered' });
      const forecast = (input.forecastOn ?? '').trim();
      if (forecast === '') return refuse('invalid-input', t.forecastRequired);
      if (!isLocalDate(forecast)) return refuse('invalid-input', t.dayInvalid);
      if (forecast <= context.today) return refuse('invalid-input', fill(t.forecastNotAfterToday, { today: formatDay(context.today, locale) }));
      if (forecast < complaint.dueOn) return refuse('invalid-input', fill(t.forecastBeforeDue, { date: formatDay(complaint.dueOn, locale) }));
      if (forecast > addCalendarDays(on.day, maxForecastDays)) return refuse('invalid-input', t.forecastTooFar);
      return stamp('reply-holding', {
        ...complaint,
        replies: [...complaint.replies, { ...reply, forecastOn: forecast }],
        dueOn: forecast,
        dueSetAt: context.now.toISOString(),
      });
    }
    case 'reassign': {
      const assignee = context.people.find((person) => person.id === (input.assigneeId ?? '').trim());
      if (!assignee) return refuse('invalid-input', t.assigneeUnknown);
      const service = context.serviceCodes.find((code) => code === assignee.service);
      if (!service) return refuse('invalid-input', fill(t.assigneeNoService, { name: assignee.name }));
      if (assignee.id === complaint.assigneeId) return refuse('invalid-input', fill(t.sameAssignee, { name: assignee.name }));
      return stamp('reassign', { ...complaint, service, assigneeId: assignee.id, assignedAt: context.now.toISOString() });
    }
    case 'close': {
      const reason = (input.reason ?? '').replace(/\r\n?/g, '\n').trim();
      if (complaint.state === 'open' && reason === '') return refuse('invalid-input', t.reasonRequired);
      if (reason.length > complaintLimits.closeReason) return refuse('invalid-input', fill(t.reasonTooLong, { max: complaintLimits.closeReason }));
      const personal = personalDataRefusal(reason, locale);
      if (personal) return refuse('invalid-input', personal);
      return stamp('close', { ...complaint, state: 'closed', closedOn: context.today, closeReason: reason === '' ? undefined : reason });
    }
  }
}
