/**
 * {@link defineMiddleware}: Django's `MiddlewareMixin` as a function. Give it
 * `processRequest`/`processResponse` (and any of the three chain hooks) and it returns a
 * {@link Middleware} that runs them around the rest of the chain, staying synchronous whenever
 * the hooks and the inner handler are.
 */
import type { HttpRequest } from '@reins/http';
import { isThenable } from '@reins/core';
import type {
  AnyResponse,
  GetResponse,
  MaybePromise,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from './middleware.js';

/**
 * The hooks of an old-style (Django `MiddlewareMixin`) middleware. `processRequest` may answer
 * early with a response (the rest of the chain is skipped, but this layer's `processResponse`
 * still runs on it, as in Django); `processResponse` sees every response on the way out.
 *
 * @example
 * const hooks: MiddlewareHooks = { processResponse: (request, response) => response };
 */
export interface MiddlewareHooks {
  processRequest?: (request: HttpRequest) => MaybePromise<AnyResponse | null | undefined>;
  processResponse?: (request: HttpRequest, response: AnyResponse) => MaybePromise<AnyResponse>;
  processView?: MiddlewareHandler['processView'];
  processException?: MiddlewareHandler['processException'];
  processTemplateResponse?: MiddlewareHandler['processTemplateResponse'];
}

/**
 * Build a middleware from hooks (Django's `MiddlewareMixin`). Pass a function to read the
 * project settings at start-up and return the hooks.
 *
 * @example
 * const poweredBy = defineMiddleware({
 *   processResponse(request, response) {
 *     response.headers.set('X-Powered-By', 'reins');
 *     return response;
 *   },
 * });
 */
export function defineMiddleware(
  hooks: MiddlewareHooks | ((settings: MiddlewareSettings) => MiddlewareHooks),
): Middleware {
  return (getResponse: GetResponse, settings: MiddlewareSettings = {}) =>
    buildHandler(getResponse, typeof hooks === 'function' ? hooks(settings) : hooks);
}

function buildHandler(getResponse: GetResponse, hooks: MiddlewareHooks): MiddlewareHandler {
  if (typeof getResponse !== 'function') {
    throw new TypeError(
      `A middleware factory needs the next handler, got ${String(getResponse)}. Call it as middleware(getResponse).`,
    );
  }
  const { processRequest, processResponse } = hooks;

  const respond = (request: HttpRequest, response: AnyResponse): MaybePromise<AnyResponse> =>
    processResponse ? processResponse(request, response) : response;

  const callInner = (request: HttpRequest): MaybePromise<AnyResponse> => {
    const response = getResponse(request);
    if (!processResponse) return response;
    if (isThenable(response)) {
      return Promise.resolve(response).then((resolved) => processResponse(request, resolved));
    }
    return processResponse(request, response);
  };

  let handler: MiddlewareHandler;
  if (processRequest) {
    handler = (request) => {
      const early = processRequest(request);
      if (isThenable(early)) {
        return Promise.resolve(early).then((resolved) =>
          resolved ? respond(request, resolved) : callInner(request),
        );
      }
      return early ? respond(request, early) : callInner(request);
    };
  } else {
    handler = callInner;
  }
  if (hooks.processView) handler.processView = hooks.processView;
  if (hooks.processException) handler.processException = hooks.processException;
  if (hooks.processTemplateResponse) {
    handler.processTemplateResponse = hooks.processTemplateResponse;
  }
  return handler;
}
