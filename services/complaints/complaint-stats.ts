import type { LocalDate } from '../reminders/calendar';
import { complaintChannels, complaintKinds, type ComplaintChannel, type ComplaintKind } from './complaint-channels';
import type { Complaint } from './complaint';
import { answeredOnTime, awaitsAcknowledgement, isLate } from './complaint-deadline';

/** One line of the per-channel table of the yearly report ("COURRIEL 24 57 %"). */
export interface ChannelCount {
  channel: ComplaintChannel;
  count: number;
  /** Whole percent of the year's in-scope total; the shares of a table add up to 100. */
  share: number;
}

/** The year's figures, as the yearly report shows them (seed 003: "QUESTIONS ET RECLAMATIONS 2020"). */
export interface ComplaintStats {
  year: number;
  /** Requests inside the Qual-e-pref scope: the report's total (42 in 2020). */
  total: number;
  /** Requests logged but outside the scope (not in the indicators). */
  outOfScope: number;
  /** Channels with at least one in-scope request, most used first, with their share. */
  byChannel: ChannelCount[];
  /** In-scope requests per kind, in the kinds' order, those with none left out. */
  byKind: { kind: ComplaintKind; count: number }[];
  /** In-scope requests answered on the substance. */
  answered: number;
  /** Of those, answered within the delay (a holding reply in time moves it: 17.1, 17.2). */
  answeredOnTime: number;
  /** answeredOnTime / answered in whole percent; undefined before any answer. */
  onTimeShare?: number;
  /** Still waiting for a reply on the substance, in scope or not (they are answered within the same delays). */
  open: number;
  /** Of those, past their due date in force. */
  late: number;
  /** E-mails (and website forms) still without their acknowledgement (17.3). */
  awaitingAcknowledgement: number;
}

/**
 * Whole percentages that add up to 100 (largest remainder): 24, 15, 3 of 42 give 57, 36, 7 as the 2020 report
 * prints them, where rounding each alone could give 99 or 101. Ties go to the larger count, then to the first.
 * All zeros give zeros.
 */
export function sharesInPercent(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const shares = exact.map(Math.floor);
  const missing = 100 - shares.reduce((sum, share) => sum + share, 0);
  const order = counts
    .map((count, index) => ({ index, count, remainder: (exact[index] ?? 0) - (shares[index] ?? 0) }))
    .sort((a, b) => b.remainder - a.remainder || b.count - a.count || a.index - b.index);
  for (const { index } of order.slice(0, missing)) shares[index] = (shares[index] ?? 0) + 1;
  return shares;
}

/** A ratio in whole percent, rounded half up; undefined for 0 / 0. */
export function percent(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part * 100) / whole);
}

/** The figures of one year of receipt (issue 6; DOMAIN "Indicators"). `today` decides what is late. */
export function complaintStats(complaints: readonly Complaint[], year: number, today: LocalDate): ComplaintStats {
  const ofYear = complaints.filter((complaint) => Number(complaint.receivedOn.slice(0, 4)) === year);
  const inScope = ofYear.filter((complaint) => complaint.inScope);
  const counts = complaintChannels.map((channel) => inScope.filter((complaint) => complaint.channel === channel).length);
  const shares = sharesInPercent(counts);
  const byChannel = complaintChannels
    .map((channel, index) => ({ channel, count: counts[index] ?? 0, share: shares[index] ?? 0 }))
    .filter((line) => line.count > 0)
    .sort((a, b) => b.count - a.count);
  const byKind = complaintKinds
    .map((kind) => ({ kind, count: inScope.filter((complaint) => complaint.kind === kind).length }))
    .filter((line) => line.count > 0);
  const answered = inScope.filter((complaint) => complaint.replies.some((reply) => reply.kind === 'substance')).length;
  const answeredInTime = inScope.filter((complaint) => answeredOnTime(complaint) === true).length;
  const open = ofYear.filter((complaint) => complaint.state === 'open');
  return {
    year,
    total: inScope.length,
    outOfScope: ofYear.length - inScope.length,
    byChannel,
    byKind,
    answered,
    answeredOnTime: answeredInTime,
    onTimeShare: percent(answeredInTime, answered),
    open: open.length,
    late: open.filter((complaint) => isLate(complaint, today)).length,
    awaitingAcknowledgement: open.filter(awaitsAcknowledgement).length,
  };
}
