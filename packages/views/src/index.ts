/**
 * @reins/views — Django's class-based views for reins: View, TemplateView, RedirectView, ListView,
 * DetailView, Paginator and view decorators.
 *
 * @example
 * import { Paginator } from '@reins/views';
 * new Paginator(['a', 'b', 'c'], 2).page(2).objectList; // ['c']
 *
 * @module
 */
export { EmptyPage, InvalidPage, PageNotAnInteger } from './invalid-page.js';
export { Page } from './page.js';
export { Paginator } from './paginator.js';
export type { ElidedPageRangeOptions, PaginationSource, PaginatorOptions, SliceSource } from './paginator.js';
