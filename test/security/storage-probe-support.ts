import { isRestError } from '@azure/core-rest-pipeline';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { ZodError } from 'zod';
import type { AppServices } from '../../services/app-services';
import { isSafeKey } from '../../services/storage/keys';
import { partitionFilter } from '../../services/storage/odata-filter';
import { ConcurrentUpdateError, InvalidStorageInputError } from '../../services/storage/storage-errors';
import { tableNames, type TableName } from '../../services/storage/table-names';
import { listAllEntities } from '../../services/storage/table-pages';

/** A hostile value, made fresh for each call (some change what they say between two reads). */
export interface HostileValue {
  label: string;
  make: () => unknown;
}

const injection = "' or true or '";

/**
 * Values of every type a card or a typed command could smuggle into a key or a filter, cast through `unknown`:
 * quote tricks, control and lone-surrogate characters, over-long text, numbers the SDK would insert unquoted,
 * arrays and objects that print as a query, Dates that are not, and look-alikes of the valid value.
 */
export function hostileValues(valid: unknown): HostileValue[] {
  const text = typeof valid === 'string' || typeof valid === 'number' ? String(valid) : 'x';
  let shifts = 0;
  const values: HostileValue[] = [
    { label: 'quote or PartitionKey ne', make: () => "' or PartitionKey ne '" },
    { label: 'closing parenthesis or true', make: () => "') or true or ('" },
    { label: 'x or RowKey gt', make: () => "x' or RowKey gt '" },
    { label: 'valid or PartitionKey ne valid', make: () => `${text}' or PartitionKey ne '${text}` },
    { label: 'valid then injection', make: () => `${text}${injection}` },
    { label: 'single quote', make: () => "'" },
    { label: 'two quotes', make: () => "''" },
    { label: 'url-encoded quote', make: () => '%27' },
    { label: 'url-encoded injection', make: () => `${text}%27%20or%20true%20or%20%27` },
    { label: 'unicode look-alikes', make: () => `${text}\u2019\u00ab\u202e\u{1F600}é` },
    { label: 'lone surrogate', make: () => `${text}\uD800` },
    { label: 'NUL', make: () => `${text}\u0000` },
    { label: 'C0 control', make: () => `a\u0001b` },
    { label: 'DEL', make: () => '\u007f' },
    { label: 'C1 control', make: () => `${text}\u0085` },
    { label: 'line separator', make: () => `${text}\u2028` },
    { label: '2 KB', make: () => 'a'.repeat(2048) },
    { label: 'slash', make: () => `${text}/..` },
    { label: 'backslash', make: () => '\\' },
    { label: 'hash', make: () => `${text}#` },
    { label: 'question mark', make: () => '?' },
    { label: 'empty', make: () => '' },
    { label: 'space', make: () => ' ' },
    { label: 'NaN', make: () => NaN },
    { label: 'Infinity', make: () => Infinity },
    { label: '-1', make: () => -1 },
    { label: '1e308', make: () => 1e308 },
    { label: 'fraction', make: () => (typeof valid === 'number' ? valid + 0.5 : 2.5) },
    { label: 'number for text', make: () => (typeof valid === 'string' && /^\d+$/.test(valid) ? Number(valid) : 2026) },
    { label: 'text for number', make: () => text },
    { label: 'empty array', make: () => [] },
    { label: 'array of the valid value', make: () => [valid] },
    { label: 'array with injection', make: () => [valid, injection] },
    { label: 'empty object', make: () => ({}) },
    { label: 'object with toString', make: () => ({ toString: () => `${text}${injection}` }) },
    { label: 'object with valueOf', make: () => ({ valueOf: () => valid, toString: () => injection }) },
    { label: 'object valid on first read only', make: () => ({ toString: () => (shifts++ % 2 === 0 ? text : injection) }) },
    { label: 'object with replace', make: () => ({ replace: () => injection, toString: () => text }) },
    { label: 'object with toISOString', make: () => ({ toISOString: () => ({ toString: () => injection }) }) },
    { label: 'array-like', make: () => ({ length: 1, 0: valid }) },
    { label: 'boxed string', make: () => new String(text) },
    { label: 'null-prototype object', make: () => Object.create(null) as unknown },
    { label: 'null', make: () => null },
    { label: 'undefined', make: () => undefined },
    { label: 'invalid Date', make: () => new Date(NaN) },
    { label: 'Date', make: () => new Date(0) },
    { label: 'Date with hostile toISOString', make: () => Object.assign(new Date(0), { toISOString: () => injection }) },
    { label: 'Date prototype without a date', make: () => Object.create(Date.prototype) as unknown },
    { label: 'boolean', make: () => true },
    { label: 'bigint', make: () => 2026n },
    { label: 'symbol', make: () => Symbol('x') },
    { label: 'function', make: () => () => valid },
  ];
  return values;
}

/** A filter with every quoted literal replaced by a placeholder: what a hostile value may not change. */
export function filterShape(filter: string): string {
  return filter.replace(/datetime'[^']*'/g, "datetime'?'").replace(/'(?:[^']|'')*'/g, "'?'");
}

/** The errors a refused or missing value may end in: a validation error, or the service saying no such row. */
export function isCleanRefusal(error: unknown): boolean {
  if (error instanceof InvalidStorageInputError || error instanceof ZodError || error instanceof ConcurrentUpdateError) return true;
  return isRestError(error) && [404, 409, 412].includes(error.statusCode ?? 0);
}

/** Requests sent to storage since the last reset. */
export interface CapturedRequests {
  filters: string[];
  /** Keys of every point read, write and delete, as the SDK received them. */
  keys: unknown[];
  writes: number;
  reset(): void;
}

const writeMethods = ['createEntity', 'upsertEntity', 'updateEntity'] as const;

/** Wraps the store's table clients (the ones every repository holds) to record filters, keys and writes. */
export function captureRequests(app: AppServices): CapturedRequests {
  const captured: CapturedRequests = {
    filters: [],
    keys: [],
    writes: 0,
    reset() {
      captured.filters = [];
      captured.keys = [];
      captured.writes = 0;
    },
  };
  for (const name of Object.values(tableNames)) {
    const client: TableClient = app.store.table(name);
    const listEntities = client.listEntities.bind(client);
    client.listEntities = (options) => {
      captured.filters.push(options?.queryOptions?.filter ?? '');
      return listEntities(options);
    };
    const getEntity = client.getEntity.bind(client);
    client.getEntity = (partitionKey: string, rowKey: string, options) => {
      captured.keys.push(partitionKey, rowKey);
      return getEntity(partitionKey, rowKey, options);
    };
    const deleteEntity = client.deleteEntity.bind(client);
    client.deleteEntity = (partitionKey: string, rowKey: string, options) => {
      captured.keys.push(partitionKey, rowKey);
      captured.writes += 1;
      return deleteEntity(partitionKey, rowKey, options);
    };
    for (const method of writeMethods) {
      const original = (client[method] as (...args: unknown[]) => Promise<unknown>).bind(client);
      (client as unknown as Record<string, unknown>)[method] = (entity: TableEntity, ...rest: unknown[]) => {
        captured.keys.push(entity.partitionKey, entity.rowKey);
        captured.writes += 1;
        return original(entity, ...rest);
      };
    }
    const submitTransaction = client.submitTransaction.bind(client);
    client.submitTransaction = (actions: TransactionAction[], options) => {
      for (const action of actions) {
        const entity = action[1] as TableEntity;
        captured.keys.push(entity.partitionKey, entity.rowKey);
      }
      captured.writes += actions.length;
      return submitTransaction(actions, options);
    };
  }
  return captured;
}

/** True when every key the SDK received is text a key may hold. */
export function allKeysSafe(keys: readonly unknown[]): boolean {
  return keys.every((key) => isSafeKey(key));
}

/** Rows of another partition (or one row of it) that no call with a hostile value may change. */
export interface Guard {
  table: TableName;
  partitionKey: string;
  rowKey?: string;
}

/** The guarded rows as stored, ETags and timestamps included: any write to them changes this text. */
export async function guardSnapshot(app: AppServices, guard: Guard): Promise<string> {
  const rows = await listAllEntities<Record<string, unknown>>(app.store.table(guard.table), partitionFilter(guard.partitionKey, 'guard'));
  return JSON.stringify(rows.filter((row) => guard.rowKey === undefined || row.rowKey === guard.rowKey));
}
