import { z } from 'zod';
import type { Locale } from '../../cards/locale';
import { noticeCard } from '../../cards/notice';
import { fill, type CardJson } from '../../cards/render';
import { addMonths, cluIntervalMonths, meetingDay } from '../../services/clu/clu-dates';
import { cluAnswerLabels, cluAnswers, cluMeetingIdSchema, type CluMeeting } from '../../services/clu/clu-meeting';
import type { StoredCluMeeting } from '../../services/clu/clu-meetings-repository';
import { answerInvitation, cancelMeeting, markHeld, recordMinutes, type CluStepResult, type CluStepContext } from '../../services/clu/clu-steps';
import { ConcurrentUpdateError } from '../../services/storage/storage-errors';
import { formatDay } from '../../services/training/training-dates';
import type { CommandContext, HandlerContext, VerbContext } from '../turn-context';
import { defineVerb } from '../verb-definition';
import { buildCluCard, buildInvitationCard, invitationTopic } from './clu-view';
import { calendarFor } from '../../services/reminders/calendar';

const texts = {
  fr: {
    notFoundTitle: 'Réunion introuvable',
    notFound: 'Aucune réunion du CLU ne porte le numéro {id}. Tapez « clu ».',
    answered: 'Réponse enregistrée : {answer}. Le responsable qualité la voit.',
    unchanged: 'Votre réponse était déjà enregistrée : {answer}.',
    raced: 'Votre réponse a changé entre-temps depuis un autre appareil : voici celle qui est enregistrée.',
    stale: 'Cette carte n’est plus à jour : la réunion a changé entre-temps. Rien n’a été enregistré.',
    held: 'Réunion {id} marquée comme tenue le {day}. Compte rendu attendu le {minutes} ; prochaine réunion à tenir avant le {next}.',
    minutes: 'Compte rendu de la réunion {id} enregistré (diffusé le {day}). Les rappels s’arrêtent.',
    cancelled: 'Réunion {id} annulée. Les membres invités le voient sur leur invitation.',
  },
  en: {
    notFoundTitle: 'Meeting not found',
    notFound: 'No CLU meeting has number {id}. Type “clu”.',
    answered: 'Answer saved: {answer}. The quality officer sees it.',
    unchanged: 'Your answer was already saved: {answer}.',
    raced: 'Your answer changed meanwhile from another device: here is the one saved.',
    stale: 'This card is out of date: the meeting changed meanwhile. Nothing was saved.',
    held: 'Meeting {id} marked as held on {day}. Minutes due on {minutes}; next meeting due by {next}.',
    minutes: 'Minutes of meeting {id} recorded (sent out on {day}). Reminders stop.',
    cancelled: 'Meeting {id} cancelled. Invited members see it on their invitation.',
  },
};

function notFoundCard(id: string, locale: Locale): CardJson {
  const t = texts[locale];
  return noticeCard({ style: 'warning', title: t.notFoundTitle, text: fill(t.notFound, { id }), reference: '' }, locale);
}

/** « clu »: the next meeting and one's own invitation; for the quality officer, answers, due date, last meetings, buttons. */
export async function showClu(context: CommandContext): Promise<void> {
  await context.reply(await buildCluCard(context));
}

/** The invitation's buttons (and the same on the `clu` card), with where they were clicked so the same card comes back. */
const answerSchema = z.object({
  id: cluMeetingIdSchema,
  answer: z.enum(cluAnswers),
  from: z.enum(['invitation', 'overview']).optional().default('invitation'),
});

/**
 * « Présent(e) » / « Excusé(e) »: an internal member answers, or changes their answer until the meeting starts; the
 * same answer twice writes nothing. The clicked card is redrawn; an answer given on the `clu` card also redraws the
 * member's invitation copy. Audited.
 */
export const cluAnswerVerb = defineVerb({
  schema: answerSchema,
  audience: 'everyone',
  handle: async (context, data) => {
    const { app, actor, clock, locale } = context;
    const t = texts[locale];
    const meeting = await app.clu.get(data.id);
    if (!meeting) return notFoundCard(data.id, locale);
    const redraw = async (notice: string, noticeColor: string) =>
      data.from === 'overview' ? buildCluCard(context, { notice, noticeColor }) : buildInvitationCard(context, meeting, await app.clu.answerOf(meeting.id, actor.id), { notice, noticeColor });
    const previous = await app.clu.answerOf(meeting.id, actor.id);
    const result = answerInvitation(meeting, actor.id, data.answer, previous, clock.now(), locale);
    if (!result.ok) return redraw(result.reason, 'Attention');
    const word = cluAnswerLabels[data.answer][locale].toLowerCase();
    if (!result.changed) return redraw(fill(t.unchanged, { answer: word }), 'Good');
    try {
      await app.clu.saveAnswer(result.answer, previous);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      return redraw(t.raced, 'Warning');
    }
    await app.audit.append({ actorId: actor.id, action: 'clu.answer', entityType: 'clu-meeting', entityId: meeting.id, before: previous?.answer, after: result.answer.answer });
    if (data.from === 'overview') {
      const topic = invitationTopic(meeting.id);
      await app.sharedCards.markStale(topic, clock.now().toISOString());
      context.publishSharedCard(topic);
    }
    return redraw(fill(t.answered, { answer: word }), 'Good');
  },
});

/** The context of a step on a meeting (held, minutes, cancellation) from the clicked card. */
function stepContext(context: HandlerContext, meeting: CluMeeting, revision: number): CluStepContext {
  const calendar = calendarFor(context.app.timeZone);
  const now = context.clock.now();
  return { revision, today: calendar.localDateOf(now), meetingDay: meetingDay(meeting, calendar), now, locale: context.locale };
}

/**
 * Runs one step of the quality officer on a meeting: the domain decides, the meeting is written under its ETag and
 * audited, the invitations are redrawn when `redrawInvitations`, and the `clu` card comes back with what happened.
 */
async function runStep(
  context: VerbContext,
  id: string,
  action: string,
  decide: (meeting: StoredCluMeeting) => CluStepResult,
  done: (meeting: CluMeeting) => string,
  redrawInvitations: boolean,
): Promise<CardJson> {
  const { app, actor, clock, locale } = context;
  const current = await app.clu.get(id);
  if (!current) return notFoundCard(id, locale);
  const decision = decide(current);
  if (!decision.ok) return buildCluCard(context, { notice: decision.reason, noticeColor: 'Attention' });
  try {
    await app.clu.update(current, decision.meeting);
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    return buildCluCard(context, { notice: texts[locale].stale, noticeColor: 'Attention' });
  }
  await app.audit.append({ actorId: actor.id, action, entityType: 'clu-meeting', entityId: id, before: current, after: decision.meeting });
  if (redrawInvitations) {
    const topic = invitationTopic(id);
    await app.sharedCards.markStale(topic, clock.now().toISOString());
    context.publishSharedCard(topic);
  }
  return buildCluCard(context, { notice: done(decision.meeting), noticeColor: 'Good' });
}

const stepFields = { id: cluMeetingIdSchema, revision: z.coerce.number().int().min(0) };

/** « Marquer comme tenue »: the day it was held; minutes due a month later, the next meeting twelve months later. */
export const cluHeldVerb = defineVerb({
  schema: z.object({ ...stepFields, heldOn: z.string().max(40).optional().default('') }),
  audience: ['rq', 'admin'],
  handle: async (context, data) =>
    runStep(
      context,
      data.id,
      'clu.held',
      (meeting) => markHeld(meeting, data.heldOn, stepContext(context, meeting, data.revision)),
      (meeting) =>
        fill(texts[context.locale].held, {
          id: meeting.id,
          day: formatDay(meeting.heldOn ?? '', context.locale),
          minutes: formatDay(meeting.minutesDueOn, context.locale),
          next: formatDay(addMonths(meeting.heldOn ?? '', cluIntervalMonths), context.locale),
        }),
      true,
    ),
});

/** « Compte rendu reçu le … »: the day the minutes went out; their reminders stop. */
export const cluMinutesVerb = defineVerb({
  schema: z.object({ ...stepFields, minutesOn: z.string().max(40).optional().default('') }),
  audience: ['rq', 'admin'],
  handle: async (context, data) =>
    runStep(
      context,
      data.id,
      'clu.minutes',
      (meeting) => recordMinutes(meeting, data.minutesOn, stepContext(context, meeting, data.revision)),
      (meeting) => fill(texts[context.locale].minutes, { id: meeting.id, day: formatDay(meeting.minutesRecordedOn ?? '', context.locale) }),
      false,
    ),
});

/** « Annuler la réunion »: every invitation shows it, reminders stop. */
export const cluCancelVerb = defineVerb({
  schema: z.object({ ...stepFields, cancelReason: z.string().max(2000).optional().default('') }),
  audience: ['rq', 'admin'],
  handle: async (context, data) =>
    runStep(
      context,
      data.id,
      'clu.cancel',
      (meeting) => cancelMeeting(meeting, data.cancelReason, stepContext(context, meeting, data.revision)),
      (meeting) => fill(texts[context.locale].cancelled, { id: meeting.id }),
      true,
    ),
});
