import { planActionReminders } from '../../services/action-plan/action-deadline-planner';
import { parseActionFilters, visibleItems } from '../../services/action-plan/action-filters';
import { actionItemSchema, actionStates, isOverdue } from '../../services/action-plan/action-item';
import { decideTransition } from '../../services/action-plan/action-transitions';
import { demoActionPlan } from '../../services/action-plan/demo-action-plan';
import { demoPeople, demoServices } from '../../services/demo/demo-directory';
import type { Person } from '../../services/directory/person';
import { WorkingCalendar } from '../../services/reminders/calendar';

const calendar = new WorkingCalendar({ timeZone: 'Europe/Paris' });
const now = new Date('2026-11-23T09:15:00.000Z');
const people: Person[] = demoPeople.map((p) => ({ ...p, toAssign: false, createdAt: '2026-01-05T08:00:00.000Z' }));
const byName = (first: string) => people.find((p) => p.name.startsWith(`${first} `)) as Person;
const plan = demoActionPlan(now, calendar);
const today = calendar.localDateOf(now);

describe('the demo action plan', () => {
  it('holds the seed’s twelve 2021 rows, numbered 2021-01 to 2021-12, with their texts', () => {
    const rows2021 = plan.filter((item) => item.year === 2021);
    expect(rows2021.map((item) => item.id)).toEqual(Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`));
    expect(rows2021.find((item) => item.finding === 'Réclamations/Suggestions')).toMatchObject({ references: ['E3 § 3-1'], services: ['SGCD', 'BLS'], state: 'closed' });
    expect(rows2021.find((item) => item.id === '2021-10')).toMatchObject({ finding: "Pré-accueil : installation d'une boucle auditive", state: 'cancelled' });
    expect(rows2021.find((item) => item.id === '2021-12')).toMatchObject({ finding: 'Audit Interne', references: ['V-2'], deadline: '2021-04-22' });
  });

  it('is valid, with every state, unique numbers and known services and people', () => {
    for (const item of plan) expect(actionItemSchema.safeParse(item)).toMatchObject({ success: true });
    expect(new Set(plan.map((item) => item.id)).size).toBe(plan.length);
    expect(new Set(plan.map((item) => item.state))).toEqual(new Set(actionStates));
    const codes = demoServices.map((s) => s.code);
    for (const item of plan) {
      expect(item.services.every((code) => codes.includes(code))).toBe(true);
      expect(people.some((p) => p.id === item.ownerId)).toBe(true);
    }
  });

  it('is the same for the same instant', () => {
    expect(demoActionPlan(now, calendar)).toEqual(plan);
  });

  it('has Adele’s closure waiting for Megan, who may approve it, and an overdue action', () => {
    const awaiting = plan.find((item) => item.state === 'awaiting-approval');
    expect(awaiting).toMatchObject({ id: '2026-01', ownerId: byName('Adele').id, services: ['BMI'] });
    if (!awaiting) return;
    const context = { now, today, people, serviceCodes: demoServices.map((s) => s.code) };
    expect(decideTransition(awaiting, 'approve', byName('Megan'), { revision: awaiting.revision }, context)).toMatchObject({ ok: true, next: { state: 'closed' } });
    expect(visibleItems(plan, byName('Alex'), parseActionFilters('en retard', []), today).map((item) => item.id)).toEqual(['2026-02']);
    expect(plan.filter((item) => isOverdue(item, today))).toHaveLength(1);
  });

  it('gives the first sweep something to send: the approval, the overdue action and its escalation, a deadline ahead', () => {
    const reminders = planActionReminders({ items: plan, people, calendar, now });
    const to = (first: string) => reminders.filter((r) => r.recipientId === byName(first).id).map((r) => r.key.replace(/:[0-9a-f-]{32,40}$/, ''));
    expect(to('Megan')).toEqual([expect.stringMatching(/^action-approval:2026-01:/)]);
    expect(to('Camille')).toEqual(['action:2026-02:2026-11-14:overdue-1']);
    expect(to('Léa')).toEqual(['action:2026-02:2026-11-14:escalation']);
    expect(to('Lynne')).toEqual([expect.stringMatching(/^action:2026-03:2026-12-07:before-14$/)]);
    expect(to('Alex')).toEqual([expect.stringMatching(/^action-approval:2026-01:/), 'action:2026-02:2026-11-14:escalation']);
  });
});
