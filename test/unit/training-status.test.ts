import type { Person } from '../../services/directory/person';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import type { TrainingRecord } from '../../services/training/training-record';
import { expiryOf, trainingStatus } from '../../services/training/training-status';
import { countTrainingStates } from '../../services/training/training-summary';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, overrides: Partial<Person> = {}): Person {
  return { id: id(n), name: `Agent ${n}`, service: 'ACCUEIL', roles: ['agent'], toAssign: false, createdAt: '2022-01-10T09:00:00.000Z', ...overrides };
}

function record(personId: string, typeId: string, completedOn: string, declaredAt = `${completedOn}T12:00:00.000Z`): TrainingRecord {
  return { personId, typeId, completedOn, title: 'Session', mode: 'presentiel', declaredBy: personId, declaredAt };
}

const camille = person(101);

describe('expiry of a completion (completion + validity)', () => {
  it.each([
    ['2023-03-12', 48, '2027-03-12'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2096-02-29', 48, '2100-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-31'],
  ])('%s + %i months expires on %s', (completedOn, months, expected) => {
    expect(expiryOf(completedOn, months)).toBe(expected);
  });

  it('refuses a day that does not exist and a validity below one month', () => {
    expect(() => expiryOf('2023-02-29', 48)).toThrow(RangeError);
    expect(() => expiryOf('2023-03-12', 0)).toThrow(RangeError);
  });
});

describe('training status of a person (DOMAIN §2)', () => {
  // Induction completed 2023-03-12, expires 2027-03-12; 180 days before is 2026-09-13.
  const records = [record(camille.id, 'accueil-prise-de-poste', '2023-03-12')];
  const induction = (today: string) => trainingStatus(camille, defaultTrainingTypes, records, today)[0];

  it('lists one line per covered type, in catalogue order, missing when nothing is on record', () => {
    expect(trainingStatus(camille, defaultTrainingTypes, records, '2026-01-05')).toEqual([
      { typeId: 'accueil-prise-de-poste', lastCompletedOn: '2023-03-12', expiresOn: '2027-03-12', state: 'valid', daysLeft: 431 },
      { typeId: 'formation-continue', state: 'missing' },
    ]);
  });

  it.each([
    ['2026-09-12', 'valid', 181],
    ['2026-09-13', 'expiring', 180],
    ['2027-03-11', 'expiring', 1],
    ['2027-03-12', 'expired', 0],
    ['2027-03-13', 'expired', -1],
  ])('on %s the induction is %s with %i days left', (today, state, daysLeft) => {
    expect(induction(today)).toMatchObject({ state, daysLeft, expiresOn: '2027-03-12' });
  });

  it('keeps the latest completion, whatever the order of the records', () => {
    const renewed = [
      record(camille.id, 'accueil-prise-de-poste', '2027-01-20'),
      ...records,
      record(camille.id, 'accueil-prise-de-poste', '2025-06-02'),
    ];
    expect(trainingStatus(camille, defaultTrainingTypes, renewed, '2027-03-12')[0]).toEqual({
      typeId: 'accueil-prise-de-poste',
      lastCompletedOn: '2027-01-20',
      expiresOn: '2031-01-20',
      state: 'valid',
      daysLeft: 1410,
    });
  });

  it("ignores other people's records and records of types the person is not required to hold", () => {
    const others = [record(id(102), 'formation-continue', '2026-01-05'), record(camille.id, 'exigences-web', '2026-01-05')];
    expect(trainingStatus(camille, defaultTrainingTypes, others, '2026-02-01').map((line) => [line.typeId, line.state])).toEqual([
      ['accueil-prise-de-poste', 'missing'],
      ['formation-continue', 'missing'],
    ]);
  });

  it('counts the states of a service for its manager', () => {
    const hugo = person(102);
    const all = [
      ...records,
      record(camille.id, 'formation-continue', '2026-06-01'),
      record(hugo.id, 'formation-continue', '2022-05-01'),
    ];
    // Camille: induction expiring, continuous valid. Hugo: induction missing, continuous expired on 2026-05-01.
    expect(countTrainingStates([camille, hugo], defaultTrainingTypes, all, '2026-10-01')).toEqual({
      valid: 1,
      expiring: 1,
      expired: 1,
      missing: 1,
    });
  });
});
