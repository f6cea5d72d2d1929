/**
 * The CSRF view decorators (Django's `django.views.decorators.csrf`): {@link csrfProtect} checks
 * one view as the middleware would, {@link requiresCsrfToken} makes the token available without
 * checking, and {@link ensureCsrfCookie} also makes sure the response sends the cookie (for pages
 * whose JavaScript reads it). Each runs the middleware's hooks around the view, deferring the
 * cookie until a not-yet-rendered response (a `TemplateResponse`) has rendered, as Django's
 * `decorator_from_middleware` does.
 */
import type { HttpRequest } from '@reins/http';
import type { CsrfViewMiddlewareOptions } from './csrf-view-middleware.js';
import type { CsrfHooks, CsrfMode } from './internal/csrf-hooks.js';
import { csrfHooks } from './internal/csrf-hooks.js';
import { andThen, isThenable } from '@reins/core';
import { wrapView } from './internal/wrap-view.js';
import type { AnyResponse, MaybePromise } from './middleware.js';

type ViewFunction = (...args: never[]) => unknown;

/** A view wrapped by a CSRF decorator: its arguments, and its response or a promise of it. */
type CsrfView<View extends ViewFunction> = (
  ...args: Parameters<View>
) => ReturnType<View> | Promise<Awaited<ReturnType<View>>>;

interface Renderable {
  isRendered?: boolean;
  addPostRenderCallback?: (callback: (response: AnyResponse) => unknown) => void;
}

function afterView(hooks: CsrfHooks, request: HttpRequest, response: AnyResponse): AnyResponse {
  const renderable = response as AnyResponse & Renderable;
  if (typeof renderable.addPostRenderCallback === 'function' && renderable.isRendered === false) {
    // The template has not run yet, so nobody has asked for the token; decide after rendering.
    renderable.addPostRenderCallback((rendered) => hooks.processResponse(request, rendered));
    return response;
  }
  return hooks.processResponse(request, response);
}

function decorator(mode: CsrfMode) {
  // The check may wait for the request body or a deferred response: the wrapped view then answers
  // with a promise even when the view itself is synchronous.
  return <View extends ViewFunction>(
    view: View,
    options: CsrfViewMiddlewareOptions = {},
  ): CsrfView<View> => {
    const hooks = csrfHooks(options, mode)({});
    // wrapView keeps the view's arguments and properties; its answer may now be a promise.
    return wrapView(view, {}, (call, args) => {
      const request = args[0] as HttpRequest;
      hooks.processRequest(request);
      const runView = (): MaybePromise<AnyResponse> =>
        andThen(call() as MaybePromise<AnyResponse>, (response) =>
          afterView(hooks, request, response),
        );
      const refused = hooks.processView(request, view);
      if (isThenable(refused)) {
        return Promise.resolve(refused).then((response) => response ?? runView());
      }
      return refused ?? runView();
    }) as CsrfView<View>;
  };
}

/**
 * Check this view for CSRF as the middleware would (Django's `@csrf_protect`), for projects that
 * do not run `CsrfViewMiddleware` everywhere.
 *
 * @example
 * path('transfer/', csrfProtect(transfer));
 */
export const csrfProtect = decorator('enforce');

/**
 * Make the token available to this view's templates without enforcing the check (Django's
 * `@requires_csrf_token`), e.g. for an error page that renders a form.
 *
 * @example
 * const handler403 = requiresCsrfToken(forbiddenPage);
 */
export const requiresCsrfToken = decorator('ensureToken');

/**
 * Make this view's response set the CSRF cookie even if its page renders no form (Django's
 * `@ensure_csrf_cookie`), for single-page apps that read the cookie from JavaScript.
 *
 * @example
 * path('', ensureCsrfCookie(spaShell));
 */
export const ensureCsrfCookie = decorator('ensureCookie');
