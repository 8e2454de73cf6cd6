import type { AuditRepository } from '../audit/audit-repository';
import type { Clock } from '../clock';
import type { PeopleRepository } from '../directory/people-repository';
import type { Person } from '../directory/person';
import type { WorkingCalendar } from '../reminders/calendar';
import { ConcurrentUpdateError } from '../storage/storage-errors';
import type { LabelCalendarRepository } from './label-calendar-repository';
import { pickObligation, type DoneOccurrence, type LabelObligation, type StoredLabelObligation } from './label-obligation';
import {
  applyObligationEdit,
  buildNewObligation,
  setObligationActive,
  type LabelObligationDraft,
  type LabelObligationFieldErrors,
} from './label-obligation-edit';
import { checkDoneInput, markOccurrenceDone, mayMarkDone, recomputeDerived, type DoneField, type DoneInput } from './label-occurrences';

/** A create (no id) or edit (id and the ETag the form was built from) request from the form. */
export interface ObligationSaveRequest {
  id?: string;
  etag?: string;
  draft: LabelObligationDraft;
}

/** Outcome of saving the form. */
export type ObligationSaveOutcome =
  | { kind: 'saved'; obligation: StoredLabelObligation; created: boolean; rescheduled: LabelObligation[] }
  | { kind: 'invalid'; errors: LabelObligationFieldErrors; formError?: string }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredLabelObligation }
  | { kind: 'refused'; reason: string };

/** Outcome of retiring or restoring. */
export type ObligationActiveOutcome =
  | { kind: 'saved'; obligation: StoredLabelObligation }
  | { kind: 'unchanged'; obligation: StoredLabelObligation }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredLabelObligation }
  | { kind: 'refused'; reason: string };

/** A "done" request from the small form: the occurrence it was built for, and what was typed. */
export interface MarkDoneRequest {
  id: string;
  etag: string;
  /** Due date of the occurrence the form was opened for. */
  occurrenceDueOn: string;
  input: DoneInput;
}

/** Outcome of marking an occurrence done. */
export type MarkDoneOutcome =
  | { kind: 'done'; obligation: StoredLabelObligation; entry: DoneOccurrence; rescheduled: LabelObligation[] }
  | { kind: 'invalid'; errors: Partial<Record<DoneField, string>>; obligation: StoredLabelObligation }
  | { kind: 'alreadyDone'; obligation: StoredLabelObligation; entry: DoneOccurrence }
  | { kind: 'changedMeanwhile'; current: StoredLabelObligation }
  | { kind: 'notFound' }
  | { kind: 'refused'; reason: string };

/** What the label-calendar use cases work with. */
export interface LabelCalendarAdminDeps {
  labelCalendar: LabelCalendarRepository;
  people: PeopleRepository;
  audit: AuditRepository;
  clock: Clock;
  /** Gives "today" in the prefecture's zone. */
  calendar: WorkingCalendar;
}

const forbidden = 'Seuls le responsable qualité et les administrateurs gèrent le calendrier du label.';
const notOwner = 'Seuls le responsable de cette échéance et le responsable qualité peuvent la marquer comme faite.';
const mayManage = (actor: Pick<Person, 'roles'>) => actor.roles.includes('rq') || actor.roles.includes('admin');

/** One change to write: the version read (undefined for a creation) and the new one, audited as `action`. */
interface Change {
  before?: StoredLabelObligation;
  after: LabelObligation;
  action: string;
}

/**
 * The label calendar's use cases (issue 7): the quality officer creates, edits, retires and restores obligations;
 * the owner or the quality officer marks an occurrence done. Every change is guarded by the ETag of the card clicked,
 * written with the derived obligations it moves (the label renewed moves its follow-up audit) in one transaction
 * of the calendar's partition, then audited.
 */
export class LabelCalendarAdmin {
  constructor(private readonly deps: LabelCalendarAdminDeps) {}

  /** Creates or edits an obligation from the form. */
  async save(actor: Person, request: ObligationSaveRequest): Promise<ObligationSaveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { labelCalendar, people, clock } = this.deps;
    const all = await labelCalendar.list();
    const current = request.id ? all.find((o) => o.id === request.id) : undefined;
    if (request.id && !current) return { kind: 'notFound' };
    if (current && current.etag !== request.etag) return { kind: 'changedMeanwhile', current };
    const directory = await people.list();
    const now = clock.now();
    const result = current
      ? applyObligationEdit(current, request.draft, directory, now)
      : buildNewObligation(request.draft, directory, all.map((o) => o.id), now);
    if (!result.ok) return { kind: 'invalid', errors: result.errors };
    const action = current ? 'labelObligation.update' : 'labelObligation.create';
    const outcome = await this.commit(actor, all, { before: current, after: result.obligation, action });
    if (outcome.kind === 'conflict') {
      if (!current) return { kind: 'invalid', errors: {}, formError: 'Une échéance de même identifiant vient d’être créée : enregistrez à nouveau.' };
      return this.fresh(current.id);
    }
    return { kind: 'saved', obligation: outcome.saved, created: !current, rescheduled: outcome.rescheduled };
  }

  /** Retires (false) or restores (true), guarded by the ETag of the card clicked. */
  async setActive(actor: Person, id: string, etag: string, active: boolean): Promise<ObligationActiveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const all = await this.deps.labelCalendar.list();
    const current = all.find((o) => o.id === id);
    if (!current) return { kind: 'notFound' };
    const changed = setObligationActive(current, active);
    if (!changed) return { kind: 'unchanged', obligation: current };
    if (current.etag !== etag) return { kind: 'changedMeanwhile', current };
    const outcome = await this.commit(actor, all, { before: current, after: changed, action: active ? 'labelObligation.restore' : 'labelObligation.retire' });
    if (outcome.kind === 'conflict') return this.fresh(id);
    return { kind: 'saved', obligation: outcome.saved };
  }

  /**
   * Marks the occurrence the form was opened for done on the day typed (not in the future), then moves what derives
   * from it. Nothing is written when the date is wrong, the person may not, or the occurrence changed or was done.
   */
  async markDone(actor: Person, request: MarkDoneRequest): Promise<MarkDoneOutcome> {
    const { labelCalendar, clock, calendar } = this.deps;
    const all = await labelCalendar.list();
    const current = all.find((o) => o.id === request.id);
    if (!current) return { kind: 'notFound' };
    if (!mayMarkDone(current, actor)) return { kind: 'refused', reason: notOwner };
    // A second click (or a second person) on the same occurrence: it is in the history, whatever came next.
    const previous = current.history.findLast((entry) => entry.occurrenceDueOn === request.occurrenceDueOn);
    if (previous) return { kind: 'alreadyDone', obligation: current, entry: previous };
    if (!current.active || current.dueOn !== request.occurrenceDueOn || current.etag !== request.etag) return { kind: 'changedMeanwhile', current };
    const now = clock.now();
    const checked = checkDoneInput(request.input, { obligation: current, actorId: actor.id, today: calendar.localDateOf(now), now });
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors, obligation: current };
    const after = markOccurrenceDone(pickObligation(current), checked.entry, now);
    const outcome = await this.commit(actor, all, { before: current, after, action: 'labelObligation.done' });
    if (outcome.kind === 'conflict') return this.fresh(current.id);
    return { kind: 'done', obligation: outcome.saved, entry: checked.entry, rescheduled: outcome.rescheduled };
  }

  private async fresh(id: string): Promise<{ kind: 'changedMeanwhile'; current: StoredLabelObligation } | { kind: 'notFound' }> {
    const current = await this.deps.labelCalendar.get(id);
    return current ? { kind: 'changedMeanwhile', current } : { kind: 'notFound' };
  }

  /** Writes a change and the derived obligations it moves in one transaction, then audits each of them. */
  private async commit(
    actor: Person,
    all: readonly StoredLabelObligation[],
    change: Change,
  ): Promise<{ kind: 'written'; saved: StoredLabelObligation; rescheduled: LabelObligation[] } | { kind: 'conflict' }> {
    const { labelCalendar, audit, clock } = this.deps;
    const stored = new Map(all.map((o) => [o.id, o]));
    const candidates = [...all.filter((o) => o.id !== change.after.id).map(pickObligation), change.after];
    const moved = recomputeDerived(candidates, clock.now());
    const own = moved.find((o) => o.id === change.after.id) ?? change.after;
    const rescheduled = moved.filter((o) => o.id !== change.after.id);
    const changes: Change[] = [
      { ...change, after: own },
      ...rescheduled.map((after) => ({ before: stored.get(after.id), after, action: 'labelObligation.reschedule' })),
    ];
    let written: StoredLabelObligation[];
    try {
      written = await labelCalendar.writeAll(
        changes.map(({ before, after }) => ({ obligation: { ...after, revision: before ? before.revision + 1 : 0 }, etag: before?.etag })),
      );
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return { kind: 'conflict' };
      throw error;
    }
    await audit.append(
      ...changes.map(({ before, after, action }) => ({
        actorId: actor.id,
        action,
        entityType: 'labelObligation',
        entityId: after.id,
        before: before ? pickObligation(before) : undefined,
        after: pickObligation(written.find((o) => o.id === after.id) ?? after),
      })),
    );
    const saved = written.find((o) => o.id === change.after.id);
    if (!saved) return { kind: 'conflict' };
    return { kind: 'written', saved, rescheduled };
  }
}
