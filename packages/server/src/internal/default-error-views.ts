/**
 * Django's four default error views (`django.views.defaults`): render `404.html`, `500.html`,
 * `400.html` or `403.html` from the template engines when it exists, with Django's context, and
 * fall back to the built-in page otherwise. Sync when the template renders sync.
 */
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { TemplateDoesNotExist } from '@reins/templates';
import { reverse } from '@reins/shortcuts';
import type { TemplateEngines as Templates, TemplateReverse, UrlReverser } from '@reins/shortcuts';
import { Resolver404 } from '@reins/urls';
import type { FallbackStatus } from './fallback-page.js';
import { fallbackPage } from './fallback-page.js';
import { isThenable, quote } from '@reins/core';

const HTML = 'text/html; charset=utf-8';

/**
 * The `exception` variable of `404.html`: the error's message when it has one, else its class
 * name — and always `Resolver404` for a resolution failure, whose Django argument is a dict.
 */
export function exceptionRepr(error: unknown): string {
  if (Resolver404.isInstance(error)) return 'Resolver404';
  if (error instanceof Error)
    return error.message !== '' ? error.message : error.name || error.constructor.name;
  if (typeof error === 'string') return error;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Django's str(exception) of whatever was raised
  return error === null || error === undefined ? '' : String(error);
}

function contextFor(
  status: FallbackStatus,
  request: HttpRequest,
  error: unknown,
): Record<string, unknown> {
  if (status === 404) return { request_path: quote(request.path), exception: exceptionRepr(error) };
  if (status === 403)
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Django's str(exception) of whatever was raised
    return { exception: error instanceof Error ? error.message : String(error ?? '') };
  return {};
}

/**
 * Render the error page for `status`: `templateName` (default `<status>.html`) from `templates`,
 * or the built-in page when that template does not exist and `strict` is false.
 */
export function renderErrorPage(
  templates: Templates | null,
  status: FallbackStatus,
  request: HttpRequest,
  error: unknown,
  templateName: string = `${status}.html`,
  strict = false,
): HttpResponse | Promise<HttpResponse> {
  const fallback = (): HttpResponse =>
    new HttpResponse(fallbackPage(status), { status, contentType: HTML });
  if (templates === null) {
    if (strict) throw new TemplateDoesNotExist(templateName);
    return fallback();
  }
  type Renderable = {
    render(context: Record<string, unknown>, request?: unknown, options?: unknown): unknown;
  };
  // {% url %} reverses with this request's resolver, not whichever request is current: error pages
  // render asynchronously, often after the request context is gone, and nothing is process-wide.
  const options = { reverse: reverseFor(request) };
  const missing = (failure: unknown): HttpResponse => {
    if (!strict && TemplateDoesNotExist.isInstance(failure)) return fallback();
    throw failure;
  };
  const respond = (body: unknown): HttpResponse =>
    new HttpResponse(String(body), { status, contentType: HTML });
  const renderWith = (template: Renderable): HttpResponse | Promise<HttpResponse> => {
    // 500.html gets no context and no request, so context processors cannot fail a second time.
    const rendered =
      status === 500
        ? template.render({}, undefined, options)
        : template.render(contextFor(status, request, error), request, options);
    return isThenable(rendered) ? Promise.resolve(rendered).then(respond) : respond(rendered);
  };
  let found: unknown;
  try {
    found = templates.getTemplate(templateName);
  } catch (failure) {
    return missing(failure);
  }
  if (isThenable<Renderable>(found)) return Promise.resolve(found).then(renderWith, missing);
  return renderWith(found as Renderable);
}

/** A `{% url %}` reverse bound to `request`'s resolver and application namespace. */
function reverseFor(request: HttpRequest): TemplateReverse {
  const urlconf = request.urlconf as UrlReverser | null;
  return (viewName, { args, kwargs, currentApp }) =>
    reverse(viewName, {
      args,
      kwargs,
      ...(urlconf === null ? {} : { urlconf }),
      currentApp:
        currentApp !== undefined
          ? currentApp
          : (request.currentApp ?? (request.resolverMatch?.namespace || null)),
    });
}

/** The default view for `status`, with the templates of the application serving the request. */
export function renderDefaultErrorView(
  templates: Templates | null,
  status: FallbackStatus,
  request: HttpRequest,
  error: unknown,
): HttpResponse | Promise<HttpResponse> {
  return renderErrorPage(templates, status, request, error);
}
