import type { CluAnswer, CluMeeting } from '../../services/clu/clu-meeting';
import { standardCluAgenda } from '../../services/clu/clu-meeting';
import type { Person } from '../../services/directory/person';
import { WorkingCalendar } from '../../services/reminders/calendar';

/** The prefecture's calendar (Paris, metropolitan holidays). */
export const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(13, '0')}`;
const person = (n: number, name: string, service: string, roles: Person['roles'], email?: string): Person => ({
  id: id(n),
  name,
  email,
  service,
  roles,
  toAssign: false,
  createdAt: '2026-01-05T09:00:00.000Z',
});

/** The people of the CLU tests: the quality officer, two managers (members), the chair. */
export const cast = {
  rq: person(20, 'Alex Wilber', 'SGCD', ['agent', 'rq', 'admin'], 'alex.wilber@cher.gouv.fr'),
  megan: person(21, 'Megan Bowen', 'BMI', ['agent', 'manager'], 'megan.bowen@cher.gouv.fr'),
  lynne: person(25, 'Lynne Robbins', 'CERT', ['agent', 'manager'], 'lynne.robbins@cher.gouv.fr'),
  rose: person(121, 'Rose Morel', 'SG', ['agent', 'manager'], 'rose.morel@cher.gouv.fr'),
};

/** Everyone of the cast, as the directory lists them. */
export const people: Person[] = Object.values(cast);

/** The meeting held on Tuesday 17 February 2026 at 14:00 (13:00Z), minutes due a month later. */
export function heldMeeting(overrides: Partial<CluMeeting> = {}): CluMeeting {
  return {
    id: 'CLU-2026',
    startsAt: '2026-02-17T13:00:00.000Z',
    place: 'Préfecture du Cher, salle Jean Moulin',
    audioConference: true,
    chairId: cast.rose.id,
    chairName: 'Rose Morel',
    agenda: standardCluAgenda(2026),
    memberIds: [cast.rq.id, cast.megan.id, cast.lynne.id],
    outsideMembers: [{ name: 'M. Lagonotte', organisation: 'UDAF du Cher' }],
    state: 'held',
    scheduledAt: '2026-01-12T09:00:00.000Z',
    heldOn: '2026-02-17',
    heldAt: '2026-02-17T16:00:00.000Z',
    minutesDueOn: '2026-03-17',
    minutesRecordedOn: '2026-03-10',
    createdBy: cast.rq.id,
    createdAt: '2026-01-12T09:00:00.000Z',
    revision: 2,
    ...overrides,
  };
}

/** The next meeting, planned on 1 February 2027 for Tuesday 16 March 2027 at 14:00 (13:00Z). */
export function plannedMeeting(overrides: Partial<CluMeeting> = {}): CluMeeting {
  return {
    ...heldMeeting(),
    id: 'CLU-2027',
    startsAt: '2027-03-16T13:00:00.000Z',
    agenda: standardCluAgenda(2027),
    state: 'scheduled',
    scheduledAt: '2027-02-01T09:00:00.000Z',
    heldOn: undefined,
    heldAt: undefined,
    minutesDueOn: '2027-04-16',
    minutesRecordedOn: undefined,
    createdAt: '2027-02-01T09:00:00.000Z',
    revision: 0,
    ...overrides,
  };
}

/** An answer to the planned meeting, given for its current start unless told otherwise. */
export function answer(personId: string, value: CluAnswer['answer'], overrides: Partial<CluAnswer> = {}): CluAnswer {
  return { meetingId: 'CLU-2027', personId, answer: value, answeredAt: '2027-02-02T10:00:00.000Z', forStartsAt: '2027-03-16T13:00:00.000Z', ...overrides };
}
