/**
 * `loadRows()`: every row of a data source as an array, without the 404 of `getListOr404()`.
 * The views of `@reins/views` use it to read whatever `getQueryset()` returns.
 *
 * @module
 */
import type { DataSource, LookupOptions, RowOf } from './data-source.js';
import { readSource } from './internal/read-source.js';

/**
 * Read all rows of `source` (any `DataSource`) into an array; empty when there are none.
 *
 * @example
 * const rows = await loadRows(db.selectFrom('article').selectAll()); // Article[]
 */
export async function loadRows<S extends DataSource>(
  source: S,
  options: Pick<LookupOptions, 'where' | 'args'> = {},
): Promise<Array<RowOf<S>>> {
  const result = await readSource(source, 'list', options, 'loadRows()');
  if ('rows' in result) return result.rows as Array<RowOf<S>>;
  return result.row === null || result.row === undefined ? [] : [result.row as RowOf<S>];
}
