/** Recognising the data sources the list and detail views treat specially. */
import type { SliceSource } from '../paginator.js';

/** A `{ count(), slice() }` source that can be paginated without loading every row. */
export function isSliceSource(value: unknown): value is SliceSource<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Partial<SliceSource<unknown>>).count === 'function' &&
    typeof (value as Partial<SliceSource<unknown>>).slice === 'function'
  );
}

/** A Kysely select query (filterable by `where(column, '=', value)`, sortable by `orderBy`). */
export interface KyselyLikeQuery {
  where(column: string, operator: string, value: unknown): KyselyLikeQuery;
  orderBy(column: string, direction?: 'asc' | 'desc'): KyselyLikeQuery;
  clearOrderBy?(): KyselyLikeQuery;
  execute(): PromiseLike<unknown[]>;
}

/** Kysely's builders are recognised by `whereRef` (Drizzle's `where` takes one SQL condition). */
export function isKyselyQuery(value: unknown): value is KyselyLikeQuery {
  if (typeof value !== 'object' || value === null) return false;
  const query = value as Record<string, unknown>;
  return (
    typeof query['where'] === 'function' &&
    typeof query['whereRef'] === 'function' &&
    typeof query['execute'] === 'function'
  );
}

/** Compare a column value with a URL parameter: `4` matches `'4'` and `4n`, as SQL would. */
export function sameValue(column: unknown, parameter: unknown): boolean {
  if (column === parameter) return true;
  const simple = (value: unknown): boolean =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
  return simple(column) && simple(parameter) && String(column) === String(parameter);
}

type AnyRecord = Record<string, unknown>;
type Method = (...args: unknown[]) => unknown;

/**
 * A `SliceSource` over a plain Kysely select (no GROUP BY, DISTINCT, HAVING, set operations or
 * limit of its own): `count()` runs the same query with `count(*)` as its only column, `slice()`
 * adds LIMIT/OFFSET. `null` for anything else, which the view then reads whole.
 */
export function kyselySliceSource(query: unknown): SliceSource<unknown> | null {
  if (!isKyselyQuery(query)) return null;
  const builder = query as unknown as AnyRecord;
  for (const method of [
    'clearSelect',
    'clearOrderBy',
    'select',
    'offset',
    'limit',
    'toOperationNode',
  ]) {
    if (typeof builder[method] !== 'function') return null;
  }
  let node: AnyRecord;
  try {
    node = (builder['toOperationNode'] as () => AnyRecord).call(builder);
  } catch {
    return null;
  }
  if (node['kind'] !== 'SelectQueryNode') return null;
  for (const part of [
    'groupBy',
    'having',
    'distinctOn',
    'setOperations',
    'limit',
    'offset',
    'fetch',
    'top',
  ]) {
    if (node[part] !== undefined) return null;
  }
  if (Array.isArray(node['selectModifiers']) && node['selectModifiers'].length > 0) return null;
  const call = (target: AnyRecord, method: string, ...args: unknown[]): AnyRecord =>
    (target[method] as Method).call(target, ...args) as AnyRecord;
  return {
    count: async () => {
      const counting = call(
        call(call(builder, 'clearSelect'), 'clearOrderBy'),
        'select',
        (eb: { fn: { countAll(): { as(name: string): unknown } } }) => eb.fn.countAll().as('count'),
      );
      const rows =
        (await (counting['execute'] as () => PromiseLike<AnyRecord[]>).call(counting)) ?? [];
      return Number(rows[0]?.['count'] ?? 0);
    },
    slice: (start, end) => {
      const page = call(call(builder, 'offset', start), 'limit', end - start);
      return (page['execute'] as () => PromiseLike<unknown[]>).call(page);
    },
  };
}
