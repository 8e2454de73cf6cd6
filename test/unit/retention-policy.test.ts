import {
  complaintDeadline,
  defaultRetentionPeriods,
  fraudSignalDeadline,
  isComplaintExpired,
  isFraudSignalExpired,
  lastYearWithExpired,
  localDateIn,
  type RetentionPeriods,
} from '../../services/retention/retention-policy';
import type { FraudSignal } from '../../services/fraud/fraud-signal';
import type { Complaint } from '../../services/complaints/complaint';

const zone = 'Europe/Paris';
const periods: RetentionPeriods = { ...defaultRetentionPeriods };
const referent = '00000000-0000-0000-0000-000000000031';

type SignalDates = Pick<FraudSignal, 'state' | 'createdAt' | 'submittedAt' | 'qualification'>;

/** A signal created at `createdAt`, in a state, qualified at `qualifiedAt` when given. */
function signal(state: FraudSignal['state'], createdAt: string, qualifiedAt?: string): SignalDates {
  const outcome = state === 'submitted' ? undefined : state;
  return {
    state,
    createdAt,
    submittedAt: createdAt,
    qualification: qualifiedAt && outcome ? { by: referent, at: qualifiedAt, outcome } : undefined,
  };
}

type ComplaintDates = Pick<Complaint, 'state' | 'closedOn' | 'replies'>;

function complaint(state: Complaint['state'], options: { closedOn?: string; repliedOn?: string; holdingOn?: string } = {}): ComplaintDates {
  const reply = (kind: 'substance' | 'holding', on: string) => ({
    kind,
    on,
    forecastOn: kind === 'holding' ? '2030-01-01' : undefined,
    by: referent,
    at: `${on}T10:00:00.000Z`,
  });
  return {
    state,
    closedOn: options.closedOn,
    replies: [...(options.holdingOn ? [reply('holding', options.holdingOn)] : []), ...(options.repliedOn ? [reply('substance', options.repliedOn)] : [])],
  };
}

/** Noon in Paris on a day: the hour never matters, only the day. */
const parisNoon = (day: string) => new Date(`${day}T12:00:00+01:00`);

describe('retention of fraud signals', () => {
  const confirmed = signal('confirmed', '2021-03-01T09:00:00.000Z', '2021-03-15T10:00:00.000Z');

  it('keeps a confirmed fraud 5 years after its confirmation, to the day', () => {
    expect(fraudSignalDeadline(confirmed, periods, zone)).toEqual({ rule: 'fraud-closed', since: '2021-03-15', expiresOn: '2026-03-15' });
    expect(isFraudSignalExpired(confirmed, parisNoon('2026-03-14'), periods, zone)).toBe(false);
    expect(isFraudSignalExpired(confirmed, parisNoon('2026-03-15'), periods, zone)).toBe(true);
    expect(isFraudSignalExpired(confirmed, parisNoon('2026-03-16'), periods, zone)).toBe(true);
  });

  it('counts from the confirmation, not from the creation or the detection', () => {
    const lateConfirmation = signal('confirmed', '2021-01-05T09:00:00.000Z', '2021-06-20T10:00:00.000Z');
    expect(isFraudSignalExpired(lateConfirmation, parisNoon('2026-06-19'), periods, zone)).toBe(false);
    expect(isFraudSignalExpired(lateConfirmation, parisNoon('2026-06-20'), periods, zone)).toBe(true);
  });

  it('deletes a signal still to qualify 6 months after its creation', () => {
    const waiting = signal('submitted', '2026-01-10T08:00:00.000Z');
    expect(fraudSignalDeadline(waiting, periods, zone)).toEqual({ rule: 'fraud-unqualified', since: '2026-01-10', expiresOn: '2026-07-10' });
    expect(isFraudSignalExpired(waiting, parisNoon('2026-07-09'), periods, zone)).toBe(false);
    expect(isFraudSignalExpired(waiting, parisNoon('2026-07-10'), periods, zone)).toBe(true);
  });

  it('treats « à compléter » as unqualified: the author’s answer does not restart the 6 months', () => {
    const asked = { ...signal('to-complete', '2026-01-10T08:00:00.000Z', '2026-05-01T08:00:00.000Z'), submittedAt: '2026-06-30T08:00:00.000Z' };
    expect(fraudSignalDeadline(asked, periods, zone).expiresOn).toBe('2026-07-10');
    expect(isFraudSignalExpired(asked, parisNoon('2026-07-10'), periods, zone)).toBe(true);
  });

  it('deletes a « non confirmée » signal (classée sans suite) at the same 6-month mark', () => {
    const dismissed = signal('not-confirmed', '2026-01-10T08:00:00.000Z', '2026-02-01T08:00:00.000Z');
    expect(fraudSignalDeadline(dismissed, periods, zone)).toEqual({ rule: 'fraud-unqualified', since: '2026-01-10', expiresOn: '2026-07-10' });
    expect(isFraudSignalExpired(dismissed, parisNoon('2026-07-09'), periods, zone)).toBe(false);
    expect(isFraudSignalExpired(dismissed, parisNoon('2026-07-10'), periods, zone)).toBe(true);
  });

  it('reads the periods from its argument, not from constants', () => {
    const shorter: RetentionPeriods = { fraudClosedMonths: 12, fraudUnqualifiedMonths: 3, complaintsClosedMonths: 24 };
    expect(fraudSignalDeadline(confirmed, shorter, zone).expiresOn).toBe('2022-03-15');
    expect(fraudSignalDeadline(signal('submitted', '2026-01-10T08:00:00.000Z'), shorter, zone).expiresOn).toBe('2026-04-10');
    expect(complaintDeadline(complaint('closed', { closedOn: '2024-02-29' }), shorter)?.expiresOn).toBe('2026-02-28');
  });
});

describe('retention of complaints', () => {
  it('never purges a complaint still waiting for a reply, however old', () => {
    const open = complaint('open', { holdingOn: '2010-01-04' });
    expect(complaintDeadline(open, periods)).toBeUndefined();
    expect(isComplaintExpired(open, parisNoon('2099-01-01'), periods, zone)).toBe(false);
  });

  it('keeps a filed complaint 5 years after its filing, to the day', () => {
    const filed = complaint('closed', { closedOn: '2021-03-15' });
    expect(complaintDeadline(filed, periods)).toEqual({ rule: 'complaint-closed', since: '2021-03-15', expiresOn: '2026-03-15' });
    expect(isComplaintExpired(filed, parisNoon('2026-03-14'), periods, zone)).toBe(false);
    expect(isComplaintExpired(filed, parisNoon('2026-03-15'), periods, zone)).toBe(true);
    expect(isComplaintExpired(filed, parisNoon('2026-03-16'), periods, zone)).toBe(true);
  });

  it('counts an answered complaint nobody filed from its reply on the substance, not from a holding reply', () => {
    const answered = complaint('answered', { holdingOn: '2021-01-10', repliedOn: '2021-02-01' });
    expect(complaintDeadline(answered, periods)).toEqual({ rule: 'complaint-closed', since: '2021-02-01', expiresOn: '2026-02-01' });
  });

  it('counts a complaint answered then filed from the earlier of the two days', () => {
    const both = complaint('closed', { repliedOn: '2021-02-01', closedOn: '2021-04-01' });
    expect(complaintDeadline(both, periods)?.since).toBe('2021-02-01');
  });

  it('clamps the anniversary of a 29 February to the 28th', () => {
    expect(complaintDeadline(complaint('closed', { closedOn: '2020-02-29' }), periods)?.expiresOn).toBe('2025-02-28');
  });
});

describe('days, zones and DST', () => {
  it('reads an instant as the day it is in Paris, whatever the offset', () => {
    expect(localDateIn('2021-03-14T23:30:00.000Z', zone)).toBe('2021-03-15'); // 00:30 CET
    expect(localDateIn('2021-07-14T22:30:00.000Z', zone)).toBe('2021-07-15'); // 00:30 CEST
    expect(localDateIn('2021-07-14T21:30:00.000Z', zone)).toBe('2021-07-14'); // 23:30 CEST
  });

  it('expires at local midnight in Paris, on both sides of a DST change', () => {
    // Confirmed at 00:30 Paris on 15 March 2021 (still 14 March in UTC).
    const confirmed = signal('confirmed', '2021-03-01T09:00:00.000Z', '2021-03-14T23:30:00.000Z');
    expect(isFraudSignalExpired(confirmed, new Date('2026-03-14T22:59:59.999Z'), periods, zone)).toBe(false); // 23:59 CET
    expect(isFraudSignalExpired(confirmed, new Date('2026-03-14T23:00:00.000Z'), periods, zone)).toBe(true); // 00:00 CET
    // Created on the spring-forward day, expiring on an autumn one: the hour shift changes nothing.
    const waiting = signal('submitted', '2026-03-29T00:30:00.000Z'); // 01:30 CET, before the change
    expect(fraudSignalDeadline(waiting, periods, zone).expiresOn).toBe('2026-09-29');
    const autumn = signal('submitted', '2026-04-25T22:30:00.000Z'); // 00:30 CEST on 26 April
    expect(fraudSignalDeadline(autumn, periods, zone).expiresOn).toBe('2026-10-26');
    expect(isFraudSignalExpired(autumn, new Date('2026-10-25T22:59:59.000Z'), periods, zone)).toBe(false); // 23:59 CET, 25 Oct (DST ended that night)
    expect(isFraudSignalExpired(autumn, new Date('2026-10-25T23:00:00.000Z'), periods, zone)).toBe(true);
  });

  it('tells which years of partitions may hold expired records', () => {
    expect(lastYearWithExpired(parisNoon('2026-11-23'), 60, zone)).toBe(2021);
    expect(lastYearWithExpired(parisNoon('2026-05-31'), 6, zone)).toBe(2025);
    expect(lastYearWithExpired(parisNoon('2026-07-01'), 6, zone)).toBe(2026);
    // 1 January in Paris is still 31 December in UTC: the zone decides.
    expect(lastYearWithExpired(new Date('2026-12-31T23:30:00.000Z'), 12, zone)).toBe(2026);
  });
});
