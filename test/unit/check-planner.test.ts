import fc from 'fast-check';
import type { CheckAnswer, CheckItem } from '../../services/checks/check-item';
import { planCheckReminders } from '../../services/checks/check-planner';
import { decideCheckAnswer } from '../../services/checks/check-rules';
import type { Role } from '../../services/directory/roles';
import { WorkingCalendar } from '../../services/reminders/calendar';
import { quarterById } from '../../services/reminders/quarter';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const owner = 'aaaaaaaa-0000-4000-8000-00000000000a';
const manager = 'bbbbbbbb-0000-4000-8000-00000000000b';
const rq = 'cccccccc-0000-4000-8000-00000000000c';
const people: { id: string; name: string; service?: string; roles: Role[] }[] = [
  { id: owner, name: 'Owner', service: 'BMI', roles: ['agent'] },
  { id: manager, name: 'Manager', service: 'BMI', roles: ['agent', 'manager'] },
  { id: rq, name: 'RQ', service: 'SGCD', roles: ['rq'] },
];
const item: CheckItem = {
  id: 'HALL-HORAIRES',
  label: 'Horaires',
  commitment: '1.2',
  location: 'hall',
  ownerId: owner,
  service: 'BMI',
  active: true,
  createdAt: '2026-06-01T00:00:00.000Z',
};

function plan(now: string, since?: string, answers: CheckAnswer[] = [], items = [item]) {
  return planCheckReminders({ items, answers, people, calendar, now: new Date(now), since: since ? new Date(since) : undefined });
}

const answer = (quarter: string): CheckAnswer => ({
  itemId: item.id,
  quarter,
  answer: 'verified',
  answeredBy: owner,
  answeredAt: '2027-01-05T09:00:00.000Z',
  late: false,
});

describe('quarterly check reminders (pure planner)', () => {
  it('reminds the owner on the quarter’s first working day at 08:30 Paris, and escalates the unanswered last quarter', () => {
    // 1 January 2027 is a holiday, 2-3 a weekend: the first working day is Monday 4 January (08:30 = 07:30Z).
    const reminders = plan('2027-01-04T09:00:00.000Z');
    expect(reminders.map((r) => [r.key, r.recipientId, r.notBefore])).toEqual([
      ['check:HALL-HORAIRES:2027-Q1:start', owner, '2027-01-04T07:30:00.000Z'],
      ['check:HALL-HORAIRES:2026-Q4:escalation', manager, '2027-01-04T07:30:00.000Z'],
      ['check:HALL-HORAIRES:2026-Q4:escalation', rq, '2027-01-04T07:30:00.000Z'],
    ]);
    expect(reminders[0]?.text.fr.detail).toBe('À confirmer avant le 31/03/2027 (T1 2027)');
    expect(reminders[0]?.action).toEqual({ verb: 'check.open', data: { itemId: item.id, quarter: '2027-Q1' }, title: { fr: 'Répondre', en: 'Answer' } });
  });

  it('plans nothing before 08:30 on that day', () => {
    expect(plan('2027-01-04T07:00:00.000Z')).toEqual([]);
  });

  it('reminds again 15 days before the end (summer time: 08:30 = 06:30Z), only while unanswered', () => {
    const reminders = plan('2027-06-15T12:00:00.000Z', '2027-06-14T12:00:00.000Z');
    expect(reminders.map((r) => [r.key, r.notBefore])).toEqual([['check:HALL-HORAIRES:2027-Q2:before-end', '2027-06-15T06:30:00.000Z']]);
    expect(plan('2027-06-15T12:00:00.000Z', '2027-06-14T12:00:00.000Z', [answer('2027-Q2')])).toEqual([]);
  });

  it('does not escalate a quarter that was answered, nor one before the item existed', () => {
    expect(plan('2027-01-04T09:00:00.000Z', undefined, [answer('2026-Q4')]).map((r) => r.key)).toEqual(['check:HALL-HORAIRES:2027-Q1:start']);
    const young = { ...item, createdAt: '2027-01-02T00:00:00.000Z' };
    expect(plan('2027-01-04T09:00:00.000Z', undefined, [], [young]).map((r) => r.key)).toEqual(['check:HALL-HORAIRES:2027-Q1:start']);
  });

  it('owes nothing for a retired item', () => {
    expect(plan('2027-01-04T09:00:00.000Z', undefined, [], [{ ...item, active: false }])).toEqual([]);
  });

  it('on a first sweep mid-quarter, reminds the owner once (latest stage), not once per stage already past', () => {
    const toOwner = plan('2027-03-20T10:00:00.000Z').filter((r) => r.recipientId === owner);
    expect(toOwner.map((r) => r.key)).toEqual(['check:HALL-HORAIRES:2027-Q1:before-end']);
  });

  it('plans each key once over a year of sweeps every 6 hours, whatever the windows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 5, maxLength: 40 }), (steps) => {
        const seen = new Map<string, number>();
        let since = new Date('2027-01-01T00:00:00.000Z');
        const end = Date.UTC(2028, 0, 1);
        for (let i = 0, at = since.getTime(); at < end; i += 1) {
          at = Math.min(end, at + (steps[i % steps.length] ?? 1) * 6 * 3600_000);
          const now = new Date(at);
          for (const r of planCheckReminders({ items: [item], answers: [], people, calendar, now, since })) {
            const id = `${r.key}|${r.recipientId}`;
            seen.set(id, (seen.get(id) ?? 0) + 1);
            expect(new Date(r.notBefore) <= now && new Date(r.notBefore) > since).toBe(true);
            expect(calendar.nextSendingInstant(new Date(r.notBefore)).toISOString()).toBe(r.notBefore);
          }
          since = now;
        }
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        // Over 2027 after 1 January: Q1-Q4 start and before-end for the owner, and escalations of 2026-Q4..2027-Q3.
        expect([...seen.keys()].filter((k) => k.endsWith(`start|${owner}`))).toHaveLength(4);
        expect([...seen.keys()].filter((k) => k.includes(':before-end|'))).toHaveLength(4);
      }),
      { numRuns: 200 },
    );
  });
});

describe('answering a check', () => {
  const q1 = quarterById('2027-Q1');
  const now = new Date('2027-01-05T09:00:00.000Z');

  it('records the owner’s answer, with today as the new update date', () => {
    expect(decideCheckAnswer(item, q1, { id: owner }, { answer: 'updated' }, '2027-01-05', now)).toEqual({
      ok: true,
      answer: { itemId: item.id, quarter: '2027-Q1', answer: 'updated', updatedOn: '2027-01-05', problem: undefined, answeredBy: owner, answeredAt: now.toISOString(), late: false },
    });
  });

  it('refuses someone else, a problem without text, a retired item and a future quarter', () => {
    expect(decideCheckAnswer(item, q1, { id: manager }, { answer: 'verified' }, '2027-01-05', now)).toMatchObject({ ok: false, reason: expect.stringContaining('confié à une autre personne') });
    expect(decideCheckAnswer(item, q1, { id: owner }, { answer: 'problem', problem: '   ' }, '2027-01-05', now)).toMatchObject({ ok: false, field: 'problem' });
    expect(decideCheckAnswer({ ...item, active: false }, q1, { id: owner }, { answer: 'verified' }, '2027-01-05', now).ok).toBe(false);
    expect(decideCheckAnswer(item, quarterById('2027-Q2'), { id: owner }, { answer: 'verified' }, '2027-01-05', now).ok).toBe(false);
  });

  it('accepts a late answer and flags it', () => {
    expect(decideCheckAnswer(item, quarterById('2026-Q4'), { id: owner }, { answer: 'problem', problem: 'Affiche absente' }, '2027-01-05', now)).toMatchObject({
      ok: true,
      answer: { late: true, problem: 'Affiche absente' },
    });
  });
});
