/**
 * Django's `TemplateView`: renders `templateName` with the URL parameters, `view` and
 * `extraContext` as its context.
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import type { TemplateResponse } from '@reins/shortcuts';
import { TemplateResponseMixin } from './template-response-mixin.js';
import type { ViewParams } from './view.js';

/**
 * Render a template; the URL parameters are in the context.
 *
 * @example
 * path('about/', TemplateView.asView({ templateName: 'about.html' }));
 * path('hello/<str:who>/', TemplateView.asView({ templateName: 'hello.html', extraContext: { greeting: 'Hi' } }));
 */
export class TemplateView<
  P extends ViewParams = Record<string, unknown>,
> extends TemplateResponseMixin<P> {
  /**
   * Render the template with the URL parameters as context.
   *
   * @example
   * const response = await TemplateView.asView({ templateName: 'a.html' })(request, {});
   */
  override get(_request: HttpRequest, params: P): TemplateResponse | Promise<TemplateResponse> {
    const context = this.getContextData({ ...(params as Record<string, unknown>) });
    // Stay synchronous unless an override of getContextData() is async.
    if (context instanceof Promise)
      return context.then((resolved) => this.renderToResponse(resolved));
    return this.renderToResponse(context);
  }
}
