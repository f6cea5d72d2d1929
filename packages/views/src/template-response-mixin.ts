/**
 * The base of the views that render a template (Django's `ContextMixin` and
 * `TemplateResponseMixin` in one class): `getContextData()` builds the context (adding `view` and
 * `extraContext`), `getTemplateNames()` picks the template, and `renderToResponse()` returns a
 * `TemplateResponse`, rendered late so middleware can still change it.
 *
 * @module
 */
import type { HttpResponseOptions } from '@reins/http';
import { TemplateResponse } from '@reins/shortcuts';
import type { TemplateResponseOptions } from '@reins/shortcuts';
import { viewConfigError } from './improperly-configured.js';
import { View } from './view.js';
import type { ViewParams } from './view.js';

/**
 * A template context.
 *
 * @example
 * const context: Context = { title: 'Home', items: [] };
 */
export type Context = Record<string, unknown>;

/**
 * A value now or later.
 *
 * @example
 * const context: Awaitable<Context> = Promise.resolve({});
 */
export type Awaitable<T> = T | Promise<T>;

/**
 * The class `renderToResponse()` instantiates (Django's `response_class`).
 *
 * @example
 * class Feed extends TemplateView { override responseClass: TemplateResponseClass = RssResponse; }
 */
export type TemplateResponseClass = new (
  request: ConstructorParameters<typeof TemplateResponse>[0],
  template: string | readonly string[],
  context: Context | null,
  options: TemplateResponseOptions,
) => TemplateResponse;

/**
 * A view that renders a template with a context; subclass it for your own template views.
 *
 * @example
 * class Dashboard extends TemplateResponseMixin {
 *   templateName = 'dashboard.html';
 *   async get() { return this.renderToResponse(await this.getContextData({ stats: await loadStats() })); }
 * }
 */
export class TemplateResponseMixin<P extends ViewParams = Record<string, unknown>> extends View<P> {
  /** The template to render. */
  templateName: string | null = null;
  /** The alias of the template engine to use (Django's `template_engine`). */
  templateEngine: string | null = null;
  /** The response class (Django's `response_class`). */
  responseClass: TemplateResponseClass = TemplateResponse;
  /** The response Content-Type; default `text/html; charset=utf-8`. */
  contentType: string | null = null;
  /** Values added to every context (Django's `extra_context`). */
  extraContext: Context | null = null;

  /**
   * The template context: `kwargs`, plus `view` (this instance) unless given, plus `extraContext`.
   * Override to add data (await `super.getContextData()`).
   *
   * @example
   * override async getContextData(kwargs: Context = {}) {
   *   return { ...(await super.getContextData(kwargs)), now: new Date() };
   * }
   */
  getContextData(kwargs: Context = {}): Awaitable<Context> {
    const context: Context = { ...kwargs };
    if (!('view' in context)) context['view'] = this;
    if (this.extraContext !== null) Object.assign(context, this.extraContext);
    return context;
  }

  /**
   * The templates to try, in order.
   *
   * @throws ImproperlyConfigured when there is no `templateName`.
   * @example
   * override getTemplateNames() { return [`themes/${this.kwargs.theme}/home.html`, 'home.html']; }
   */
  getTemplateNames(): string[] {
    if (this.templateName === null) {
      throw viewConfigError(
        `${this.constructor.name} requires either a definition of 'templateName' or an implementation of 'getTemplateNames()'.`,
      );
    }
    return [this.templateName];
  }

  /**
   * A `TemplateResponse` for `context` with this view's templates, engine and content type.
   *
   * @example
   * return this.renderToResponse(context, { status: 201 });
   */
  renderToResponse(context: Context, options: HttpResponseOptions = {}): TemplateResponse {
    const responseOptions: TemplateResponseOptions = { ...options };
    if (this.templateEngine !== null) responseOptions.using = this.templateEngine;
    if (this.contentType !== null && responseOptions.contentType === undefined) {
      responseOptions.contentType = this.contentType;
    }
    return new this.responseClass(this.request, this.getTemplateNames(), context, responseOptions);
  }
}
