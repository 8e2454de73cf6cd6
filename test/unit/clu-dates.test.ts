import fc from 'fast-check';
import { addMonths, formatMeetingStart, meetingTime, nextMeetingDue, upcomingMeeting } from '../../services/clu/clu-dates';
import { answerInvitation, cancelMeeting, currentAnswer, markHeld, recordMinutes } from '../../services/clu/clu-steps';
import { addCalendarDays, isLocalDate } from '../../services/reminders/calendar';
import { answer, calendar, cast, heldMeeting, plannedMeeting } from './clu-fixtures';

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addCalendarDays('2000-01-01', n));

describe('CLU dates (DOMAIN §4: at least once a year)', () => {
  it('adds months with the day clamped to the month’s end', () => {
    expect(addMonths('2026-02-17', 12)).toBe('2027-02-17');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-05-31', -3)).toBe('2027-02-28');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(() => addMonths('2027-02-30', 1)).toThrow(RangeError);
  });

  it('always lands on an existing day, never more than 3 days off the same day number', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -36, max: 36 }), (date, months) => {
        const moved = addMonths(date, months);
        expect(isLocalDate(moved)).toBe(true);
        const wantedMonth = (Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months) % 12;
        expect(Number(moved.slice(5, 7)) - 1).toBe(wantedMonth);
        expect(Number(date.slice(8, 10)) - Number(moved.slice(8, 10))).toBeGreaterThanOrEqual(0);
        expect(Number(date.slice(8, 10)) - Number(moved.slice(8, 10))).toBeLessThanOrEqual(3);
      }),
    );
  });

  it('reads the start in Paris time, in both languages', () => {
    expect(formatMeetingStart('2027-02-16T13:00:00.000Z', 'fr', 'Europe/Paris')).toBe('mardi 16 février 2027 à 14:00');
    expect(formatMeetingStart('2027-06-15T07:30:00.000Z', 'en', 'Europe/Paris')).toBe('Tuesday, 15 June 2027 at 09:30');
    expect(meetingTime({ startsAt: '2027-06-15T07:30:00.000Z' }, 'Europe/Paris')).toBe('09:30');
  });

  it('puts the next meeting 12 months after the last one held, whatever was cancelled since', () => {
    const now = new Date('2026-11-23T09:00:00.000Z');
    const cancelled = plannedMeeting({ id: 'CLU-2026-2', startsAt: '2026-10-13T12:00:00.000Z', state: 'cancelled', cancelledAt: '2026-10-01T08:00:00.000Z' });
    expect(nextMeetingDue([heldMeeting(), cancelled], now, calendar)).toMatchObject({ dueOn: '2027-02-17', basisDay: '2026-02-17', basis: { id: 'CLU-2026' } });
    expect(nextMeetingDue([], now, calendar)).toBeUndefined();
    expect(nextMeetingDue([cancelled], now, calendar)).toBeUndefined();
  });

  it('counts from a planned meeting whose date has passed even if nobody marked it held, not from one to come', () => {
    const planned = plannedMeeting();
    expect(nextMeetingDue([heldMeeting(), planned], new Date('2027-03-01T09:00:00.000Z'), calendar)?.dueOn).toBe('2027-02-17');
    expect(nextMeetingDue([heldMeeting(), planned], new Date('2027-03-17T09:00:00.000Z'), calendar)?.dueOn).toBe('2028-03-16');
    expect(upcomingMeeting([heldMeeting(), planned], new Date('2027-03-01T09:00:00.000Z'))?.id).toBe('CLU-2027');
    expect(upcomingMeeting([heldMeeting(), planned], new Date('2027-03-16T13:00:00.000Z'))).toBeUndefined();
  });
});

describe('steps on a meeting: held, minutes, cancelled, answers', () => {
  const now = new Date('2027-03-17T09:00:00.000Z');
  const context = { revision: 0, today: '2027-03-17', meetingDay: '2027-03-16', now };

  it('marks a meeting held on its day or later: minutes due a month after', () => {
    const held = markHeld(plannedMeeting(), '2027-03-16', context);
    expect(held.ok && held.meeting).toMatchObject({ state: 'held', heldOn: '2027-03-16', heldAt: now.toISOString(), minutesDueOn: '2027-04-16', revision: 1 });
    expect(markHeld(plannedMeeting(), '2027-03-15', context)).toEqual({ ok: false, reason: 'La réunion était prévue le 16/03/2027 : elle ne peut pas avoir été tenue avant. Rien n’a été enregistré.' });
    expect(markHeld(plannedMeeting(), '2027-03-18', context)).toEqual({ ok: false, reason: 'Cette date est dans le futur (aujourd’hui : 17/03/2027). Rien n’a été enregistré.' });
    expect(markHeld(plannedMeeting(), '2027-03-16', { ...context, revision: 3 })).toMatchObject({ ok: false, reason: expect.stringContaining('plus à jour') });
    expect(markHeld(heldMeeting({ revision: 0 }), '2027-03-16', context)).toMatchObject({ ok: false, reason: expect.stringContaining('n’est plus planifiée') });
  });

  it('records the minutes once, not before the meeting nor in the future', () => {
    const meeting = heldMeeting({ heldOn: '2027-03-16', startsAt: '2027-03-16T13:00:00.000Z', minutesDueOn: '2027-04-16', minutesRecordedOn: undefined, revision: 0 });
    expect(recordMinutes(meeting, '2027-03-17', context)).toMatchObject({ ok: true, meeting: { minutesRecordedOn: '2027-03-17', revision: 1 } });
    expect(recordMinutes(meeting, '2027-03-15', context)).toEqual({ ok: false, reason: 'Le compte rendu ne peut pas précéder la réunion (16/03/2027). Rien n’a été enregistré.' });
    expect(recordMinutes(meeting, 'hier', context)).toEqual({ ok: false, reason: 'Date invalide : attendu AAAA-MM-JJ. Rien n’a été enregistré.' });
    expect(recordMinutes({ ...meeting, minutesRecordedOn: '2027-03-16' }, '2027-03-17', context)).toEqual({ ok: false, reason: 'La date du compte rendu est déjà enregistrée (16/03/2027).' });
    expect(recordMinutes(plannedMeeting(), '2027-03-17', context)).toEqual({ ok: false, reason: 'Marquez d’abord la réunion comme tenue. Rien n’a été enregistré.' });
  });

  it('cancels a planned meeting with an optional reason', () => {
    expect(cancelMeeting(plannedMeeting(), '  ', context)).toMatchObject({ ok: true, meeting: { state: 'cancelled', cancelledAt: now.toISOString(), cancelReason: undefined } });
    expect(cancelMeeting(plannedMeeting(), 'Report au printemps', context)).toMatchObject({ ok: true, meeting: { cancelReason: 'Report au printemps' } });
    expect(cancelMeeting(plannedMeeting(), 'x'.repeat(301), context)).toMatchObject({ ok: false });
  });

  it('lets a member answer and change their mind until the meeting starts; the same answer twice changes nothing', () => {
    const meeting = plannedMeeting();
    const before = new Date('2027-03-10T09:00:00.000Z');
    const first = answerInvitation(meeting, cast.megan.id, 'present', undefined, before);
    expect(first).toEqual({ ok: true, changed: true, answer: answer(cast.megan.id, 'present', { answeredAt: before.toISOString() }) });
    const given = answer(cast.megan.id, 'present');
    expect(answerInvitation(meeting, cast.megan.id, 'present', given, before)).toEqual({ ok: true, changed: false, answer: given });
    expect(answerInvitation(meeting, cast.megan.id, 'excused', given, before)).toMatchObject({ ok: true, changed: true, answer: { answer: 'excused' } });
    expect(answerInvitation(meeting, cast.rose.id, 'present', undefined, before)).toEqual({ ok: false, reason: 'Vous ne figurez pas parmi les membres invités à cette réunion.' });
    expect(answerInvitation(meeting, cast.megan.id, 'excused', given, new Date(meeting.startsAt))).toEqual({ ok: false, reason: 'La réunion a commencé : la réponse ne peut plus changer.' });
    expect(answerInvitation(meeting, cast.megan.id, 'present', undefined, before, 'en')).toMatchObject({ ok: true });
  });

  it('asks again after a move: an answer given for the old date no longer counts', () => {
    const moved = plannedMeeting({ startsAt: '2027-03-23T13:00:00.000Z' });
    const old = answer(cast.megan.id, 'present');
    expect(currentAnswer(plannedMeeting(), old)).toBe('present');
    expect(currentAnswer(moved, old)).toBeUndefined();
    expect(answerInvitation(moved, cast.megan.id, 'present', old, new Date('2027-03-10T09:00:00.000Z'))).toMatchObject({ ok: true, changed: true, answer: { forStartsAt: moved.startsAt } });
  });
});
