/**
 * The request handler, Django's `BaseHandler`: {@link buildHandler} composes the middleware
 * factories once at start-up (last entry innermost, each layer wrapped so an exception escaping it
 * becomes a response), collects the `processView` hooks top-down and the `processException` /
 * `processTemplateResponse` hooks bottom-up, and returns the per-request function. The innermost
 * step resolves the path, runs the view hooks, calls the view, checks its answer and renders a
 * `TemplateResponse`. Nothing here awaits unless something actually returned a promise.
 */
import { HttpResponse, runSyncWithRequest, runWithRequestUntilSettled } from '@reins/http';
import type { HttpResponseBase } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { MiddlewareNotUsed } from '@reins/middleware';
import type {
  AnyView,
  GetResponse,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from '@reins/middleware';
import { ViewResponseError } from '../errors.js';
import { ImproperlyConfiguredAt as ImproperlyConfigured } from './improperly-configured.js';
import type { AppContext } from './app-context.js';
import { awaits } from './awaits.js';
import { describe } from './describe.js';
import { responseForException, safeLog } from './exception-response.js';
import { isThenable } from '@reins/core';
import { viewName } from './technical-responses.js';

type Answer = HttpResponseBase | Promise<HttpResponseBase>;
type ViewHook = NonNullable<MiddlewareHandler['processView']>;
type ExceptionHook = NonNullable<MiddlewareHandler['processException']>;
type TemplateHook = {
  name: string;
  hook: NonNullable<MiddlewareHandler['processTemplateResponse']>;
};
type View = (request: HttpRequest, params: Record<string, unknown>, ...args: unknown[]) => unknown;

/** A response that renders later (`TemplateResponse`), recognised by shape as Django does. */
interface Renderable {
  render(): unknown;
  isRendered?: boolean;
}

function isRenderable(response: HttpResponseBase): response is HttpResponseBase & Renderable {
  return typeof (response as Partial<Renderable>).render === 'function';
}

function describeReturned(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object')
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `a ${typeof value}`;
}

/**
 * Django's `check_response`: a view must answer with a response. Raised outside the view's
 * error handling, so `processException` never sees it (as in Django).
 */
function checkResponse(value: unknown, view: unknown, hook?: string): HttpResponseBase {
  if (HttpResponse.isInstance(value)) return value;
  // Named only on failure: building the name on every response cost a string per request.
  const who = hook === undefined ? `The view ${viewName(view)}` : `${String(view)}.${hook}`;
  const returned = describeReturned(value);
  throw new ViewResponseError(
    `${who} didn't return an HttpResponse object. It returned ${returned} instead.${
      value === undefined ? ' Did you forget a return statement?' : ''
    }`,
    returned,
  );
}

/**
 * Compose `middleware` around the innermost step and return the chain entry point. Factories run
 * now, once; one that throws `MiddlewareNotUsed` is dropped.
 */
export function buildHandler(
  context: AppContext,
  middleware: readonly Middleware[],
  middlewareSettings: MiddlewareSettings,
): GetResponse {
  const viewHooks: ViewHook[] = [];
  const exceptionHooks: ExceptionHook[] = [];
  const templateHooks: TemplateHook[] = [];
  // requestContext 'auto': code that awaits runs with the request in AsyncLocalStorage until it
  // settles; continuations the handler itself schedules get the cheap synchronous context.
  const auto = context.settings.requestContext === 'auto';
  const resume = <T>(request: HttpRequest, fn: () => T): T =>
    auto ? runSyncWithRequest(request, fn) : fn();
  // Wraps `fn` (called as fn(request, ...rest)) so it runs in the async context when it awaits.
  const scoped = <F extends (request: HttpRequest, ...rest: never[]) => unknown>(
    fn: F,
    original: unknown = fn,
  ): F =>
    auto && awaits(original)
      ? (((request: HttpRequest, ...rest: never[]) =>
          runWithRequestUntilSettled(request, () => fn(request, ...rest))) as F)
      : fn;

  const convert =
    (inner: GetResponse): GetResponse =>
    (request) => {
      let answer: Answer;
      try {
        answer = inner(request);
      } catch (error) {
        return responseForException(context, request, error);
      }
      if (isThenable<HttpResponseBase>(answer)) {
        return Promise.resolve(answer).then(undefined, (error: unknown) =>
          resume(request, () => responseForException(context, request, error)),
        );
      }
      return answer;
    };

  const processException = (request: HttpRequest, error: unknown, from = 0): Answer => {
    for (let index = from; index < exceptionHooks.length; index++) {
      const result = exceptionHooks[index]!(request, error);
      if (isThenable<HttpResponseBase | null | undefined>(result)) {
        return Promise.resolve(result).then((response) =>
          response ? response : processException(request, error, index + 1),
        );
      }
      if (result) return result;
    }
    throw error;
  };

  const renderTemplateResponse = (
    request: HttpRequest,
    response: HttpResponseBase & Renderable,
    from = 0,
  ): Answer => {
    let current: HttpResponseBase = response;
    for (let index = from; index < templateHooks.length; index++) {
      const { name, hook } = templateHooks[index]!;
      const result = hook(request, current);
      if (isThenable<HttpResponseBase>(result)) {
        return Promise.resolve(result).then((next) => {
          const checked = checkResponse(next, name, 'processTemplateResponse');
          return isRenderable(checked)
            ? renderTemplateResponse(request, checked, index + 1)
            : finishRendering(request, checked);
        });
      }
      current = checkResponse(result, name, 'processTemplateResponse');
    }
    return finishRendering(request, current);
  };

  const finishRendering = (request: HttpRequest, response: HttpResponseBase): Answer => {
    if (!isRenderable(response)) return response;
    const onError = (error: unknown): Answer => processException(request, error);
    let rendered: unknown;
    try {
      // TemplateResponse.render() awaits (loaders, context processors): {% url %} needs the request.
      rendered = auto
        ? runWithRequestUntilSettled(request, () => response.render())
        : response.render();
    } catch (error) {
      return onError(error);
    }
    if (isThenable(rendered)) return Promise.resolve(rendered).then(() => response, onError);
    return response;
  };

  const finish = (request: HttpRequest, value: unknown, view: unknown): Answer => {
    const response = checkResponse(value, view);
    if (isRenderable(response) && response.isRendered !== true)
      return renderTemplateResponse(request, response);
    return response;
  };

  const callView = (
    request: HttpRequest,
    view: View,
    params: Record<string, unknown>,
    args: readonly unknown[],
  ): Answer => {
    let result: unknown;
    try {
      result =
        auto && awaits(view)
          ? runWithRequestUntilSettled(request, () => view(request, params, ...args))
          : args.length === 0
            ? view(request, params)
            : view(request, params, ...args);
    } catch (error) {
      const rescued = processException(request, error);
      return isThenable<HttpResponseBase>(rescued)
        ? Promise.resolve(rescued).then((value) => finish(request, value, view))
        : finish(request, rescued, view);
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => resume(request, () => finish(request, value, view)),
        (error: unknown) =>
          resume(request, () => {
            const rescued = processException(request, error);
            return isThenable<HttpResponseBase>(rescued)
              ? Promise.resolve(rescued).then((value) => finish(request, value, view))
              : finish(request, rescued, view);
          }),
      );
    }
    return finish(request, result, view);
  };

  const runViewHooks = (
    request: HttpRequest,
    view: View,
    params: Record<string, unknown>,
    args: readonly unknown[],
    from: number,
  ): Answer => {
    for (let index = from; index < viewHooks.length; index++) {
      const result = viewHooks[index]!(request, view as unknown as AnyView, params, args);
      if (isThenable<HttpResponseBase | null | undefined>(result)) {
        return Promise.resolve(result).then((response) =>
          response
            ? finish(request, response, view)
            : runViewHooks(request, view, params, args, index + 1),
        );
      }
      if (result) return finish(request, result, view);
    }
    return callView(request, view, params, args);
  };

  const resolver = context.resolver;
  // Django's `_get_response`: resolve, view middleware, view, check, deferred render.
  const getResponse: GetResponse = (request) => {
    const match = resolver.resolve(request.pathInfo);
    request.resolverMatch = match;
    const view = match.view as unknown as View;
    const params = match.kwargs as Record<string, unknown>;
    const args = match.args as readonly unknown[];
    if (viewHooks.length === 0) return callView(request, view, params, args);
    return runViewHooks(request, view, params, args, 0);
  };

  let handler: GetResponse = convert(getResponse);
  for (let index = middleware.length - 1; index >= 0; index--) {
    const factory = middleware[index]!;
    const label = factory.name || `middleware[${index}]`;
    let instance: MiddlewareHandler;
    try {
      instance = factory(handler, middlewareSettings);
    } catch (error) {
      if (MiddlewareNotUsed.isInstance(error)) {
        if (context.settings.debug) {
          safeLog(context, {
            level: 'debug',
            logger: 'reins.request',
            message:
              error.message === ''
                ? `MiddlewareNotUsed: '${label}'`
                : `MiddlewareNotUsed('${label}'): ${error.message}`,
          });
        }
        continue;
      }
      throw error;
    }
    if (typeof instance !== 'function') {
      throw new ImproperlyConfigured(
        `middleware[${index}]`,
        `Middleware factory ${label} returned ${describe(instance)}; it must return a handler (request) => response.`,
      );
    }
    const { processView, processTemplateResponse, processException: onException } = instance;
    if (processView) viewHooks.unshift(scoped(processView.bind(instance), processView));
    if (processTemplateResponse) {
      const hook = scoped(processTemplateResponse.bind(instance), processTemplateResponse);
      templateHooks.push({ name: label, hook });
    }
    if (onException) exceptionHooks.push(scoped(onException.bind(instance), onException));
    handler = convert(scoped(instance));
  }
  return handler;
}
