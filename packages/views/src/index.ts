/**
 * @reins/views — Django's class-based views for reins: View, TemplateView, RedirectView, ListView,
 * DetailView, Paginator and view decorators.
 *
 * @example
 * import { DetailView } from '@reins/views';
 * class ArticleDetail extends DetailView<{ pk: number }> {
 *   model = { name: 'Article', appLabel: 'blog', findByPk: (pk: unknown) => findArticle(Number(pk)) };
 * }
 * path('article/<int:pk>', ArticleDetail.asView());
 *
 * @module
 */
export { DetailView } from './detail-view.js';
export { ImproperlyConfigured } from './improperly-configured.js';
export { EmptyPage, InvalidPage, PageNotAnInteger } from './invalid-page.js';
export { ListView } from './list-view.js';
export type { ListSource, PaginatorClass } from './list-view.js';
export type { ModelSource, ObjectLookup } from './model-source.js';
export { Page } from './page.js';
export { Paginator } from './paginator.js';
export type {
  ElidedPageRangeOptions,
  PaginationSource,
  PaginatorOptions,
  SliceSource,
} from './paginator.js';
export { RedirectView } from './redirect-view.js';
export {
  requireGet,
  requireHttpMethods,
  requirePost,
  requireSafe,
} from './require-http-methods.js';
export type { AnyView, ViewDecorator } from './require-http-methods.js';
export { TemplateResponseMixin } from './template-response-mixin.js';
export type { Awaitable, Context, TemplateResponseClass } from './template-response-mixin.js';
export { TemplateView } from './template-view.js';
export { HTTP_METHOD_NAMES, View } from './view.js';
export type {
  HandlerMethod,
  HttpMethodName,
  InitKwargs,
  ParamsOf,
  ViewClass,
  ViewFunction,
  ViewParams,
  ViewResult,
} from './view.js';
