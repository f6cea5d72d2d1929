/**
 * Reads rows from any `DataSource` by its shape (see data-source.ts). `readSource` answers either
 * a list of rows or "one row or nothing" (for sources that only say that, such as
 * `findUnique()` or a function returning a row), so `getObjectOr404` can apply Django's rule:
 * no row is a 404, more than one is `MultipleObjectsReturned`.
 */
import { isThenable } from '@reins/core';
import type { LookupOptions } from '../data-source.js';

/** Django's `MAX_GET_RESULTS`: `get()` fetches this many rows to report how many matched. */
export const MAX_GET_RESULTS = 21;

/** Rows, or one row-or-nothing; `origin` is the innermost source read (it may name the model). */
export type ReadResult = ({ rows: unknown[] } | { row: unknown }) & {
  origin: unknown;
  bounded?: boolean;
};

type Mode = 'object' | 'list';
type AnyRecord = Record<PropertyKey, unknown>;
type AnyFunction = (...args: unknown[]) => unknown;

const DRIZZLE_ENTITY_KIND = Symbol.for('drizzle:entityKind');
const DRIZZLE_NAME = Symbol.for('drizzle:Name');

function isObject(value: unknown): value is AnyRecord {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

function hasMethod(value: unknown, name: string): boolean {
  return isObject(value) && typeof value[name] === 'function';
}

function isDelegate(value: unknown): boolean {
  return (
    !isThenable(value) &&
    (hasMethod(value, 'findMany') ||
      hasMethod(value, 'findFirst') ||
      hasMethod(value, 'findUnique'))
  );
}

function isExecutable(value: unknown): boolean {
  return !isThenable(value) && hasMethod(value, 'execute');
}

function isCountSlice(value: unknown): boolean {
  return (
    !Array.isArray(value) &&
    typeof value !== 'string' &&
    hasMethod(value, 'count') &&
    hasMethod(value, 'slice')
  );
}

function entityKind(value: AnyRecord): string {
  const kind = (value.constructor as unknown as AnyRecord | undefined)?.[DRIZZLE_ENTITY_KIND];
  return typeof kind === 'string' ? kind : '';
}

/** A short description of a value for error messages: `number`, `Object`, `Article`… */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object' && typeof value !== 'function') return typeof value;
  const constructor = (value as AnyRecord).constructor as { name?: unknown } | undefined;
  return typeof constructor?.name === 'string' && constructor.name ? constructor.name : 'object';
}

/** The model (or table) name a source reveals about itself, if any. */
export function sourceModelName(source: unknown): string | undefined {
  if (!isObject(source)) return undefined;
  // Prisma delegates expose the model as `$name`; a model-like object may carry `modelName`.
  for (const key of ['$name', 'modelName']) {
    if (typeof source[key] === 'string' && source[key]) return source[key];
  }
  // Drizzle: a select builder keeps its table in `config.table`; a relational query its `tableConfig`.
  const config = source['config'];
  if (isObject(config) && isObject(config['table'])) {
    const name = config['table'][DRIZZLE_NAME];
    if (typeof name === 'string') return name;
  }
  const tableConfig = source['tableConfig'];
  if (isObject(tableConfig) && typeof tableConfig['dbName'] === 'string')
    return tableConfig['dbName'];
  // Kysely: the operation node of `selectFrom('article')` names the table.
  if (hasMethod(source, 'toOperationNode')) {
    try {
      const node = (source['toOperationNode'] as () => unknown).call(source) as AnyRecord;
      const froms = (node['from'] as AnyRecord | undefined)?.['froms'];
      let table = Array.isArray(froms) ? (froms[0] as AnyRecord | undefined) : undefined;
      if (table?.['kind'] === 'AliasNode') table = table['node'] as AnyRecord;
      const identifier = (table?.['table'] as AnyRecord | undefined)?.['identifier'] as
        AnyRecord | undefined;
      if (typeof identifier?.['name'] === 'string') return identifier['name'];
    } catch {
      // Not a Kysely node after all; the caller falls back to a generic name.
    }
  }
  return undefined;
}

function interpret(value: unknown, origin: unknown): ReadResult {
  if (Array.isArray(value)) return { rows: value, origin };
  return { row: value, origin };
}

function callDelegate(source: AnyRecord, mode: Mode, options: LookupOptions): Promise<unknown> {
  const args: AnyRecord = { ...options.args };
  if (options.where !== undefined) args['where'] = options.where;
  // Drizzle's relational builder spells Prisma's `take` as `limit`.
  const limitKey = entityKind(source).includes('RelationalQueryBuilder') ? 'limit' : 'take';
  if (typeof source['findMany'] === 'function') {
    if (mode === 'object' && args[limitKey] === undefined) args[limitKey] = MAX_GET_RESULTS;
    return Promise.resolve((source['findMany'] as AnyFunction).call(source, args));
  }
  if (mode === 'list') {
    throw new TypeError(
      `getListOr404(): the ${typeName(source)} delegate has no findMany(); give it one, or pass a query that returns an array.`,
    );
  }
  const finder = typeof source['findUnique'] === 'function' ? 'findUnique' : 'findFirst';
  return Promise.resolve((source[finder] as AnyFunction).call(source, args));
}

function isLimited(query: AnyRecord): boolean {
  const config = query['config'];
  if (isObject(config) && 'limit' in config) return config['limit'] !== undefined;
  if (hasMethod(query, 'toOperationNode')) {
    try {
      return (query['toOperationNode'] as () => AnyRecord).call(query)['limit'] !== undefined;
    } catch {
      return false;
    }
  }
  return false;
}

async function readExecutable(query: AnyRecord, mode: Mode): Promise<ReadResult> {
  // Like Django's get(), fetch a bounded number of rows to detect duplicates cheaply, unless the
  // query already carries its own limit (Django leaves a sliced queryset's limits alone too).
  const bound = mode === 'object' && typeof query['limit'] === 'function' && !isLimited(query);
  // Drizzle's limit() mutates and returns the same builder; Kysely's returns a new one.
  const runnable = bound
    ? ((query['limit'] as AnyFunction).call(query, MAX_GET_RESULTS) as AnyRecord)
    : query;
  const result = interpret(await (runnable['execute'] as AnyFunction).call(runnable), query);
  result.bounded = bound;
  return result;
}

/** Read `source` for `getObjectOr404` (`mode: 'object'`) or `getListOr404` (`mode: 'list'`). */
export async function readSource(
  source: unknown,
  mode: Mode,
  options: LookupOptions,
  caller: string,
  depth = 0,
): Promise<ReadResult> {
  if (options.where !== undefined && depth === 0 && !isDelegate(source)) {
    throw new TypeError(
      `${caller}: the 'where' option applies to a Prisma-style delegate or Drizzle's db.query.<table>, ` +
        `not to a ${typeName(source)}. Put the condition in the query itself.`,
    );
  }
  if (Array.isArray(source)) return { rows: source, origin: source };
  if (depth < 4) {
    if (typeof source === 'function' && !isDelegate(source)) {
      return readSource(await (source as () => unknown)(), mode, options, caller, depth + 1);
    }
    if (
      isThenable(source) &&
      mode === 'object' &&
      hasMethod(source, 'execute') &&
      hasMethod(source, 'limit')
    ) {
      // A Drizzle select: thenable, but it can also be bounded like a Kysely query.
      return readExecutable(source as unknown as AnyRecord, mode);
    }
    if (isThenable(source)) {
      const value = await source;
      if (isExecutable(value) || isDelegate(value) || isCountSlice(value)) {
        return readSource(value, mode, options, caller, depth + 1);
      }
      return interpret(value, source);
    }
  }
  if (depth > 0 && !(isExecutable(source) || isDelegate(source) || isCountSlice(source))) {
    return interpret(source, undefined);
  }
  if (isDelegate(source)) {
    const result = interpret(await callDelegate(source as AnyRecord, mode, options), source);
    result.bounded = mode === 'object';
    return result;
  }
  if (isExecutable(source)) return readExecutable(source as AnyRecord, mode);
  if (isCountSlice(source)) {
    const slicer = source as {
      count(): unknown;
      slice(start: number, end: number): unknown;
    };
    const end = mode === 'object' ? MAX_GET_RESULTS : Number(await slicer.count());
    const result = interpret(await slicer.slice(0, end), source);
    result.bounded = mode === 'object';
    return result;
  }
  if (isObject(source) && typeof source[Symbol.asyncIterator] === 'function') {
    const rows: unknown[] = [];
    for await (const row of source as unknown as AsyncIterable<unknown>) rows.push(row);
    return { rows, origin: source };
  }
  if (isObject(source) && typeof source[Symbol.iterator] === 'function') {
    return { rows: Array.from(source as unknown as Iterable<unknown>), origin: source };
  }
  throw new TypeError(
    `First argument to ${caller} must be an array, a promise, a function, a query builder (Kysely, ` +
      `Drizzle), a Prisma-style delegate or a { count, slice } source, not '${typeName(source)}'.`,
  );
}
