/**
 * @reins/shortcuts — Django's shortcuts for reins: render, redirect, reverse, getObjectOr404 and
 * getListOr404.
 *
 * @example
 * import { getObjectOr404 } from '@reins/shortcuts';
 * const article = await getObjectOr404(db.selectFrom('article').selectAll().where('id', '=', 1));
 *
 * @module
 */
export type {
  CountSliceSource,
  DataSource,
  ExecutableQuery,
  FinderDelegate,
  LookupOptions,
  ModelName,
  RowOf,
} from './data-source.js';
export { getListOr404 } from './get-list-or-404.js';
export { getObjectOr404 } from './get-object-or-404.js';
export { MultipleObjectsReturned } from './multiple-objects-returned.js';
