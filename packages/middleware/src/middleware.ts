/**
 * The middleware contract: Django's "factory takes `get_response`, returns a callable" shape in
 * TypeScript. A {@link Middleware} is called once at start-up with the next handler in the chain
 * and returns a {@link MiddlewareHandler}: a function from request to response that may also carry
 * the `processView`, `processException` and `processTemplateResponse` hooks the handler calls.
 * Everything may be sync or async; a sync chain stays sync (no promise is created on its path).
 */
import { brandClass, defineBrand, type MaybePromise } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { ReinsError } from '@reins/http';

/** A value, or a promise of it: every hook may answer synchronously or asynchronously (core's). */
export type { MaybePromise };

/**
 * Any response a view or middleware may return: an `HttpResponse` (and its subclasses) or a
 * streaming one (`StreamingHttpResponse`, `FileResponse`), which share `HttpResponseBase`.
 */
export type AnyResponse = HttpResponseBase;

/**
 * The next handler in the chain: take a request, give back a response (now or later).
 *
 * @example
 * const getResponse: GetResponse = (request) => new HttpResponse(`Hi from ${request.path}`);
 */
export type GetResponse = (request: HttpRequest) => MaybePromise<AnyResponse>;

/**
 * Any view as the handler calls it, `view(request, params, ...args)`; typed loosely so that a view
 * with precisely typed `params` is still accepted where middleware only needs to look at it.
 *
 * @example
 * const view: AnyView = (request: HttpRequest, params: { pk: number }) => new HttpResponse(String(params.pk));
 */
export type AnyView = ((...args: never[]) => unknown) & {
  readonly csrfExempt?: boolean;
  readonly shouldAppendSlash?: boolean;
};

/**
 * What a middleware instance is: a {@link GetResponse} that may also carry Django's three hooks.
 *
 * - `processView(request, view, params, args)` runs, top to bottom, after URL resolution and
 *   before the view; returning a response short-circuits the view.
 * - `processException(request, error)` runs, bottom to top, when the view (or template rendering)
 *   throws; the first response returned wins, otherwise the error propagates.
 * - `processTemplateResponse(request, response)` runs, bottom to top, when the view returned a
 *   response that renders later (a `TemplateResponse`), and must return a response (the same one
 *   or another), as in Django.
 *
 * @example
 * const timing: Middleware = (getResponse) => {
 *   const handler: MiddlewareHandler = (request) => getResponse(request);
 *   handler.processView = (request, view) => null;
 *   return handler;
 * };
 */
export interface MiddlewareHandler {
  (request: HttpRequest): MaybePromise<AnyResponse>;
  processView?: (
    request: HttpRequest,
    view: AnyView,
    params: Record<string, unknown>,
    args: readonly unknown[],
  ) => MaybePromise<AnyResponse | null | undefined>;
  processException?: (
    request: HttpRequest,
    error: unknown,
  ) => MaybePromise<AnyResponse | null | undefined>;
  processTemplateResponse?: (
    request: HttpRequest,
    response: AnyResponse,
  ) => MaybePromise<AnyResponse>;
}

/**
 * The project settings a handler hands to each middleware factory at start-up, so that built-ins
 * read `debug`, `appendSlash`… the way Django's read `settings.DEBUG`. An option given to the
 * built-in's own factory (`commonMiddleware({ appendSlash: false })`) wins over these.
 *
 * @example
 * const settings: MiddlewareSettings = { debug: true, appendSlash: true, prependWww: false };
 */
export interface MiddlewareSettings {
  readonly debug?: boolean;
  readonly appendSlash?: boolean;
  readonly prependWww?: boolean;
  readonly allowedHosts?: readonly string[];
  readonly [setting: string]: unknown;
}

/**
 * A middleware factory: called once at start-up with the next handler (and, from a handler that
 * has them, the project {@link MiddlewareSettings}), returns this layer's handler. It may throw
 * {@link MiddlewareNotUsed} to take itself out of the chain.
 *
 * @example
 * const poweredBy: Middleware = (getResponse) => (request) => {
 *   const response = getResponse(request);
 *   // sync fast path: only await when the inner chain is async
 *   if (response instanceof Promise) return response.then(addHeader);
 *   return addHeader(response);
 * };
 */
export type Middleware = (
  getResponse: GetResponse,
  settings?: MiddlewareSettings,
) => MiddlewareHandler;

/**
 * Thrown by a middleware factory at start-up to remove itself from the chain (Django's
 * `MiddlewareNotUsed`); the handler drops that layer and, in debug, logs the message.
 *
 * @example
 * const devOnly: Middleware = (getResponse) => {
 *   if (process.env.NODE_ENV === 'production') throw new MiddlewareNotUsed('devOnly is off in production');
 *   return (request) => getResponse(request);
 * };
 */
export class MiddlewareNotUsed extends ReinsError {
  static override readonly brand: symbol = defineBrand('MiddlewareNotUsed');
  override readonly code: string = 'middleware.not_used';
}
brandClass(MiddlewareNotUsed);
