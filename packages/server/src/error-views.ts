/**
 * Django's default error views (`django.views.defaults`), for use in your own handlers: each
 * renders `404.html` / `500.html` / `400.html` / `403.html` when the template exists, else the
 * built-in page. `templateName` changes the template (a missing custom template is an error, as
 * in Django); `templates` chooses the engines (default: those of the application serving the request).
 */
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { getTemplates } from '@reins/shortcuts';
import type { TemplateEngines as Templates } from '@reins/shortcuts';
import { renderErrorPage } from './internal/default-error-views.js';

/**
 * Options of the default error views.
 *
 * @example
 * pageNotFound(request, error, { templateName: 'errors/missing.html' });
 */
export interface ErrorViewOptions {
  /** The template to render instead of `<status>.html`; it must exist. */
  templateName?: string;
  /** The template engines to use. Default: those of the application serving the request. */
  templates?: Templates | null;
}

function enginesFor(options: ErrorViewOptions, request: HttpRequest): Templates | null {
  if (options.templates !== undefined) return options.templates;
  try {
    return getTemplates(request);
  } catch {
    return null;
  }
}

function render(
  status: 400 | 403 | 404 | 500,
  request: HttpRequest,
  error: unknown,
  options: ErrorViewOptions,
): Promise<HttpResponseBase> {
  return Promise.resolve(
    renderErrorPage(
      enginesFor(options, request),
      status,
      request,
      error,
      options.templateName ?? `${status}.html`,
      options.templateName !== undefined,
    ),
  );
}

/**
 * The default 404 view: `404.html` with `request_path` and `exception`, or Django's built-in page.
 *
 * @example
 * const handler404: ErrorHandler = (request, error) => pageNotFound(request, error);
 */
export function pageNotFound(
  request: HttpRequest,
  exception: unknown,
  options: ErrorViewOptions = {},
): Promise<HttpResponseBase> {
  return render(404, request, exception, options);
}

/**
 * The default 500 view: `500.html` rendered with no context, or Django's built-in page.
 *
 * @example
 * const handler500: ServerErrorHandler = (request) => serverError(request);
 */
export function serverError(
  request: HttpRequest,
  options: ErrorViewOptions = {},
): Promise<HttpResponseBase> {
  return render(500, request, null, options);
}

/**
 * The default 400 view: `400.html` (the error is deliberately not exposed), or the built-in page.
 *
 * @example
 * const handler400: ErrorHandler = (request, error) => badRequest(request, error);
 */
export function badRequest(
  request: HttpRequest,
  exception: unknown,
  options: ErrorViewOptions = {},
): Promise<HttpResponseBase> {
  return render(400, request, exception, options);
}

/**
 * The default 403 view: `403.html` with `exception`, or the built-in page.
 *
 * @example
 * const handler403: ErrorHandler = (request, error) => permissionDenied(request, error);
 */
export function permissionDenied(
  request: HttpRequest,
  exception: unknown,
  options: ErrorViewOptions = {},
): Promise<HttpResponseBase> {
  return render(403, request, exception, options);
}
