/**
 * One request's whole path through reins, top to bottom — Django's `WSGIHandler.__call__` +
 * `BaseHandler` in one file. {@link createRequestLifecycle} runs once at start-up: it decides the
 * request-context policy, collects the middleware hooks and composes the chain. What it returns
 * runs these phases per request (docs/lifecycle.md walks through them):
 *
 *   1. adapter         Node `IncomingMessage` / Fetch `Request` → `HttpRequest` (400 if unusable)
 *   2. request         the request carries its application: `urlconf` and `app` (templates, logger)
 *   3. host check      `ALLOWED_HOSTS` before anything else runs (`validateHostUpFront`)
 *   4. body            a plain body read before the chain (`body`/`POST` are sync getters);
 *                      a streamed multipart form only when something awaits `loadBody()`
 *   5. middleware      the composed chain, every layer turning an exception into a response
 *   6. resolve         `resolver.resolve(pathInfo)` → `request.resolverMatch`
 *   7. view hooks      `processView`, top-down; the first response wins
 *   8. view            the view, then Django's `check_response`
 *   9. template resp.  `processTemplateResponse` bottom-up, then `render()`
 *  10. exceptions      `processException` bottom-up, else `responseForException`; the 4xx/5xx log line
 *  11. write           the response to Node (or to a Fetch `Response`)
 *
 * Sync and async go through the same code: every phase only creates a promise when something it
 * called returned one (`isThenable`/`andThen` of @reins/core), so a fully sync request costs no
 * microtask hop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NOT_SETTLED, andThen, isThenable, settledValue } from '@reins/core';
import {
  HttpResponse,
  requestFromFetch,
  requestFromNode,
  responseToFetch,
  isResponseLogged,
  runSyncWithRequest,
  runWithRequest,
  runWithRequestUntilSettled,
  writeNodeResponse,
} from '@reins/http';
import type { HttpRequest, HttpResponseBase, RequestApp, RequestOptions } from '@reins/http';
import { MiddlewareNotUsed } from '@reins/middleware';
import type {
  GetResponse,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from '@reins/middleware';
import { ViewResponseError } from '../errors.js';
import { registerRequestApp } from './app-registry.js';
import type { AppContext } from './app-context.js';
import { awaits } from './awaits.js';
import { describe } from './describe.js';
import { settingError } from './improperly-configured.js';
import { responseForException, safeLog } from './exception-response.js';
import type { ServingHooks } from './node-server.js';
import { viewName } from './technical-responses.js';

type Answer = HttpResponseBase | Promise<HttpResponseBase>;
type View = (request: HttpRequest, params: Record<string, unknown>, ...args: unknown[]) => unknown;
type ViewHook = NonNullable<MiddlewareHandler['processView']>;
type ExceptionHook = NonNullable<MiddlewareHandler['processException']>;
type TemplateHook = NonNullable<MiddlewareHandler['processTemplateResponse']>;
/** How a function runs with the request current: one of the `run…WithRequest` of @reins/http. */
type Scope = <T>(request: HttpRequest, fn: (request: HttpRequest) => T) => T;

/** The per-request entry points {@link createRequestLifecycle} builds. */
export interface RequestLifecycle {
  /** Phases 2–10 for a request already built; always settles to a response, sync when all is. */
  serve(request: HttpRequest): Answer;
  /** Phases 1–11 for a Fetch `Request`. */
  serveFetch(request: Request): Promise<Response>;
  /** Phases 1–11 for a Node request; `hooks.done(outgoing)` once the response is handed to Node. */
  serveNode(incoming: IncomingMessage, outgoing: ServerResponse, hooks: ServingHooks | null): void;
}

/** What the Node adapter checks before closing a response and its request after writing. */
interface Closable {
  readonly needsClose: boolean;
}

/** A response that renders later (`TemplateResponse`), recognised by shape as Django does. */
interface Renderable {
  render(): unknown;
  isRendered?: boolean;
}

const withoutContext: Scope = (request, fn) => fn(request);

/**
 * Build the lifecycle of one application: everything decided once is decided here, so the
 * per-request functions below only branch on what the request itself does.
 */
export function createRequestLifecycle(
  context: AppContext,
  middleware: readonly Middleware[],
  middlewareSettings: MiddlewareSettings,
  requestOptions: RequestOptions,
): RequestLifecycle {
  // ── Start-up: the request-context policy (the `requestContext` setting), decided once ──
  // 'auto': the request is current through a plain variable while code runs synchronously, and
  // through AsyncLocalStorage only around code that awaits (decided per function, below), so a
  // process serving sync views never switches async hooks on. 'always': AsyncLocalStorage for the
  // whole request. false: never current (reverse()/templates need explicit arguments).
  const policy = context.settings.requestContext;
  const auto = policy === 'auto';
  const enter: Scope =
    policy === 'auto' ? runSyncWithRequest : policy === 'always' ? runWithRequest : withoutContext;
  const resume: Scope = auto ? runSyncWithRequest : withoutContext;
  const untilSettled: Scope = auto ? runWithRequestUntilSettled : withoutContext;
  /** `fn`, run across its awaits with the request current when it awaits (policy 'auto'). */
  const scoped = <F extends (request: HttpRequest, ...rest: never[]) => unknown>(
    fn: F,
    original: unknown = fn,
  ): F =>
    auto && awaits(original)
      ? (((request: HttpRequest, ...rest: never[]) =>
          runWithRequestUntilSettled(request, () => fn(request, ...rest))) as F)
      : fn;

  // The view called last, and whether it awaits: a server answers its few busiest routes over
  // and over, and `awaits` probes the function's mark, constructor and class with property reads
  // that see every view and hook of the app, so V8 cannot cache them (measured in process: ~0.1
  // µs of a ~0.6 µs page-cache hit).
  let lastView: unknown = null;
  let lastViewAwaits = false;
  const viewAwaits = (view: View): boolean => {
    if (view !== lastView) {
      lastViewAwaits = auto && awaits(view);
      lastView = view;
    }
    return lastViewAwaits;
  };

  const resolver = context.resolver;
  const app: RequestApp = { templates: context.templates, logger: context.logger };
  registerRequestApp(app, context);
  const validateHost = context.settings.validateHostUpFront;
  const viewHooks: ViewHook[] = [];
  const exceptionHooks: ExceptionHook[] = [];
  const templateHooks: { name: string; hook: TemplateHook }[] = [];

  // ── Phases 1 + 11: adapters ──

  function serveNode(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    hooks: ServingHooks | null,
  ): void {
    let request: HttpRequest;
    try {
      request = requestFromNode(incoming, requestOptions);
    } catch (error) {
      outgoing.statusCode = 400;
      outgoing.end();
      safeLog(context, {
        level: 'warning',
        logger: 'reins.request',
        message: `Bad Request: ${errorText(error)}`,
        error,
      });
      hooks?.done(outgoing);
      return;
    }
    const answer = serve(request);
    if (!isThenable<HttpResponseBase>(answer)) {
      writeNode(answer, request, outgoing, hooks);
      return;
    }
    answer.then(
      (response) => {
        writeNode(response, request, outgoing, hooks);
      },
      (error: unknown) => {
        // Only a bug in reins itself gets here: every phase above turns errors into responses.
        safeLog(context, {
          level: 'error',
          logger: 'reins.request',
          message: 'Internal Server Error',
          error,
        });
        if (!outgoing.headersSent) {
          outgoing.statusCode = 500;
          outgoing.setHeader('Content-Type', 'text/plain; charset=utf-8');
        }
        outgoing.end();
        hooks?.done(outgoing);
      },
    );
  }

  /** Phase 11 for Node: hand the response over; `hooks.done` once Node has it (or it failed). */
  function writeNode(
    response: HttpResponseBase,
    request: HttpRequest,
    outgoing: ServerResponse,
    hooks: ServingHooks | null,
  ): void {
    if (hooks?.closing === true && !outgoing.headersSent) outgoing.shouldKeepAlive = false;
    const written = writeNodeResponse(response, outgoing, request);
    // An in-memory body already handed to Node and nothing to close: the adapter's promise is
    // its settled constant, so skip the reaction (a promise and a microtask per request).
    if (
      !response.streaming &&
      outgoing.writableEnded &&
      !(response as unknown as Closable).needsClose &&
      !(request as unknown as Closable).needsClose
    ) {
      hooks?.done(outgoing);
      return;
    }
    written.then(hooks === null ? undefined : () => hooks.done(outgoing), (error: unknown) => {
      // The client went away or a streaming body failed mid-way: nothing more can be sent.
      safeLog(context, {
        level: 'warning',
        logger: 'reins.server',
        message: `Error writing the response to ${request.path}: ${errorText(error)}`,
        error,
      });
      outgoing.destroy();
      hooks?.done(outgoing);
    });
  }

  function serveFetch(fetchRequest: Request): Promise<Response> {
    let request: HttpRequest;
    try {
      request = requestFromFetch(fetchRequest, requestOptions);
    } catch (error) {
      return Promise.resolve(new Response(null, { status: 400, statusText: errorText(error) }));
    }
    try {
      const answer = serve(request);
      // A sync answer is converted now: an async function would add a microtask hop per request.
      if (!isThenable<HttpResponseBase>(answer)) {
        return Promise.resolve(responseToFetch(answer, request));
      }
      return answer.then((response) => responseToFetch(response, request));
    } catch (error) {
      // Only a bug in reins gets here; reject with what was thrown, as an async function would.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
  }

  // ── Phases 2–4: the request, its host, its body ──

  function serve(request: HttpRequest): Answer {
    return enter(request, begin);
  }

  function begin(request: HttpRequest): Answer {
    request.urlconf = resolver;
    request.app = app;
    if (validateHost) {
      try {
        request.checkHost();
      } catch (error) {
        return andThen(responseForException(context, request, error), (response) =>
          logResponse(request, response),
        );
      }
    }
    // A read that fails (too big, malformed form, client gone) is kept by the request and thrown
    // where the body is first used — as Django raises on access, so a view that never reads it runs.
    // A streamed multipart form is not read here: only `await request.loadBody()` (the CSRF
    // middleware's, or a view's) parses it, so an upload nobody reads costs no parsing and no disk.
    const preload = request.preloadBody();
    if (preload !== null) {
      const run = (): Answer => enter(request, respond);
      return preload.then(run, run);
    }
    return respond(request);
  }

  /** Phase 5 and the end of phase 10: the chain, then the generic 4xx/5xx log line. */
  function respond(request: HttpRequest): Answer {
    const answer = chain(request);
    if (isThenable<HttpResponseBase>(answer)) {
      return answer.then((response) => logResponse(request, response));
    }
    return logResponse(request, answer);
  }

  /** Django's `log_response` for 4xx/5xx responses not already logged on the exception path. */
  function logResponse(request: HttpRequest, response: HttpResponseBase): Answer {
    if (!HttpResponse.isInstance(response)) {
      const error = new TypeError(
        `A middleware returned ${response === null ? 'null' : typeof response} instead of an HttpResponse object. Every middleware handler must return the response of getResponse(request) or one of its own.`,
      );
      return andThen(responseForException(context, request, error), (fallback) =>
        logResponse(request, fallback),
      );
    }
    const status = response.status;
    if (status >= 400 && !context.loggedResponses.has(response) && !isResponseLogged(response)) {
      safeLog(context, {
        level: status >= 500 ? 'error' : 'warning',
        logger: 'reins.request',
        message: `${response.reasonPhrase}: ${request.path}`,
        request,
        status,
      });
    }
    return response;
  }

  // ── Phases 6–9: the innermost step, Django's `_get_response` ──

  function getResponse(request: HttpRequest): Answer {
    const match = resolver.resolve(request.pathInfo);
    request.resolverMatch = match;
    const view = match.view as unknown as View;
    const params = match.kwargs;
    const args = match.args as readonly unknown[];
    if (viewHooks.length === 0) return callView(request, view, params, args);
    return runViewHooks(request, view, params, args, 0);
  }

  function runViewHooks(
    request: HttpRequest,
    view: View,
    params: Record<string, unknown>,
    args: readonly unknown[],
    from: number,
  ): Answer {
    for (let index = from; index < viewHooks.length; index++) {
      const result = viewHooks[index]!(request, view, params, args);
      if (isThenable<HttpResponseBase | null | undefined>(result)) {
        return Promise.resolve(result).then((response) =>
          response
            ? afterView(request, response, view)
            : runViewHooks(request, view, params, args, index + 1),
        );
      }
      if (result) return afterView(request, result, view);
    }
    return callView(request, view, params, args);
  }

  function callView(
    request: HttpRequest,
    view: View,
    params: Record<string, unknown>,
    args: readonly unknown[],
  ): Answer {
    let result: unknown;
    try {
      result = viewAwaits(view)
        ? runWithRequestUntilSettled(request, () => view(request, params, ...args))
        : args.length === 0
          ? view(request, params)
          : view(request, params, ...args);
    } catch (error) {
      return rescueView(request, error, view);
    }
    if (!isThenable(result)) return afterView(request, result, view);
    // A view that returned `render()`'s promise of a page rendered synchronously goes on now.
    const value = settledValue(result);
    if (value !== NOT_SETTLED) return afterView(request, value, view);
    return Promise.resolve(result).then(
      (value) => resume(request, () => afterView(request, value, view)),
      (error: unknown) => resume(request, () => rescueView(request, error, view)),
    );
  }

  /** Phase 10 inside the innermost step: a view's error offered to `processException`. */
  function rescueView(request: HttpRequest, error: unknown, view: View): Answer {
    return andThen(processException(request, error, 0), (value) => afterView(request, value, view));
  }

  /** Django's `check_response`, then phase 9 for a `TemplateResponse` not rendered yet. */
  function afterView(request: HttpRequest, value: unknown, view: unknown): Answer {
    const response = checkResponse(value, view);
    if (isRenderable(response) && response.isRendered !== true) {
      return runTemplateHooks(request, response, 0);
    }
    return response;
  }

  function runTemplateHooks(
    request: HttpRequest,
    response: HttpResponseBase,
    from: number,
  ): Answer {
    let current = response;
    for (let index = from; index < templateHooks.length; index++) {
      const { name, hook } = templateHooks[index]!;
      const result = hook(request, current);
      if (isThenable<HttpResponseBase>(result)) {
        return Promise.resolve(result).then((next) => {
          const checked = checkResponse(next, name, 'processTemplateResponse');
          return isRenderable(checked)
            ? runTemplateHooks(request, checked, index + 1)
            : renderTemplate(request, checked);
        });
      }
      current = checkResponse(result, name, 'processTemplateResponse');
    }
    return renderTemplate(request, current);
  }

  function renderTemplate(request: HttpRequest, response: HttpResponseBase): Answer {
    if (!isRenderable(response)) return response;
    let rendered: unknown;
    try {
      // render() awaits (loaders, context processors), and {% url %} needs the request current.
      rendered = untilSettled(request, () => response.render());
    } catch (error) {
      return processException(request, error, 0);
    }
    if (!isThenable(rendered)) return response;
    return Promise.resolve(rendered).then(
      () => response,
      (error: unknown) => processException(request, error, 0),
    );
  }

  // ── Phase 10: exceptions ──

  /** `processException` hooks bottom-up; the first response wins, else the error propagates. */
  function processException(request: HttpRequest, error: unknown, from: number): Answer {
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
  }

  /** Django's `convert_exception_to_response`: what escapes `inner` becomes a response. */
  function convertExceptions(inner: GetResponse): GetResponse {
    return (request) => {
      let answer: Answer;
      try {
        answer = inner(request);
      } catch (error) {
        return responseForException(context, request, error);
      }
      if (!isThenable<HttpResponseBase>(answer)) return answer;
      return Promise.resolve(answer).then(undefined, (error: unknown) =>
        resume(request, () => responseForException(context, request, error)),
      );
    };
  }

  // ── Start-up, phase 5 built: the middleware chain, last entry innermost ──
  // Factories run now, once; one that throws `MiddlewareNotUsed` is dropped. `processView` hooks
  // run top-down, `processTemplateResponse` and `processException` bottom-up, as in Django.
  let chain: GetResponse = convertExceptions(getResponse);
  for (let index = middleware.length - 1; index >= 0; index--) {
    const factory = middleware[index]!;
    const label = factory.name || `middleware[${index}]`;
    let instance: MiddlewareHandler;
    try {
      instance = factory(chain, middlewareSettings);
    } catch (error) {
      if (!MiddlewareNotUsed.isInstance(error)) throw error;
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
    if (typeof instance !== 'function') {
      throw settingError(
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
    chain = convertExceptions(scoped(instance));
  }

  return { serve, serveFetch, serveNode };
}

function isRenderable(response: HttpResponseBase): response is HttpResponseBase & Renderable {
  return typeof (response as Partial<Renderable>).render === 'function';
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

function describeReturned(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'object')
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `a ${typeof value}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
