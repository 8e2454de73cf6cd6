import type { Person } from '../directory/person';
import { addCalendarDays, type LocalDate } from '../reminders/calendar';
import { daysBetween } from '../training/training-dates';
import { addMonthsTo, derivedDueOn, parseDayInput } from './label-dates';
import { isCurrentDone, lastDoneOn, maxHistory, type DoneOccurrence, type LabelObligation } from './label-obligation';

/**
 * The due date after a recurring occurrence due on `dueOn` and done on `doneOn`: counted from the DUE date, not the
 * done date, so the rhythm holds (the survey stays in late March even when one year's was done in April, and doing
 * a yearly review late does not postpone the next one). A next date already past on the day it was done is skipped:
 * an action done more than a period late counts for the periods it covers, it does not open an occurrence late at
 * once.
 */
export function nextRecurringDueOn(dueOn: LocalDate, everyMonths: number, doneOn: LocalDate): LocalDate {
  let periods = 1;
  while (addMonthsTo(dueOn, periods * everyMonths) <= doneOn) periods += 1;
  return addMonthsTo(dueOn, periods * everyMonths);
}

/** The window start kept at the same distance before a due date that moved. */
function movedWindow(obligation: Pick<LabelObligation, 'dueOn' | 'windowStartsOn'>, dueOn: LocalDate): LocalDate | undefined {
  if (obligation.windowStartsOn === undefined) return undefined;
  return addCalendarDays(dueOn, -daysBetween(obligation.windowStartsOn, obligation.dueOn));
}

/** The obligation with a new due date (and its window moved along), stamped as known from `now`. */
export function withDueOn<O extends LabelObligation>(obligation: O, dueOn: LocalDate, now: Date): O {
  if (dueOn === obligation.dueOn) return obligation;
  return { ...obligation, dueOn, windowStartsOn: movedWindow(obligation, dueOn), dueSetAt: now.toISOString() };
}

/**
 * Marks the current occurrence done (the caller checked the date and who may). One-off: complete. Recurring: the
 * next occurrence is due `everyMonths` after this one's due date (nextRecurringDueOn). Derived: done until its base
 * moves (the next label), and the extension, granted for this occurrence only, is dropped; an obligation derived
 * from its own done date (the label renewal) starts its next cycle from `doneOn` at once (recomputeDerived).
 */
export function markOccurrenceDone(obligation: LabelObligation, entry: DoneOccurrence, now: Date): LabelObligation {
  const history = [...obligation.history, entry].slice(-maxHistory);
  const done: LabelObligation = { ...obligation, history };
  const { schedule } = obligation;
  if (schedule.kind === 'recurring') return withDueOn(done, nextRecurringDueOn(obligation.dueOn, schedule.everyMonths, entry.doneOn), now);
  if (schedule.kind === 'derived') return { ...done, schedule: { ...schedule, extensionMonths: 0 } };
  return done;
}

/** The date a derived obligation counts from: its base's latest done day, or its base's current due date. */
function baseDateOf(obligation: LabelObligation, byId: ReadonlyMap<string, LabelObligation>): LocalDate | undefined {
  if (obligation.schedule.kind !== 'derived') return undefined;
  const base = byId.get(obligation.schedule.from);
  if (!base) return undefined;
  return obligation.schedule.basis === 'done' ? lastDoneOn(base) : base.dueOn;
}

/**
 * Brings every derived obligation in line with its base, following chains (label → follow-up audit; label → internal
 * audit) until nothing moves. A due date moves only when its base date differs from the one it was computed from
 * (`basedOn`), so a done occurrence stays done until the base moves. Returns only the obligations that changed (the
 * writer bumps revisions). A cycle (never built by the product) stops after one pass per obligation.
 */
export function recomputeDerived(obligations: readonly LabelObligation[], now: Date): LabelObligation[] {
  const byId = new Map(obligations.map((o) => [o.id, o]));
  const changed = new Set<string>();
  for (let pass = 0; pass <= obligations.length; pass += 1) {
    let moved = false;
    for (const current of byId.values()) {
      const { schedule } = current;
      const baseOn = baseDateOf(current, byId);
      if (schedule.kind !== 'derived' || baseOn === undefined || baseOn === schedule.basedOn) continue;
      const next = withDueOn({ ...current, schedule: { ...schedule, basedOn: baseOn } }, derivedDueOn(schedule, baseOn), now);
      byId.set(current.id, next);
      changed.add(current.id);
      moved = true;
    }
    if (!moved) break;
  }
  return obligations.filter((o) => changed.has(o.id)).map((o) => byId.get(o.id) ?? o);
}

/** The owner of the obligation and the quality officers may mark it done (issue 7: "owner actions visible to owner and rq"). */
export function mayMarkDone(obligation: Pick<LabelObligation, 'ownerId'>, actor: Pick<Person, 'id' | 'roles'>): boolean {
  return obligation.ownerId === actor.id || actor.roles.includes('rq');
}

/** Earliest done date accepted: a sanity bound against typos ("1021"), well before the first labels (2008). */
export const earliestDoneOn: LocalDate = '2000-01-01';

/** What the done form sends, as typed. */
export interface DoneInput {
  /** The day it was done: AAAA-MM-JJ (date picker) or JJ/MM/AAAA. */
  doneOn: string;
  /** Optional remark. */
  note: string;
}

/** A field of the done form, for errors shown next to it. */
export type DoneField = 'doneOn' | 'note';

/** Outcome of checking the done form: the entry to record, or one French message per field to correct. */
export type DoneCheck = { ok: true; entry: DoneOccurrence } | { ok: false; errors: Partial<Record<DoneField, string>> };

/**
 * Checks the done form against the obligation: the date must be a real day, written AAAA-MM-JJ or JJ/MM/AAAA, not in
 * the future nor before 2000; the note one line of at most 300 characters. Who may, and whether the occurrence is
 * still pending, are the caller's (they give other answers than a field error).
 */
export function checkDoneInput(
  input: DoneInput,
  context: { obligation: Pick<LabelObligation, 'dueOn'>; actorId: string; today: LocalDate; now: Date },
): DoneCheck {
  const errors: Partial<Record<DoneField, string>> = {};
  const typed = input.doneOn.trim();
  const doneOn = parseDayInput(typed);
  if (typed === '') errors.doneOn = 'Indiquez la date à laquelle c’est fait.';
  else if (!doneOn) errors.doneOn = `Date « ${typed.slice(0, 20)} » invalide : écrivez-la JJ/MM/AAAA (ex. 22/04/2027) ou choisissez-la dans le calendrier.`;
  else if (doneOn > context.today) errors.doneOn = 'La date ne peut pas être dans le futur.';
  else if (doneOn < earliestDoneOn) errors.doneOn = 'Date trop ancienne : indiquez une date à partir du 01/01/2000.';
  const note = input.note.trim();
  if (note.length > 300) errors.note = 'Remarque trop longue (300 caractères au plus).';
  else if (/\p{Cc}/u.test(note)) errors.note = 'La remarque contient des caractères non autorisés (retour à la ligne, tabulation…) : retirez-les.';
  if (Object.keys(errors).length > 0 || !doneOn) return { ok: false, errors };
  const entry: DoneOccurrence = { occurrenceDueOn: context.obligation.dueOn, doneOn, doneBy: context.actorId, doneAt: context.now.toISOString() };
  return { ok: true, entry: note === '' ? entry : { ...entry, note } };
}

/** True when the occurrence a card was built for is still the current, pending one. */
export function isStillPending(obligation: LabelObligation, occurrenceDueOn: LocalDate): boolean {
  return obligation.active && obligation.dueOn === occurrenceDueOn && !isCurrentDone(obligation);
}
