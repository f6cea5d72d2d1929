/**
 * @reins/shortcuts — Django's shortcuts for reins: render, redirect, reverse, getObjectOr404 and
 * getListOr404, plus the TemplateResponse the class-based views render through.
 *
 * @example
 * import { getObjectOr404, render } from '@reins/shortcuts';
 * const question = await getObjectOr404(db.selectFrom('question').selectAll().where('id', '=', pk));
 * return render(request, 'polls/detail.html', { question });
 *
 * @module
 */
export { ContentNotRenderedError } from './content-not-rendered-error.js';
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
export { loadRows } from './load-rows.js';
export { MultipleObjectsReturned } from './multiple-objects-returned.js';
export { redirect, redirectToUrl, redirectToView, resolveUrl } from './redirect.js';
export type { HasAbsoluteUrl, RedirectOptions, RedirectTarget, ReverseArg } from './redirect.js';
export type { Register, UrlKwargs } from './register.js';
export { render } from './render.js';
export type { RenderOptions } from './render.js';
export {
  getUrlconf,
  isLazyString,
  LazyUrl,
  reverse,
  reverseLazy,
  setDefaultUrlconf,
} from './reverse.js';
export type { ReverseOptions, UrlReverser, ViewName } from './reverse.js';
export type {
  RedirectExtras,
  ReverseExtras,
  TypedRedirect,
  TypedReverse,
  UnknownUrlName,
  UrlString,
  ViewFunction,
} from './typed-reverse.js';
export { TemplateResponse } from './template-response.js';
export type { TemplateResponseOptions } from './template-response.js';
export { getTemplates, setTemplates } from './templates-registry.js';
export type {
  RenderableTemplate,
  TemplateEngines,
  TemplateRenderOptions,
  TemplateReverse,
  UsingOptions,
} from './templates-registry.js';
