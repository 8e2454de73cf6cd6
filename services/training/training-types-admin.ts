import type { AuditRepository } from '../audit/audit-repository';
import type { Person } from '../directory/person';
import type { ServicesRepository } from '../directory/services-repository';
import { ConcurrentUpdateError } from '../storage/storage-errors';
import {
  applyTrainingTypeEdit,
  buildNewTrainingType,
  pickTrainingType,
  setTrainingTypeActive,
  type TrainingTypeDraft,
  type TrainingTypeFieldErrors,
  type TrainingTypeReferences,
} from './training-type-edit';
import type { StoredTrainingType, TrainingTypesRepository } from './training-types-repository';

/** A create (no typeId) or edit (typeId and the ETag the form was built from) request from the form. */
export interface TrainingTypeSaveRequest {
  typeId?: string;
  etag?: string;
  draft: TrainingTypeDraft;
}

/** Outcome of saving the form. */
export type TrainingTypeSaveOutcome =
  | { kind: 'saved'; type: StoredTrainingType; created: boolean }
  | { kind: 'invalid'; errors: TrainingTypeFieldErrors; formError?: string }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredTrainingType }
  | { kind: 'refused'; reason: string };

/** Outcome of retiring or restoring a type. */
export type TrainingTypeActiveOutcome =
  | { kind: 'saved'; type: StoredTrainingType }
  | { kind: 'unchanged'; type: StoredTrainingType }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredTrainingType }
  | { kind: 'refused'; reason: string };

/** What the training-type use cases work with. */
export interface TrainingTypesAdminDeps {
  trainingTypes: TrainingTypesRepository;
  services: ServicesRepository;
  audit: AuditRepository;
}

const forbidden = 'Seuls le responsable qualité et les administrateurs gèrent les types de formation.';
const mayManage = (actor: Pick<Person, 'roles'>) => actor.roles.includes('rq') || actor.roles.includes('admin');

/**
 * The quality officer's catalogue of training types (issue 4; DOMAIN §2): create, edit, retire and restore by
 * card. Edits are guarded by the ETag the card was built from; every write is audited after it is made. The
 * statuses and the reminder planner read the catalogue at each turn and sweep, so a change applies at once.
 */
export class TrainingTypesAdmin {
  constructor(private readonly deps: TrainingTypesAdminDeps) {}

  /** The services a draft may name. */
  async references(): Promise<TrainingTypeReferences> {
    return { serviceCodes: (await this.deps.services.list()).map((s) => s.code) };
  }

  /** Creates or edits a type from the form. */
  async save(actor: Person, request: TrainingTypeSaveRequest): Promise<TrainingTypeSaveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { trainingTypes, audit } = this.deps;
    const current = request.typeId ? await trainingTypes.get(request.typeId) : undefined;
    if (request.typeId && !current) return { kind: 'notFound' };
    if (current && current.etag !== request.etag) return { kind: 'changedMeanwhile', current };
    const refs = await this.references();
    const result = current
      ? applyTrainingTypeEdit(current, request.draft, refs)
      : buildNewTrainingType(request.draft, refs, (await trainingTypes.list()).map((t) => t.id));
    if (!result.ok) return { kind: 'invalid', errors: result.errors };
    let saved: StoredTrainingType;
    try {
      saved = await trainingTypes.save(result.type, current?.etag);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      if (!current) return { kind: 'invalid', errors: {}, formError: 'Un type de même identifiant vient d’être créé : enregistrez à nouveau.' };
      const fresh = await trainingTypes.get(current.id);
      return fresh ? { kind: 'changedMeanwhile', current: fresh } : { kind: 'notFound' };
    }
    await audit.append({
      actorId: actor.id,
      action: current ? 'trainingType.update' : 'trainingType.create',
      entityType: 'trainingType',
      entityId: saved.id,
      before: current ? pickTrainingType(current) : undefined,
      after: pickTrainingType(saved),
    });
    return { kind: 'saved', type: saved, created: !current };
  }

  /** Retires (false) or restores (true) a type, guarded by the ETag of the card clicked. */
  async setActive(actor: Person, typeId: string, etag: string, active: boolean): Promise<TrainingTypeActiveOutcome> {
    if (!mayManage(actor)) return { kind: 'refused', reason: forbidden };
    const { trainingTypes, audit } = this.deps;
    const current = await trainingTypes.get(typeId);
    if (!current) return { kind: 'notFound' };
    const changed = setTrainingTypeActive(current, active);
    if (!changed) return { kind: 'unchanged', type: current };
    if (current.etag !== etag) return { kind: 'changedMeanwhile', current };
    let saved: StoredTrainingType;
    try {
      saved = await trainingTypes.save(changed, current.etag);
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      const fresh = await trainingTypes.get(typeId);
      return fresh ? { kind: 'changedMeanwhile', current: fresh } : { kind: 'notFound' };
    }
    await audit.append({
      actorId: actor.id,
      action: active ? 'trainingType.restore' : 'trainingType.retire',
      entityType: 'trainingType',
      entityId: typeId,
      before: pickTrainingType(current),
      after: pickTrainingType(saved),
    });
    return { kind: 'saved', type: saved };
  }
}
