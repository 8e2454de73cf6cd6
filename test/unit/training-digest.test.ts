import type { Person } from '../../services/directory/person';
import { WorkingCalendar } from '../../services/reminders/calendar';
import type { PlannedReminder } from '../../services/reminders/reminder';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { digestText, planManagerTrainingDigests } from '../../services/training/training-digest';
import type { TrainingPlanInput } from '../../services/training/training-planner';
import type { TrainingRecord } from '../../services/training/training-record';
import { sweepWindows } from '../support/sweep-windows';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, service: string, roles: Person['roles'] = ['agent']): Person {
  return { id: id(n), name: `Agent ${n}`, service, roles, toAssign: false, createdAt: '2020-01-10T09:00:00.000Z' };
}

function record(who: Person, typeId: string, completedOn: string): TrainingRecord {
  return { personId: who.id, typeId, completedOn, title: 'Session', mode: 'e-learning', declaredBy: who.id, declaredAt: `${completedOn}T12:00:00.000Z` };
}

const megan = person(21, 'BMI', ['agent', 'manager']);
const adele = person(22, 'BMI');
const louis = person(104, 'BMI');
const lynne = person(25, 'CERT', ['agent', 'manager']);
const emma = person(107, 'CERT');
const floatingManager: Person = { ...person(198, 'BLS', ['manager']), service: undefined };

// As of January 2027 in BMI (continuous 4.2, fraud 23.1, foreigners' titles E.28 each): 3 expired, 2 expiring.
const records: TrainingRecord[] = [
  record(megan, 'formation-continue', '2022-06-01'),
  record(megan, 'lutte-contre-la-fraude', '2023-03-01'),
  record(megan, 'plan-formation-titres-etrangers', '2025-01-01'),
  record(adele, 'formation-continue', '2022-09-01'),
  record(adele, 'lutte-contre-la-fraude', '2024-01-01'),
  record(adele, 'plan-formation-titres-etrangers', '2023-05-01'),
  record(louis, 'formation-continue', '2021-01-01'),
  record(louis, 'lutte-contre-la-fraude', '2025-01-01'),
  record(louis, 'plan-formation-titres-etrangers', '2026-01-01'),
  // CERT is up to date until 2029.
  record(lynne, 'formation-continue', '2025-09-01'),
  record(lynne, 'lutte-contre-la-fraude', '2025-09-01'),
  record(emma, 'formation-continue', '2025-10-01'),
  record(emma, 'lutte-contre-la-fraude', '2025-10-01'),
];

const base = { people: [megan, adele, louis, lynne, emma, floatingManager], types: defaultTrainingTypes, records, calendar };

const sweep = (input: Omit<TrainingPlanInput, 'now' | 'since'>, from: string, to: string, everyHours = 6): PlannedReminder[][] =>
  sweepWindows(planManagerTrainingDigests, input, from, to, everyHours);

describe("the managers' monthly training digest (DOMAIN §2)", () => {
  it('goes to each manager whose service has trainings to follow up, on the first working day of each month', () => {
    const planned = sweep(base, '2027-01-01T00:00:00Z', '2027-04-30T00:00:00Z').flat();
    expect(planned.map(({ key, notBefore }) => [key, notBefore])).toEqual([
      [`training-digest:${megan.id}:2026-12`, '2026-12-01T07:30:00.000Z'], // the first sweep catches up with December's
      [`training-digest:${megan.id}:2027-01`, '2027-01-04T07:30:00.000Z'], // 1 January is a holiday, then a weekend
      [`training-digest:${megan.id}:2027-02`, '2027-02-01T07:30:00.000Z'],
      [`training-digest:${megan.id}:2027-03`, '2027-03-01T07:30:00.000Z'],
      [`training-digest:${megan.id}:2027-04`, '2027-04-01T06:30:00.000Z'], // summer time
    ]);
  });

  it('counts the expired, never declared and expiring trainings of the service as of the digest day', () => {
    const [january] = planManagerTrainingDigests({ ...base, since: new Date('2027-01-01T00:00:00Z'), now: new Date('2027-01-05T00:00:00Z') });
    expect(january).toEqual({
      key: `training-digest:${megan.id}:2027-01`,
      recipientId: megan.id,
      notBefore: '2027-01-04T07:30:00.000Z',
      text: {
        fr: {
          title: 'Formations du service BMI : point de janvier 2027',
          detail: '3 formations expirées, 2 à renouveler dans les 6 mois — service BMI',
        },
        en: {
          title: 'Training in service BMI: January 2027 summary',
          detail: '3 trainings expired, 2 due for renewal within 6 months — service BMI',
        },
      },
      action: { verb: 'command.run', data: { command: 'training' }, title: { fr: 'Voir le suivi', en: 'View' } },
    });
    // By March, Megan's fraud training (2023-03-01) has expired too.
    const [march] = planManagerTrainingDigests({ ...base, since: new Date('2027-03-01T00:00:00Z'), now: new Date('2027-03-02T00:00:00Z') });
    expect(march?.text.fr.detail).toBe('4 formations expirées, 1 à renouveler dans les 6 mois — service BMI');
  });

  it('names never-declared trainings and agrees in number', () => {
    expect(digestText('CERT', '2027-05', { valid: 3, expiring: 0, expired: 0, missing: 1 }).fr.detail).toBe(
      '1 formation jamais déclarée — service CERT',
    );
    expect(digestText('CERT', '2027-05', { valid: 0, expiring: 1, expired: 1, missing: 2 })).toEqual({
      fr: {
        title: 'Formations du service CERT : point de mai 2027',
        detail: '1 formation expirée, 2 jamais déclarées, 1 à renouveler dans les 6 mois — service CERT',
      },
      en: {
        title: 'Training in service CERT: May 2027 summary',
        detail: '1 training expired, 2 never declared, 1 due for renewal within 6 months — service CERT',
      },
    });
  });

  it('plans only the current month on the first sweep, and nothing before its first working day', () => {
    const planned = planManagerTrainingDigests({ ...base, now: new Date('2027-02-20T10:00:00Z') });
    expect(planned.map((reminder) => reminder.key)).toEqual([`training-digest:${megan.id}:2027-02`]);
    const onNewYear = planManagerTrainingDigests({ ...base, now: new Date('2027-01-02T10:00:00Z') });
    expect(onNewYear.map((reminder) => reminder.key)).toEqual([`training-digest:${megan.id}:2026-12`]);
  });

  it('skips managers of a service with everything valid and managers without a service', () => {
    const recipients = sweep(base, '2027-01-01T00:00:00Z', '2027-12-31T00:00:00Z', 24)
      .flat()
      .map((reminder) => reminder.recipientId);
    expect(new Set(recipients)).toEqual(new Set([megan.id]));
    const upToDate = planManagerTrainingDigests({
      ...base,
      people: [lynne, emma],
      since: new Date('2027-01-01T00:00:00Z'),
      now: new Date('2027-12-31T00:00:00Z'),
    });
    expect(upToDate).toEqual([]);
  });
});
