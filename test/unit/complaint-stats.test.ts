import fc from 'fast-check';
import type { ComplaintChannel } from '../../services/complaints/complaint-channels';
import { complaintStats, sharesInPercent } from '../../services/complaints/complaint-stats';
import { complaintScopeFor, complaintsView } from '../../services/complaints/complaint-views';
import { cast, complaintWith } from './complaint-fixtures';

const by = cast.assignee.id;
const at = '2020-06-01T10:00:00.000Z';
const id = (n: number) => `R-2020-${String(n).padStart(4, '0')}`;

/** The 2020 report: 24 e-mails, 15 letters, 3 hall forms, all answered, one e-mail late; plus 5 out of scope. */
function year2020() {
  const channels: ComplaintChannel[] = [...Array<ComplaintChannel>(24).fill('email'), ...Array<ComplaintChannel>(15).fill('letter'), ...Array<ComplaintChannel>(3).fill('hall-form')];
  const inScope = channels.map((channel, index) =>
    complaintWith({
      id: id(index + 1),
      channel,
      receivedOn: '2020-06-01',
      initialDueOn: '2020-06-08',
      dueOn: '2020-06-08',
      state: 'answered',
      replies: [{ kind: 'substance', on: index === 0 ? '2020-06-09' : '2020-06-05', by, at }],
    }),
  );
  const outOfScope = [43, 44, 45, 46, 47].map((n) => complaintWith({ id: id(n), channel: 'letter', receivedOn: '2020-06-01', initialDueOn: '2020-06-15', dueOn: '2020-06-15', inScope: false, outOfScopeReason: 'file-in-progress' }));
  return [...inScope, ...outOfScope];
}

describe('the year’s figures (2020 report: « QUESTIONS ET RECLAMATIONS 2020 »)', () => {
  it('gives e-mail 24 = 57 %, letter 15 = 36 %, hall forms 3 = 7 % of 42, out-of-scope requests apart', () => {
    const stats = complaintStats(year2020(), 2020, '2020-12-31');
    expect(stats.byChannel).toEqual([
      { channel: 'email', count: 24, share: 57 },
      { channel: 'letter', count: 15, share: 36 },
      { channel: 'hall-form', count: 3, share: 7 },
    ]);
    expect(stats).toMatchObject({ total: 42, outOfScope: 5, answered: 42, answeredOnTime: 41, onTimeShare: 98 });
    // Out-of-scope requests are still answered within the same delays: they count among the open and late ones.
    expect(stats).toMatchObject({ open: 5, late: 5, awaitingAcknowledgement: 0 });
  });

  it('counts only the year asked for', () => {
    expect(complaintStats(year2020(), 2021, '2021-12-31')).toMatchObject({ total: 0, byChannel: [], answered: 0, onTimeShare: undefined });
  });

  it('rounds shares so that they add up to 100, each within 1 of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 1, maxLength: 6 }), (counts) => {
        const shares = sharesInPercent(counts);
        const total = counts.reduce((sum, n) => sum + n, 0);
        expect(shares.reduce((sum, n) => sum + n, 0)).toBe(total === 0 ? 0 : 100);
        counts.forEach((count, index) => {
          const exact = total === 0 ? 0 : (count * 100) / total;
          expect(Math.abs((shares[index] ?? 0) - exact)).toBeLessThan(1);
          if (count === 0) expect(shares[index]).toBe(0);
        });
      }),
      { numRuns: 2000 },
    );
    expect(sharesInPercent([1, 1, 1])).toEqual([34, 33, 33]);
  });
});

describe('who sees which complaints (« réclamations »)', () => {
  const mine = complaintWith({ id: 'R-2027-0001' });
  const byMe = complaintWith({ id: 'R-2027-0002', assigneeId: cast.agent.id, createdBy: cast.assignee.id });
  const ofService = complaintWith({ id: 'R-2027-0003', assigneeId: cast.agent.id });
  const elsewhere = complaintWith({ id: 'R-2027-0004', service: 'CERT', assigneeId: cast.certAgent.id, createdBy: cast.otherManager.id });
  const all = [mine, byMe, ofService, elsewhere];
  const ids = (actor: Parameters<typeof complaintsView>[1]) => complaintsView(all, actor, 2027, '2027-03-15').shown.map((c) => c.id).sort();

  it('shows an agent those assigned to or logged by them; a manager their service; the quality officer all, with figures', () => {
    expect(ids(cast.assignee)).toEqual(['R-2027-0001', 'R-2027-0002']);
    expect(ids(cast.manager)).toEqual(['R-2027-0001', 'R-2027-0002', 'R-2027-0003']);
    expect(ids(cast.otherManager)).toEqual(['R-2027-0004']);
    expect(ids(cast.rq)).toEqual(['R-2027-0001', 'R-2027-0002', 'R-2027-0003', 'R-2027-0004']);
    expect(complaintScopeFor(cast.admin)).toEqual({ kind: 'all' });
    expect(complaintsView(all, cast.manager, 2027, '2027-03-15').stats).toBeUndefined();
    expect(complaintsView(all, cast.rq, 2027, '2027-03-15').stats?.total).toBe(4);
  });

  it('lists late ones first, then open by due date, then answered; and counts them', () => {
    const late = complaintWith({ id: 'R-2027-0005', dueOn: '2027-03-10', initialDueOn: '2027-03-10', receivedOn: '2027-03-03' });
    const answered = complaintWith({ id: 'R-2027-0006', state: 'answered', replies: [{ kind: 'substance', on: '2027-03-15', by, at: '2027-03-15T10:00:00.000Z' }] });
    const later = complaintWith({ id: 'R-2027-0007', channel: 'letter', dueOn: '2027-03-26', initialDueOn: '2027-03-26' });
    const view = complaintsView([answered, later, mine, late], cast.rq, 2027, '2027-03-15');
    expect(view.shown.map((c) => c.id)).toEqual(['R-2027-0005', 'R-2027-0001', 'R-2027-0007', 'R-2027-0006']);
    expect(view.counts).toEqual({ open: 3, late: 1, awaitingAcknowledgement: 2, answered: 1 });
  });
});
