import type { TableClient, TransactionAction } from '@azure/data-tables';
import { assertSafeKey } from '../storage/keys';
import { KeptCopy, keptCopyTtlMs } from '../storage/kept-copy';
import { partitionFilter } from '../storage/odata-filter';
import { ConcurrentUpdateError, isConflict, isNotFound, isPreconditionFailed } from '../storage/storage-errors';
import { listAllEntities, submitInBatches } from '../storage/table-pages';
import type { Role } from './roles';
import { personSchema, type Person, type StoredPerson } from './person';

/** All people live in one partition: lookups are point reads by aadObjectId (RowKey). */
const partitionKey = 'person';

interface PersonRow {
  name: string;
  email?: string;
  service?: string;
  roles: string;
  toAssign: boolean;
  createdAt: string;
  language?: string;
  arrivedOn?: string;
}

function toRow(person: Person) {
  return {
    partitionKey,
    rowKey: assertSafeKey(person.id, 'person id'),
    name: person.name,
    email: person.email ?? '',
    service: person.service ?? '',
    roles: person.roles.join(','),
    toAssign: person.toAssign,
    createdAt: person.createdAt,
    language: person.language ?? '',
    arrivedOn: person.arrivedOn ?? '',
  };
}

/** A copy callers may change without changing the cached directory. */
function copyOf(person: StoredPerson): StoredPerson {
  return { ...person, roles: [...person.roles] };
}

function fromRow(row: PersonRow & { rowKey?: string; etag?: string }): StoredPerson {
  const person = personSchema.parse({
    id: row.rowKey,
    name: row.name,
    email: row.email || undefined,
    service: row.service || undefined,
    roles: row.roles.split(',').filter(Boolean) as Role[],
    toAssign: row.toAssign,
    createdAt: row.createdAt,
    language: row.language || undefined,
    arrivedOn: row.arrivedOn || undefined,
  });
  return { ...person, etag: row.etag ?? '' };
}

/**
 * The directory's people. `list()` is served from a copy kept in memory (services/storage/kept-copy.ts): approvers,
 * reminders and status cards need the whole directory on many turns, and reading thousands of rows per click was
 * the cost issue 9's benchmark found. This repository is the only writer of the table, and every write through it
 * drops the copy, so this instance never sees its own writes late; another instance's write shows within the time
 * to live. Point reads (`get`: the actor of a turn, whose roles decide what they may do) always go to storage.
 */
export class PeopleRepository {
  private readonly kept: KeptCopy<StoredPerson>;
  /** The kept people by id, built once per copy (names on cards, a reminder's language). */
  private index?: { of: readonly StoredPerson[]; byId: Map<string, StoredPerson> };

  constructor(
    private readonly table: TableClient,
    cacheTtlMs = keptCopyTtlMs,
    /** Monotonic milliseconds for the cache's age (not business time). */
    monotonicNow: () => number = () => performance.now(),
  ) {
    this.kept = new KeptCopy(cacheTtlMs, monotonicNow);
  }

  /** Forgets the in-memory copy of the directory (after a write, or when someone else changed it). */
  invalidate(): void {
    this.kept.invalidate();
    this.index = undefined;
  }

  /** One person by aadObjectId, or undefined. */
  async get(id: string): Promise<StoredPerson | undefined> {
    try {
      const row = await this.table.getEntity<PersonRow>(partitionKey, assertSafeKey(id, 'person id'));
      return fromRow(row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Creates a person; returns false (and writes nothing) when the id is already known. */
  async create(person: Person): Promise<boolean> {
    try {
      await this.table.createEntity(toRow(personSchema.parse(person)));
      this.invalidate();
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /** Replaces a person only if it has not changed since it was read (ETag); throws ConcurrentUpdateError otherwise. */
  async update(person: StoredPerson): Promise<StoredPerson> {
    const { etag, ...fields } = person;
    try {
      const result = await this.table.updateEntity(toRow(personSchema.parse(fields)), 'Replace', { etag });
      this.invalidate();
      return { ...fields, etag: result.etag ?? '' };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) throw new ConcurrentUpdateError('person');
      throw error;
    }
  }

  /** Every person (the directory is a few thousand rows at most; read with continuation tokens, then kept a while). */
  async list(): Promise<StoredPerson[]> {
    const people = await this.kept.read(async () => (await listAllEntities<PersonRow>(this.table, partitionFilter(partitionKey, 'people'))).map(fromRow));
    return people.map(copyOf);
  }

  /**
   * One person as the kept directory knows them, for what may lag a minute behind another instance's write (a
   * name on a card, the language of a reminder): no storage call while the copy is fresh, a point read otherwise.
   * Never for the actor of a turn (`get`): their roles decide what they may do.
   */
  async known(id: string): Promise<StoredPerson | undefined> {
    const people = this.kept.fresh();
    if (!people) return this.get(id);
    if (this.index?.of !== people) this.index = { of: people, byId: new Map(people.map((person) => [person.id, person])) };
    const person = this.index.byId.get(id);
    return person ? copyOf(person) : this.get(id);
  }

  /** People registered on first contact and not yet reviewed by an admin. */
  async listToAssign(): Promise<StoredPerson[]> {
    const rows = await listAllEntities<PersonRow>(this.table, `${partitionFilter(partitionKey, 'people')} and toAssign eq true`);
    return rows.map(fromRow);
  }

  /** Upserts many people in transactions of 100 (idempotent: re-running a failed import completes it). */
  async upsertMany(people: Person[]): Promise<void> {
    const actions: TransactionAction[] = people.map((person) => ['upsert', toRow(personSchema.parse(person)), 'Replace']);
    try {
      await submitInBatches(this.table, actions);
    } finally {
      // Even a failed import may have applied its first transactions.
      this.invalidate();
    }
  }
}
