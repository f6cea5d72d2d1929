/**
 * `getObjectOr404()`: Django's `get_object_or_404` for every kind of data source (see
 * data-source.ts). One row → the row; none → `Http404` ("No Article matches the given query.");
 * several → `MultipleObjectsReturned`.
 *
 * @module
 */
import { Http404 } from '@reins/http';
import type { DataSource, LookupOptions, RowOf } from './data-source.js';
import { MultipleObjectsReturned } from './multiple-objects-returned.js';
import { MAX_GET_RESULTS, readSource } from './internal/read-source.js';
import { modelNameFor, notFoundMessage } from './internal/model-name.js';

/**
 * Fetch exactly one row from `source`, or throw `Http404` when there is none.
 *
 * @throws Http404 when no row matches, with Django's message `No <Model> matches the given query.`
 * @throws MultipleObjectsReturned when more than one row matches.
 * @example
 * const article = await getObjectOr404(
 *   db.selectFrom('article').selectAll().where('id', '=', params.pk),
 *   { model: 'Article' },
 * );
 * const same = await getObjectOr404(prisma.article, { where: { id: params.pk } });
 * const also = await getObjectOr404(() => repository.findById(params.pk));
 */
export async function getObjectOr404<S extends DataSource>(
  source: S,
  options: LookupOptions = {},
): Promise<RowOf<S>> {
  const result = await readSource(source, 'object', options, 'getObjectOr404()');
  if ('row' in result) {
    if (result.row === null || result.row === undefined)
      throw notFound(result.origin ?? source, options);
    return result.row as RowOf<S>;
  }
  const { rows } = result;
  if (rows.length === 1) return rows[0] as RowOf<S>;
  if (rows.length === 0) throw notFound(result.origin ?? source, options);
  const count =
    result.bounded && rows.length >= MAX_GET_RESULTS
      ? `more than ${MAX_GET_RESULTS - 1}`
      : rows.length;
  throw new MultipleObjectsReturned(modelNameFor(result.origin ?? source, options), count);
}

function notFound(source: unknown, options: LookupOptions): Http404 {
  return new Http404(notFoundMessage(modelNameFor(source, options), options));
}
