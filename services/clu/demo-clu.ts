import { workingDayOnOrBefore } from '../action-plan/action-reminder-stages';
import { addCalendarDays, type WorkingCalendar } from '../reminders/calendar';
import { addMonths } from './clu-dates';
import { standardCluAgenda, type CluAnswer, type CluMeeting } from './clu-meeting';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;

/**
 * The demo's internal members (services/demo/demo-directory.ts): the chair (Rose Morel, SG), the quality officer,
 * the fraud referent and the heads of the services the 2021 minutes list (BMI, CERT, accueil, BREC, DAT, SIDSIC, DSC).
 */
export const demoCluMemberIds: readonly string[] = [121, 20, 23, 21, 25, 103, 110, 114, 24, 117].map(id);

/** The outside members of the 2021 minutes (seed 003), by organisation. */
export const demoOutsideMembers = [
  { name: 'M. Lagonotte', organisation: 'UDAF du Cher' },
  { name: 'M. Personnat', organisation: 'UFC-Que Choisir du Cher' },
  { name: 'M. Beaume', organisation: 'APF France handicap — délégation du Cher' },
  { name: 'M. Belhadj', organisation: 'Défenseur des droits' },
];

/**
 * The last CLU of the demo: held about 11 months before the seeding day, on a working day at 14:00, in the salle
 * Jean Moulin with members in audio conference (as in February 2021), minutes recorded 3 weeks later. So the next
 * meeting is due in about a month and the quality officer's « 1 month ahead » reminder is due now.
 */
export function demoCluMeetings(now: Date, calendar: WorkingCalendar): { meetings: CluMeeting[]; answers: CluAnswer[] } {
  const today = calendar.localDateOf(now);
  const heldOn = workingDayOnOrBefore(addMonths(today, -11), calendar);
  const startsAt = calendar.localInstant(heldOn, '14:00').toISOString();
  const scheduledAt = calendar.localInstant(addMonths(heldOn, -1), '10:00').toISOString();
  const heldAt = calendar.localInstant(heldOn, '17:00').toISOString();
  const meeting: CluMeeting = {
    id: `CLU-${heldOn.slice(0, 4)}`,
    startsAt,
    place: 'Préfecture du Cher, salle Jean Moulin',
    audioConference: true,
    dialIn: 'Numéro et code envoyés aux membres par courriel',
    chairId: id(121),
    chairName: 'Rose Morel',
    agenda: standardCluAgenda(Number(heldOn.slice(0, 4))),
    memberIds: [...demoCluMemberIds],
    outsideMembers: demoOutsideMembers,
    state: 'held',
    scheduledAt,
    heldOn,
    heldAt,
    minutesDueOn: addMonths(heldOn, 1),
    minutesRecordedOn: calendar.nextWorkingDay(addCalendarDays(heldOn, 20)),
    createdBy: id(20),
    createdAt: scheduledAt,
    revision: 3,
  };
  const answer = (n: number, value: CluAnswer['answer']): CluAnswer => ({ meetingId: meeting.id, personId: id(n), answer: value, answeredAt: scheduledAt, forStartsAt: startsAt });
  return { meetings: [meeting], answers: [answer(121, 'present'), answer(20, 'present'), answer(21, 'present'), answer(25, 'present'), answer(117, 'excused')] };
}
