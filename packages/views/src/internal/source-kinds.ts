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
