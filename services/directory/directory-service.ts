import type { AuditRepository } from '../audit/audit-repository';
import type { Clock } from '../clock';
import { ConcurrentUpdateError } from '../storage/storage-errors';
import { mergeImportedPerson, parseDirectoryCsv, type ImportProblem } from './directory-import';
import { decideImport, decideRoleChange, personFromFirstContact, placeholderName } from './directory-rules';
import type { PeopleRepository } from './people-repository';
import type { Service, StoredPerson } from './person';
import type { Role } from './roles';
import type { ServicesRepository } from './services-repository';

/** What a person-save request carries once the card data is validated. */
export interface PersonChange {
  personId: string;
  etag: string;
  service: string;
  roles: Role[];
  /** Day they took the post, YYYY-MM-DD; '' clears it, undefined keeps what is stored. */
  arrivedOn?: string;
}

/** Outcome of saving a person's service and roles. */
export type PersonSaveOutcome =
  | { kind: 'saved'; person: StoredPerson }
  | { kind: 'refused'; reason: string }
  | { kind: 'unknownService' }
  | { kind: 'notFound' }
  | { kind: 'changedMeanwhile'; current: StoredPerson };

/** Outcome of a directory import. */
export type ImportOutcome =
  | { kind: 'imported'; created: number; updated: number }
  | { kind: 'rejected'; problems: ImportProblem[] }
  | { kind: 'refused'; reason: string };

/** Directory use cases: who is talking, assigning services and roles, importing. Every change is audited. */
export class DirectoryService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly services: ServicesRepository,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    /** Ids that become admin at first contact while the directory has no admin (INITIAL_ADMINS). */
    private readonly initialAdmins: readonly string[] = [],
  ) {}

  /** The person behind a Teams user; someone unknown is registered as an agent without service. */
  async resolve(id: string, displayName: string | undefined): Promise<StoredPerson> {
    const known = await this.people.get(id.toLowerCase());
    if (known) return this.bootstrapAdmin(await this.completeName(known, displayName));
    const person = personFromFirstContact(id, displayName, this.clock.now());
    if (await this.people.create(person)) {
      await this.audit.append({ actorId: person.id, action: 'person.firstContact', entityType: 'person', entityId: person.id, after: person });
    }
    const stored = await this.people.get(person.id);
    if (!stored) throw new Error('person vanished right after creation');
    return this.bootstrapAdmin(stored);
  }

  // A new tenant has no admin, and only an admin can name one: INITIAL_ADMINS breaks that circle, once.
  private async bootstrapAdmin(person: StoredPerson): Promise<StoredPerson> {
    if (!this.initialAdmins.includes(person.id) || person.roles.includes('admin')) return person;
    if ((await this.people.list()).some((p) => p.roles.includes('admin'))) return person;
    try {
      const saved = await this.people.update({ ...person, roles: [...person.roles, 'admin'] });
      await this.audit.append({
        actorId: 'system',
        action: 'person.initialAdmin',
        entityType: 'person',
        entityId: person.id,
        before: { roles: person.roles },
        after: { roles: saved.roles },
      });
      return saved;
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return person;
      throw error;
    }
  }

  /** Creates or renames a service (admins only); audited. */
  async saveService(actor: StoredPerson, service: Service): Promise<{ kind: 'saved'; created: boolean } | { kind: 'refused'; reason: string }> {
    if (!actor.roles.includes('admin')) return { kind: 'refused', reason: 'Seul un administrateur peut créer ou renommer un service.' };
    if (service.parent && !(await this.services.get(service.parent))) {
      return { kind: 'refused', reason: `Le service parent « ${service.parent} » n’existe pas.` };
    }
    const before = await this.services.get(service.code);
    await this.services.upsertMany([service]);
    await this.audit.append({ actorId: actor.id, action: 'service.save', entityType: 'service', entityId: service.code, before, after: service });
    return { kind: 'saved', created: !before };
  }

  // Teams sends no name with installation events: a person first seen that way gets their name with their first message.
  private async completeName(person: StoredPerson, displayName: string | undefined): Promise<StoredPerson> {
    const name = displayName?.trim();
    if (!name || person.name !== placeholderName) return person;
    try {
      return await this.people.update({ ...person, name });
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return person;
      throw error;
    }
  }

  /** Sets a person's service and roles, guarded by the ETag the admin's form was built from. */
  async savePerson(actor: StoredPerson, change: PersonChange): Promise<PersonSaveOutcome> {
    const target = await this.people.get(change.personId);
    if (!target) return { kind: 'notFound' };
    if (target.etag !== change.etag) return { kind: 'changedMeanwhile', current: target };
    if (!(await this.services.get(change.service))) return { kind: 'unknownService' };
    const adminCount = (await this.people.list()).filter((p) => p.roles.includes('admin')).length;
    const decision = decideRoleChange(actor, target, change.roles, adminCount);
    if (!decision.allowed) return { kind: 'refused', reason: decision.reason };
    try {
      const arrivedOn = change.arrivedOn === undefined ? target.arrivedOn : change.arrivedOn || undefined;
      const saved = await this.people.update({ ...target, service: change.service, roles: change.roles, toAssign: false, arrivedOn });
      const { etag: _etagBefore, ...before } = target;
      const { etag: _etagAfter, ...after } = saved;
      await this.audit.append({ actorId: actor.id, action: 'person.update', entityType: 'person', entityId: target.id, before, after });
      return { kind: 'saved', person: saved };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      const current = await this.people.get(change.personId);
      return current ? { kind: 'changedMeanwhile', current } : { kind: 'notFound' };
    }
  }

  /** Records the interface language a person chose; retried once if their profile changed meanwhile. */
  async setLanguage(actor: StoredPerson, language: 'fr' | 'en'): Promise<StoredPerson> {
    let current = actor;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const saved = await this.people.update({ ...current, language });
        await this.audit.append({
          actorId: actor.id,
          action: 'person.language',
          entityType: 'person',
          entityId: actor.id,
          before: { language: current.language ?? null },
          after: { language },
        });
        return saved;
      } catch (error) {
        const fresh = error instanceof ConcurrentUpdateError && attempt === 0 ? await this.people.get(actor.id) : undefined;
        if (!fresh) throw error;
        current = fresh;
      }
    }
  }

  /**
   * Imports a pasted CSV: all rows valid or nothing written. Writes are upserts in transactions of 100, so an
   * import cut off midway is completed by running it again.
   */
  async importCsv(actor: StoredPerson, csv: string): Promise<ImportOutcome> {
    if (!actor.roles.includes('admin')) return { kind: 'refused', reason: 'Seul un administrateur peut importer l’annuaire.' };
    const serviceCodes = (await this.services.list()).map((s) => s.code);
    const parsed = parseDirectoryCsv(csv, serviceCodes);
    if (!parsed.ok) return { kind: 'rejected', problems: parsed.problems };

    const existing = new Map((await this.people.list()).map((p) => [p.id, p]));
    const nowIso = this.clock.now().toISOString();
    const merged = parsed.people.map((row) => mergeImportedPerson(row, existing.get(row.id), nowIso));
    const after = new Map(existing);
    for (const person of merged) after.set(person.id, { ...person, etag: '' });
    const decision = decideImport([...after.values()]);
    if (!decision.allowed) return { kind: 'refused', reason: decision.reason };

    await this.people.upsertMany(merged);
    await this.audit.append(
      ...merged.map((person) => {
        const previous = existing.get(person.id);
        const before = previous ? { ...previous, etag: undefined } : undefined;
        return { actorId: actor.id, action: 'directory.import', entityType: 'person', entityId: person.id, before, after: person };
      }),
    );
    const created = merged.filter((p) => !existing.has(p.id)).length;
    return { kind: 'imported', created, updated: merged.length - created };
  }
}
