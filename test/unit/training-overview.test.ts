import type { Person } from '../../services/directory/person';
import { demoPeople } from '../../services/demo/demo-directory';
import { demoTrainingRecords } from '../../services/demo/demo-training-records';
import { defaultTrainingTypes } from '../../services/training/default-training-types';
import { declarablePeople, followedPeople, trainingOverview, trainingScopeOf } from '../../services/training/training-overview';
import { trainingRecordSchema, type TrainingRecord } from '../../services/training/training-record';
import { trainingStatus } from '../../services/training/training-status';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;

function person(n: number, overrides: Partial<Person> = {}): Person {
  return { id: id(n), name: `Agent ${n}`, service: 'BMI', roles: ['agent'], toAssign: false, createdAt: '2022-01-10T09:00:00.000Z', ...overrides };
}

function record(personId: string, typeId: string, completedOn: string): TrainingRecord {
  return { personId, typeId, completedOn, title: 'Session', mode: 'presentiel', declaredBy: personId, declaredAt: `${completedOn}T12:00:00.000Z` };
}

const today = '2027-01-04';

describe('who sees which trainings in « formations »', () => {
  it('gives the quality officer and admins everything, a manager their service, anyone else their own', () => {
    expect(trainingScopeOf({ roles: ['rq'], service: 'SGCD' })).toEqual({ kind: 'all' });
    expect(trainingScopeOf({ roles: ['agent', 'admin'], service: 'SIDSIC' })).toEqual({ kind: 'all' });
    expect(trainingScopeOf({ roles: ['agent', 'manager'], service: 'BMI' })).toEqual({ kind: 'service', service: 'BMI' });
    expect(trainingScopeOf({ roles: ['manager'], service: undefined })).toEqual({ kind: 'own' });
    expect(trainingScopeOf({ roles: ['agent', 'fraud-referent'], service: 'SG' })).toEqual({ kind: 'own' });
  });

  it('leaves out people still waiting in « annuaire » for a service', () => {
    expect(followedPeople([person(1), person(2, { toAssign: true, service: undefined })]).map((p) => p.id)).toEqual([id(1)]);
  });
});

describe('the training overview of a group (manager digest, quality officer, yearly report)', () => {
  // BMI owes formation-continue (4.2), lutte-contre-la-fraude (23.1) and plan-formation-titres-etrangers (E.28).
  const upToDate = person(1, { name: 'Zoé Valide' });
  const lapsed = person(2, { name: 'Bruno Expiré' });
  const newcomer = person(3, { name: 'Alice Nouvelle' });
  const records = [
    ...['formation-continue', 'lutte-contre-la-fraude', 'plan-formation-titres-etrangers'].map((type) => record(upToDate.id, type, '2026-06-01')),
    record(lapsed.id, 'formation-continue', '2022-05-02'), // expired 2026-05-02
    record(lapsed.id, 'lutte-contre-la-fraude', '2023-03-01'), // expires 2027-03-01: within 180 days
  ];
  const overview = trainingOverview([upToDate, lapsed, newcomer], defaultTrainingTypes, records, today);

  it('counts every (person, training) pair by state, in total and per type', () => {
    expect(overview.totals).toEqual({ valid: 3, expiring: 1, expired: 1, missing: 4 });
    const continuous = overview.byType.find(({ type }) => type.id === 'formation-continue');
    expect(continuous?.counts).toEqual({ valid: 1, expiring: 0, expired: 1, missing: 1 });
    expect(overview.byType.find(({ type }) => type.id === 'accueil-prise-de-poste')?.counts).toEqual({ valid: 0, expiring: 0, expired: 0, missing: 0 });
  });

  it('lists the most urgent people first (expired, never declared, expiring, valid), then by name', () => {
    expect(overview.people.map(({ person: p, worst }) => [p.name, worst])).toEqual([
      ['Bruno Expiré', 'expired'],
      ['Alice Nouvelle', 'missing'],
      ['Zoé Valide', 'valid'],
    ]);
  });

  it('leaves inactive types out of the counts', () => {
    const types = defaultTrainingTypes.map((type) => (type.id === 'formation-continue' ? { ...type, active: false } : type));
    const without = trainingOverview([newcomer], types, [], today);
    expect(without.byType.map(({ type }) => type.id)).not.toContain('formation-continue');
    expect(without.totals.missing).toBe(2);
  });
});

describe('whom a declarer may record a training for (issue: manager for the service, RQ for anyone)', () => {
  const manager = person(21, { name: 'Megan Bowen', roles: ['agent', 'manager'] });
  const colleague = person(22, { name: 'Adele Vance' });
  const elsewhere = person(25, { name: 'Lynne Robbins', service: 'CERT' });
  const qualityOfficer = person(20, { name: 'Alex Wilber', service: 'SGCD', roles: ['rq', 'admin'] });
  const everyone = [colleague, elsewhere, qualityOfficer, manager];

  it('offers an agent only themself', () => {
    expect(declarablePeople(colleague, everyone).map((p) => p.name)).toEqual(['Adele Vance']);
  });

  it('offers a manager themself first, then their service', () => {
    expect(declarablePeople(manager, everyone).map((p) => p.name)).toEqual(['Megan Bowen', 'Adele Vance']);
  });

  it('offers the quality officer everyone, themself first, then by service and name', () => {
    expect(declarablePeople(qualityOfficer, everyone).map((p) => p.name)).toEqual(['Alex Wilber', 'Adele Vance', 'Megan Bowen', 'Lynne Robbins']);
  });
});

describe('demo training records', () => {
  const records = demoTrainingRecords(today, '2027-01-04T09:00:00.000Z');
  const people = demoPeople.map((p) => ({ ...p, toAssign: false, createdAt: '2026-01-01T00:00:00.000Z' }));

  it('are valid records of known types, at most one per person, type and day', () => {
    for (const demo of records) expect(trainingRecordSchema.parse(demo)).toEqual(demo);
    expect(records.every((demo) => defaultTrainingTypes.some((type) => type.id === demo.typeId))).toBe(true);
    expect(new Set(records.map((demo) => `${demo.personId}|${demo.typeId}|${demo.completedOn}`)).size).toBe(records.length);
  });

  it('show every state, with Alex’s continuous training due for renewal and his quality-referent training valid', () => {
    const alex = people.find((p) => p.name === 'Alex Wilber') as Person;
    expect(trainingStatus(alex, defaultTrainingTypes, records, today).map((line) => [line.typeId, line.state])).toEqual([
      ['formation-continue', 'expiring'],
      ['referents-qualite', 'valid'],
    ]);
    const states = new Set(people.flatMap((p) => trainingStatus(p, defaultTrainingTypes, records, today).map((line) => line.state)));
    expect(states).toEqual(new Set(['valid', 'expiring', 'expired', 'missing']));
  });

  it('are dated from the seeding day: the same day gives the same records', () => {
    expect(demoTrainingRecords(today, 'x')).toEqual(records.map((demo) => ({ ...demo, declaredAt: 'x' })));
    expect(demoTrainingRecords('2028-01-04', 'x')[0]?.completedOn).toBe('2024-04-24');
  });
});
