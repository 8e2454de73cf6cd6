import fc from 'fast-check';
import { parseActionFilters } from '../../services/action-plan/action-filters';
import { actionOfCheck, mayTurnCheckIntoAction, proposalReviewersOf } from '../../services/action-plan/action-intake';
import { planScopeOf, planView, shortenText } from '../../services/action-plan/action-plan-view';
import { cast, itemIn, people, serviceCodes } from './action-fixtures';

const today = '2026-12-20';
const filters = (words: string) => parseActionFilters(words, serviceCodes);

describe('the plan view of `plan d’action`', () => {
  const items = [
    itemIn('in-progress', { id: '2026-01', deadline: '2027-01-15' }),
    itemIn('planned', { id: '2026-02', deadline: '2026-12-15' }),
    itemIn('awaiting-approval', { id: '2026-03', services: ['CERT'], ownerId: cast.otherManager.id, createdBy: cast.rq.id }),
    itemIn('proposed', { id: '2026-04' }),
    itemIn('closed', { id: '2021-01', year: 2021 }),
  ];

  it('scopes an agent to their actions, a manager to their service, the quality officer and admins to the plan', () => {
    expect(planScopeOf(cast.owner)).toEqual({ kind: 'own' });
    expect(planScopeOf(cast.manager)).toEqual({ kind: 'service', service: 'BMI' });
    expect(planScopeOf(cast.rq)).toEqual({ kind: 'all' });
    expect(planScopeOf(cast.admin)).toEqual({ kind: 'all' });
  });

  it('counts open, overdue, awaiting approval and proposed actions of the scope, whatever the state words', () => {
    const all = planView(items, cast.rq, filters('en retard'), today);
    expect(all.shown.map((item) => item.id)).toEqual(['2026-02']);
    expect(all.counts).toEqual({ open: 3, overdue: 1, awaitingApproval: 1, proposed: 1 });
    const cert = planView(items, cast.rq, filters('CERT'), today);
    expect(cert.counts).toEqual({ open: 1, overdue: 0, awaitingApproval: 1, proposed: 0 });
    expect(planView(items, cast.agent, filters(''), today)).toMatchObject({ shown: [], counts: { open: 0, overdue: 0, awaitingApproval: 0, proposed: 0 } });
  });

  it('shows the year’s whole table, closed rows included, when a year is asked', () => {
    expect(planView(items, cast.rq, filters('2021'), today).shown.map((item) => item.id)).toEqual(['2021-01']);
    expect(planView(items, cast.rq, filters(''), today).shown.map((item) => item.id)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('caps the lines and says how many were left out', () => {
    const many = Array.from({ length: 30 }, (_, i) => itemIn('in-progress', { id: `2026-${String(i + 1).padStart(2, '0')}` }));
    const view = planView(many, cast.rq, filters(''), today);
    expect(view.shown).toHaveLength(25);
    expect(view.shown.at(-1)?.id).toBe('2026-25');
    expect(view.hidden).toBe(5);
    expect(planView(many, cast.rq, filters(''), today, 40).hidden).toBe(0);
  });
});

describe('shortening a finding to one line', () => {
  it('keeps a short text, flattens its spaces, and cuts a long one on a word with an ellipsis', () => {
    expect(shortenText('  Affiche   horaires ', 90)).toBe('Affiche horaires');
    expect(shortenText('Délais moyens des titres de séjour absents du guichet étrangers', 40)).toBe('Délais moyens des titres de séjour…');
    expect(shortenText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('never exceeds the limit and always starts like the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 120 }), (text, max) => {
        const short = shortenText(text, max);
        expect(short.length).toBeLessThanOrEqual(max);
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(flat.startsWith(short.replace(/…$/, '').trimEnd())).toBe(true);
      }),
    );
  });
});

describe('turning a check problem into an action', () => {
  const check = { id: 'POINT-NUMERIQUE', ownerId: cast.owner.id, service: 'BMI' };

  it('lets the check’s owner, a manager of its service and the quality officer do it, nobody else', () => {
    expect(mayTurnCheckIntoAction(cast.owner, check)).toBe(true);
    expect(mayTurnCheckIntoAction(cast.manager, check)).toBe(true);
    expect(mayTurnCheckIntoAction(cast.rq, check)).toBe(true);
    expect(mayTurnCheckIntoAction(cast.agent, check)).toBe(false);
    expect(mayTurnCheckIntoAction(cast.otherManager, check)).toBe(false);
    expect(mayTurnCheckIntoAction(cast.admin, check)).toBe(false);
  });

  it('finds the action already made of the same item and quarter only', () => {
    const made = itemIn('proposed', { id: '2026-05', origin: { kind: 'check', checkItemId: check.id, quarter: '2026-Q4' } });
    const items = [itemIn('planned', { id: '2026-01' }), made];
    expect(actionOfCheck(items, check.id, '2026-Q4')?.id).toBe('2026-05');
    expect(actionOfCheck(items, check.id, '2026-Q3')).toBeUndefined();
    expect(actionOfCheck(items, 'HALL-HORAIRES', '2026-Q4')).toBeUndefined();
  });
});

describe('who reviews a new proposal', () => {
  it('is the quality officers but the proposer, and nobody for an action written straight into the plan', () => {
    const secondRq = { ...cast.agent, id: '00000000-0000-0000-0000-000000000300', roles: ['rq' as const] };
    expect(proposalReviewersOf({ state: 'proposed' }, people, cast.owner.id).map((p) => p.id)).toEqual([cast.rq.id]);
    expect(proposalReviewersOf({ state: 'proposed' }, [...people, secondRq], cast.rq.id).map((p) => p.id)).toEqual([secondRq.id]);
    expect(proposalReviewersOf({ state: 'planned' }, people, cast.owner.id)).toEqual([]);
  });
});
