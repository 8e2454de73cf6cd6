import { z } from 'zod';
import { fill, type CardJson } from '../../cards/render';
import { findOwner } from '../../services/checks/check-item-edit';
import { answeredOnTime } from '../../services/complaints/complaint-deadline';
import { complaintIdSchema } from '../../services/complaints/complaint-number';
import { mayViewComplaint } from '../../services/complaints/complaint-people';
import { decideComplaintStep, type ComplaintStep, type ComplaintStepInput } from '../../services/complaints/complaint-transitions';
import type { StoredComplaint } from '../../services/complaints/complaints-repository';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { formatDay } from '../../services/training/training-dates';
import type { HandlerContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildComplaintCard, complaintAssignedTopic, complaintForbiddenCard, complaintNotFoundCard } from './complaint-view';
import { calendarFor } from '../../services/reminders/calendar';

const texts = {
  fr: {
    acknowledge: 'Accusé de réception enregistré (envoyé le {date}).',
    substanceOnTime: 'Réponse sur le fond enregistrée : dans les délais.',
    substanceLate: 'Réponse sur le fond enregistrée : hors délai.',
    holding: 'Réponse d’attente enregistrée : nouvelle échéance le {date}.',
    reassign: 'Réclamation confiée à {name} ({service}), qui la reçoit.',
    reassignSelf: 'Réclamation reprise par vous ({service}).',
    close: 'Réclamation classée.',
    changed: 'Quelqu’un a modifié cette réclamation au même moment : voici la version à jour, recommencez si besoin.',
  },
  en: {
    acknowledge: 'Acknowledgement recorded (sent on {date}).',
    substanceOnTime: 'Reply on the substance recorded: in time.',
    substanceLate: 'Reply on the substance recorded: late.',
    holding: 'Holding reply recorded: new due date {date}.',
    reassign: 'Complaint given to {name} ({service}), who receives it.',
    reassignSelf: 'You took the complaint over ({service}).',
    close: 'Complaint closed.',
    changed: 'Someone changed this complaint at the same moment: here is the current version, try again if needed.',
  },
};

/** What the domain said happened, for the card's notice. */
function doneText(context: HandlerContext, step: ComplaintStep, stored: StoredComplaint, assigneeName: string): string {
  const t = texts[context.locale];
  const day = (date: string) => formatDay(date, context.locale);
  switch (step) {
    case 'acknowledge':
      return fill(t.acknowledge, { date: day(stored.acknowledgedOn ?? '') });
    case 'substance':
      return answeredOnTime(stored) === true ? t.substanceOnTime : t.substanceLate;
    case 'holding':
      return fill(t.holding, { date: day(stored.dueOn) });
    case 'reassign':
      return fill(stored.assigneeId === context.actor.id ? t.reassignSelf : t.reassign, { name: assigneeName, service: stored.service });
    case 'close':
      return t.close;
  }
}

/**
 * Runs one step on a complaint: the domain decides (who, from which state, stale card, input; a refusal redraws the
 * card with the reason and writes nothing), the complaint and its history entry are written together under its
 * ETag, the change goes to the audit trail, and a complaint given to someone else is sent to them.
 */
async function runStep(context: HandlerContext, id: string, step: ComplaintStep, input: ComplaintStepInput): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const current = await app.complaints.get(id);
  if (!current) return complaintNotFoundCard(id, locale);
  if (!mayViewComplaint(current, actor)) return complaintForbiddenCard(id, locale);
  const now = clock.now();
  const [people, services] = await Promise.all([app.people.list(), app.services.list()]);
  const decision = decideComplaintStep(current, step, actor, input, {
    now,
    today: calendarFor(app.timeZone).localDateOf(now),
    people,
    serviceCodes: services.map((service) => service.code),
    locale,
  });
  if (!decision.ok) return buildComplaintCard(context, current, { notice: decision.reason });
  // The new agent's copy is listed before the complaint changes: a crash between the two writes leaves a copy the
  // next sweep sends; a copy for an assignment whose write lost a race is dropped by the renderer.
  const handOver = step === 'reassign' && decision.next.assigneeId !== actor.id ? complaintAssignedTopic(decision.next) : undefined;
  if (handOver) await app.sharedCards.addRecipients(handOver, [decision.next.assigneeId], now.toISOString());
  let stored: StoredComplaint;
  try {
    stored = await app.complaints.update(current, decision.next, decision.audit, now);
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    return buildComplaintCard(context, (await app.complaints.get(id)) ?? current, { notice: texts[locale].changed });
  }
  await app.audit.append(decision.audit);
  if (handOver) context.publishSharedCard(handOver);
  const assigneeName = people.find((person) => person.id === stored.assigneeId)?.name ?? '';
  return buildComplaintCard(context, stored, { notice: doneText(context, step, stored, assigneeName), noticeColor: 'Good' });
}

/** Card inputs are capped by the domain; this only keeps absurd payloads out before any read. */
const text = (max: number) => z.string().max(max).optional();
const base = { id: complaintIdSchema, revision: z.coerce.number().int().min(0) };

/** « Accusé de réception » (17.3): the day it was sent. */
export const complaintAcknowledgeVerb = defineVerb({
  schema: z.object({ ...base, ackOn: text(40) }),
  audience: 'everyone',
  handle: async (context, data) => runStep(context, data.id, 'acknowledge', { revision: data.revision, on: data.ackOn }),
});

/** « Réponse sur le fond » or « Réponse d’attente » with its forecast date (17.1, 17.2). */
export const complaintReplyVerb = defineVerb({
  schema: z.object({ ...base, replyKind: z.enum(['substance', 'holding']), substanceOn: text(40), holdingOn: text(40), forecastOn: text(40) }),
  audience: 'everyone',
  handle: async (context, data) =>
    runStep(context, data.id, data.replyKind, {
      revision: data.revision,
      on: data.replyKind === 'substance' ? data.substanceOn : data.holdingOn,
      forecastOn: data.forecastOn,
    }),
});

/** « Réattribuer » (managers of the service, quality officer): the agent picked, or typed as an e-mail. */
export const complaintReassignVerb = defineVerb({
  schema: z.object({ ...base, reassignTo: text(300) }),
  audience: 'everyone',
  handle: async (context, data) => {
    const typed = data.reassignTo ?? '';
    const person = findOwner(await context.app.people.list(), typed);
    return runStep(context, data.id, 'reassign', { revision: data.revision, assigneeId: person?.id ?? typed });
  },
});

/** « Classer »: after the reply (optional comment), or without one with a reason (managers, quality officer). */
export const complaintCloseVerb = defineVerb({
  schema: z.object({ ...base, closeReason: text(5000) }),
  audience: 'everyone',
  handle: async (context, data) => runStep(context, data.id, 'close', { revision: data.revision, reason: data.closeReason }),
});
