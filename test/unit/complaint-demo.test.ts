import fc from 'fast-check';
import { complaintSchema } from '../../services/complaints/complaint';
import { answeredOnTime, awaitsAcknowledgement, isLate } from '../../services/complaints/complaint-deadline';
import { formatComplaintId, nextComplaintId, parseComplaintId } from '../../services/complaints/complaint-number';
import { demoComplaints } from '../../services/complaints/demo-complaints';
import { calendar } from './complaint-fixtures';

const alex = '00000000-0000-0000-0000-0000000000020';
const cher = Array.from({ length: 33 }, (_, index) => `E.${index + 1}`);

describe('complaint numbers', () => {
  it('reads what people type and writes R-YYYY-NNNN', () => {
    expect(parseComplaintId('R-2026-0012')).toEqual({ id: 'R-2026-0012', year: 2026, row: 12 });
    expect(parseComplaintId('r 2026 12')?.id).toBe('R-2026-0012');
    expect(parseComplaintId('2026-7')?.id).toBe('R-2026-0007');
    expect(parseComplaintId('R-2026-0000')).toBeUndefined();
    expect(parseComplaintId('2026')).toBeUndefined();
    expect(formatComplaintId(2026, 12)).toBe('R-2026-0012');
  });

  it('follows the year’s highest number, gaps kept, each year on its own', () => {
    expect(nextComplaintId(2026, ['R-2026-0001', 'R-2026-0011', 'R-2025-0040'])).toBe('R-2026-0012');
    expect(nextComplaintId(2027, ['R-2026-0011'])).toBe('R-2027-0001');
  });
});

describe('the demo’s complaints', () => {
  const now = new Date('2026-11-23T09:00:00.000Z');
  const complaints = demoComplaints(now, calendar, cher);
  const today = '2026-11-23';

  it('are a dozen valid complaints numbered from R-2026-0001 in order of receipt', () => {
    expect(complaints.length).toBeGreaterThanOrEqual(12);
    for (const complaint of complaints) expect(complaintSchema.safeParse(complaint).success).toBe(true);
    expect(complaints.map((c) => c.id)).toEqual(complaints.map((_, index) => formatComplaintId(2026, index + 1)));
    expect([...complaints].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))).toEqual(complaints);
    expect(complaints.every((c) => c.receivedOn <= today)).toBe(true);
  });

  it('hold the situations worth showing: on time, late, a holding reply, an e-mail awaiting its acknowledgement, Alex’s own', () => {
    expect(complaints.filter((c) => answeredOnTime(c) === true).length).toBeGreaterThanOrEqual(5);
    expect(complaints.filter((c) => isLate(c, today))).toHaveLength(1);
    expect(complaints.filter((c) => c.state === 'open' && c.replies.some((r) => r.kind === 'holding'))).toHaveLength(1);
    expect(complaints.filter((c) => c.channel === 'email' && awaitsAcknowledgement(c))).toHaveLength(1);
    expect(complaints.filter((c) => c.assigneeId === alex).length).toBeGreaterThanOrEqual(3);
    expect(new Set(complaints.map((c) => c.channel)).size).toBe(6);
  });

  it('are the same for the same day, and valid whatever the day (weekends and new year included)', () => {
    expect(demoComplaints(now, calendar, cher)).toEqual(complaints);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2035, 11, 31) }), (ms) => {
        const built = demoComplaints(new Date(ms), calendar, []);
        const day = calendar.localDateOf(new Date(ms));
        for (const complaint of built) {
          expect(complaintSchema.safeParse(complaint).success).toBe(true);
          expect(complaint.replies.every((reply) => reply.on <= day)).toBe(true);
          expect(complaint.commitment).toBeUndefined();
        }
        expect(new Set(built.map((c) => c.id)).size).toBe(built.length);
      }),
      { numRuns: 200 },
    );
  });
});
