import type { LocalDate } from '../reminders/calendar';
import type { Complaint } from './complaint';
import { awaitsAcknowledgement, isLate } from './complaint-deadline';
import { seesAllComplaints, type ComplaintActor } from './complaint-people';
import { complaintStats, type ComplaintStats } from './complaint-stats';

/** Whose complaints a view lists: the viewer's own, a manager's service, or all (quality officer, admin). */
export type ComplaintScope = { kind: 'own' } | { kind: 'service'; service: string } | { kind: 'all' };

/** The counts shown above any list. */
export interface ComplaintCounts {
  open: number;
  late: number;
  awaitingAcknowledgement: number;
  answered: number;
}

/** What `réclamations [année]` shows one viewer. */
export interface ComplaintsView {
  scope: ComplaintScope;
  year: number;
  counts: ComplaintCounts;
  /** The lines shown: late first, then open by due date, then answered or closed, latest received first. */
  shown: Complaint[];
  /** How many more match than fit on the card. */
  hidden: number;
  /** The year's figures (per channel, in time…), for the quality officer and admins only. */
  stats?: ComplaintStats;
}

/** Lines a list card holds. */
export const maxComplaintLines = 20;

/** The scope of a viewer (issue 6: agent → theirs; manager → their service; quality officer, admin → all). */
export function complaintScopeFor(actor: ComplaintActor): ComplaintScope {
  if (seesAllComplaints(actor)) return { kind: 'all' };
  if (actor.roles.includes('manager') && actor.service !== undefined) return { kind: 'service', service: actor.service };
  return { kind: 'own' };
}

/** True when the complaint is in the viewer's scope; one's own (assigned or logged) always are. */
export function inComplaintScope(complaint: Complaint, actor: ComplaintActor, scope: ComplaintScope): boolean {
  if (complaint.assigneeId === actor.id || complaint.createdBy === actor.id) return true;
  if (scope.kind === 'all') return true;
  return scope.kind === 'service' && complaint.service === scope.service;
}

function rank(complaint: Complaint, today: LocalDate): number {
  if (isLate(complaint, today)) return 0;
  return complaint.state === 'open' ? 1 : 2;
}

/** The list and counts of one year of receipt as the viewer may see it. */
export function complaintsView(complaints: readonly Complaint[], actor: ComplaintActor, year: number, today: LocalDate): ComplaintsView {
  const scope = complaintScopeFor(actor);
  const ofYear = complaints.filter((complaint) => Number(complaint.receivedOn.slice(0, 4)) === year);
  const visible = ofYear.filter((complaint) => inComplaintScope(complaint, actor, scope));
  const sorted = [...visible].sort((a, b) => {
    const byRank = rank(a, today) - rank(b, today);
    if (byRank !== 0) return byRank;
    if (a.state === 'open') return a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id);
    return b.receivedOn.localeCompare(a.receivedOn) || b.id.localeCompare(a.id);
  });
  const open = visible.filter((complaint) => complaint.state === 'open');
  return {
    scope,
    year,
    counts: {
      open: open.length,
      late: open.filter((complaint) => isLate(complaint, today)).length,
      awaitingAcknowledgement: open.filter(awaitsAcknowledgement).length,
      answered: visible.length - open.length,
    },
    shown: sorted.slice(0, maxComplaintLines),
    hidden: Math.max(0, sorted.length - maxComplaintLines),
    stats: scope.kind === 'all' ? complaintStats(ofYear, year, today) : undefined,
  };
}
