import { visibleItems, type ActionFilters } from './action-filters';
import { isOverdue, openStates, type ActionItem } from './action-item';
import { isQualityOfficer, type ActionActor } from './action-people';

/** Whose plan a person sees (issue 5): their own items, their service's as a manager, the whole plan as RQ or admin. */
export type PlanScope = { kind: 'own' } | { kind: 'service'; service: string } | { kind: 'all' };

/** The widest scope of a person; `isInScope` (action-filters) applies it item by item. */
export function planScopeOf(actor: ActionActor): PlanScope {
  if (isQualityOfficer(actor) || actor.roles.includes('admin')) return { kind: 'all' };
  if (actor.roles.includes('manager') && actor.service !== undefined) return { kind: 'service', service: actor.service };
  return { kind: 'own' };
}

/** The figures the quality officer asks for (DOMAIN "What the quality officer asks"): open, overdue, awaiting approval. */
export interface PlanCounts {
  /** Planned, in progress or awaiting approval. */
  open: number;
  /** Planned or in progress with the deadline passed. */
  overdue: number;
  /** Done, waiting for a manager or the RQ. */
  awaitingApproval: number;
  /** Proposals waiting for the RQ. */
  proposed: number;
}

/** What the `plan d'action` card shows: the scope, the counts, the first lines and how many were left out. */
export interface PlanView {
  scope: PlanScope;
  counts: PlanCounts;
  shown: ActionItem[];
  /** Items matching the filters past the cap. */
  hidden: number;
}

/** Lines on one card: 25 keeps it readable and well under Teams' size limit (PLATFORM.md). */
export const maxPlanLines = 25;

/**
 * The plan as one person asks for it. The counts cover their scope narrowed by the year and service words only,
 * so "plan d'action en retard BMI" still says how many BMI actions are open and awaiting approval.
 */
export function planView(items: readonly ActionItem[], actor: ActionActor, filters: ActionFilters, today: string, maxLines = maxPlanLines): PlanView {
  const matching = visibleItems(items, actor, filters, today);
  const inScope = visibleItems(items, actor, { ...filters, overdue: false, awaitingApproval: false, proposals: false, all: true }, today);
  const counts: PlanCounts = {
    open: inScope.filter((item) => openStates.includes(item.state)).length,
    overdue: inScope.filter((item) => isOverdue(item, today)).length,
    awaitingApproval: inScope.filter((item) => item.state === 'awaiting-approval').length,
    proposed: inScope.filter((item) => item.state === 'proposed').length,
  };
  return { scope: planScopeOf(actor), counts, shown: matching.slice(0, maxLines), hidden: Math.max(0, matching.length - maxLines) };
}

/** A text cut to `max` characters on a word boundary when one is close, with an ellipsis: one line of a list. */
export function shortenText(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
