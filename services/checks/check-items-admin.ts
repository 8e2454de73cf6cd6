import type { AuditRepository } from '../audit/audit-repository';
import type { Clock } from '../clock';
import type { PeopleRepository } from '../directory/people-repository';
import type { Person } from '../directory/person';
import type { ServicesRepository } from '../directory/services-repository';
import type { ImportProblem } from '../directory/directory-import';
import type { CommitmentsRepository } from '../referentiel/commitments-repository';
import { ConcurrentUpdateError } from '../storage/storage-errors';
import { maxBatchSize } from '../storage/table-pages';
import type { StoredCheckItem } from './check-item';
import {
  applyCheckItemEdit,
  buildNewCheckItem,
  pickItem,
  setCheckItemActive,
  type CheckItemDraft,
  type CheckItemFieldErrors,
  type CheckItemReferences,
} from './check-item-edit';
import { parseCheckItemsCsv } from './check-items-csv';
import type { CheckItemsRepository } from './check-items-repository';

/** A create (no itemId) or edit (itemId and the ETag the form was built from) request from the form. */
export interface CheckItemSaveRequest {
  itemId?: string;
  etag?: string;
  draft: CheckItemDraft;
}

/** Outcome of saving the form. */
export type CheckItemSaveOutcome =
  | { kind: 'saved'; item: StoredCheckItem; created: boolean }
  | { kind: 'invalid'; errors: CheckItemFieldErrors; formError?: string }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredCheckItem }
  | { kind: 'refused'; reason: string };

/** Outcome of retiring or restoring an item. */
export type CheckItemActiveOutcome =
  | { kind: 'saved'; item: StoredCheckItem }
  | { kind: 'unchanged'; item: StoredCheckItem }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredCheckItem }
  | { kind: 'refused'; reason: string };

/** Outcome of a CSV import. */
export type CheckItemImportOutcome =
  | { kind: 'imported'; created: number; updated: number; unchanged: number }
  | { kind: 'rejected'; problems: ImportProblem[] }
  | { kind: 'changedMeanwhile' }
  | { kind: 'refused'; reason: string };

/** What the check-items use cases work with. */
export interface CheckItemsAdminDeps {
  checkItems: CheckItemsRepository;
  people: PeopleRepository;
  services: ServicesRepository;
  commitments: CommitmentsRepository;
  audit: AuditRepository;
  clock: Clock;
  /** Référentiel whose commitments items may point at. */
  referentiel: string;
}

const forbidden = 'Seuls le responsable qualité et les administrateurs gèrent les éléments de contrôle.';
const mayManage = (actor: Pick<Person, 'roles'>) => actor.roles.includes('rq') || actor.roles.includes('admin');

/**
 * The quality officer's management of check items (issue 4): create, edit, reassign, retire and restore by card,
 * import from CSV. Edits are guarded by the ETag the card was built from; every write is audited after it is made.
 */
export class CheckItemsAdmin {
  constructor(private readonly deps: CheckItemsAdminDeps) {}

  /** The directory, services and référentiel commitments a draft is checked against. */
  async references(): Promise<CheckItemReferences> {
    const { people, services, commitments, referentiel } = this.deps;
    const [everyone, serviceList, commitmentList] = await Promise.all([people.list(), services.list(), commitments.list(referentiel)]);
    return { people: everyone, serviceCodes: serviceList.map((s) => s.code), commitmentIds: commitmentList.map((c) => c.id) };
  }

  /** Creates or edits an item from the form. */
  async save(actor: Person, request: CheckItemSaveRequest): Promise<CheckItemSaveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { checkItems, audit, clock } = this.deps;
    const current = request.itemId ? await checkItems.get(request.itemId) : undefined;
    if (request.itemId && !current) return { kind: 'notFound' };
    if (current && current.etag !== request.etag) return { kind: 'changedMeanwhile', current };
    const refs = await this.references();
    const result = current
      ? applyCheckItemEdit(current, request.draft, refs)
      : buildNewCheckItem(request.draft, refs, (await checkItems.list()).map((i) => i.id), clock.now());
    if (!result.ok) return { kind: 'invalid', errors: result.errors };
    let saved: StoredCheckItem;
    try {
      saved = await checkItems.save(result.item, current?.etag);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      if (!current) return { kind: 'invalid', errors: {}, formError: 'Un élément de même identifiant vient d’être créé : enregistrez à nouveau.' };
      const fresh = await checkItems.get(current.id);
      return fresh ? { kind: 'changedMeanwhile', current: fresh } : { kind: 'notFound' };
    }
    await audit.append({
      actorId: actor.id,
      action: current ? 'checkItem.update' : 'checkItem.create',
      entityType: 'checkItem',
      entityId: saved.id,
      before: current ? pickItem(current) : undefined,
      after: pickItem(saved),
    });
    return { kind: 'saved', item: saved, created: !current };
  }

  /** Retires (false) or restores (true) an item, guarded by the ETag of the card clicked. */
  async setActive(actor: Person, itemId: string, etag: string, active: boolean): Promise<CheckItemActiveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { checkItems, audit } = this.deps;
    const current = await checkItems.get(itemId);
    if (!current) return { kind: 'notFound' };
    const changed = setCheckItemActive(current, active);
    if (!changed) return { kind: 'unchanged', item: current };
    if (current.etag !== etag) return { kind: 'changedMeanwhile', current };
    let saved: StoredCheckItem;
    try {
      saved = await checkItems.save(changed, current.etag);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      const fresh = await checkItems.get(itemId);
      return fresh ? { kind: 'changedMeanwhile', current: fresh } : { kind: 'notFound' };
    }
    await audit.append({
      actorId: actor.id,
      action: active ? 'checkItem.restore' : 'checkItem.retire',
      entityType: 'checkItem',
      entityId: itemId,
      before: pickItem(current),
      after: pickItem(saved),
    });
    return { kind: 'saved', item: saved };
  }

  /** Imports pasted CSV: every row valid or nothing written; rows identical to the stored item are not rewritten. */
  async importCsv(actor: Person, csv: string): Promise<CheckItemImportOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { checkItems, audit, clock } = this.deps;
    const [refs, existing] = await Promise.all([this.references(), checkItems.list()]);
    const parsed = parseCheckItemsCsv(csv, refs, existing, clock.now());
    if (!parsed.ok) return { kind: 'rejected', problems: parsed.problems };
    const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
    const changed = parsed.rows.filter((row) => !row.previous || !same(pickItem(row.previous), pickItem(row.item)));
    // Written and audited 100 rows at a time (one transaction each): an import cut off midway leaves only
    // audited writes behind, and running it again completes it.
    for (let start = 0; start < changed.length; start += maxBatchSize) {
      const batch = changed.slice(start, start + maxBatchSize);
      try {
        await checkItems.importAll(batch.map((row) => ({ item: row.item, etag: row.previous?.etag })));
      } catch (error) {
        if (error instanceof ConcurrentUpdateError) return { kind: 'changedMeanwhile' };
        throw error;
      }
      await audit.append(
        ...batch.map((row) => ({
          actorId: actor.id,
          action: 'checkItem.import',
          entityType: 'checkItem',
          entityId: row.item.id,
          before: row.previous ? pickItem(row.previous) : undefined,
          after: pickItem(row.item),
        })),
      );
    }
    const created = changed.filter((row) => !row.previous).length;
    return { kind: 'imported', created, updated: changed.length - created, unchanged: parsed.rows.length - changed.length };
  }
}
