/**
 * `getListOr404()`: Django's `get_list_or_404` for every kind of data source: the rows as an
 * array, or `Http404` ("No Article matches the given query.") when there are none.
 *
 * @module
 */
import { Http404 } from '@reins/http';
import type { DataSource, LookupOptions, RowOf } from './data-source.js';
import { readSource } from './internal/read-source.js';
import { modelNameFor, notFoundMessage } from './internal/model-name.js';

/**
 * Fetch the rows of `source` as an array, or throw `Http404` when it is empty.
 *
 * @throws Http404 when there are no rows, with Django's message `No <Model> matches the given query.`
 * @example
 * const articles = await getListOr404(
 *   db.selectFrom('article').selectAll().where('published', '=', 1),
 *   { model: 'Article' },
 * );
 */
export async function getListOr404<S extends DataSource>(
  source: S,
  options: LookupOptions = {},
): Promise<Array<RowOf<S>>> {
  const result = await readSource(source, 'list', options, 'getListOr404()');
  let rows: unknown[];
  if ('rows' in result) rows = result.rows;
  else rows = result.row === null || result.row === undefined ? [] : [result.row];
  if (rows.length === 0)
    throw new Http404(notFoundMessage(modelNameFor(result.origin ?? source, options), options));
  return rows as Array<RowOf<S>>;
}
