/**
 * {@link createApp}: the application. It validates the settings, builds the resolver and the
 * template engines, composes the middleware chain — all once, at start-up — and then serves
 * requests three ways: {@link App.handle} (an `HttpRequest` in, an `HttpResponse` out),
 * {@link App.fetch} (Fetch `Request`/`Response`, for any runtime or test) and {@link App.listen}
 * (a Node HTTP server with timeouts and a graceful `close()`). Every request is the current
 * request while it is served (see the `requestContext` setting), so `reverse()` and templates
 * find the resolver without being handed it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HttpResponse,
  requestFromFetch,
  requestFromNode,
  responseToFetch,
  runSyncWithRequest,
  runWithRequest,
  writeNodeResponse,
} from '@reins/http';
import type { HttpRequest, HttpResponseBase, RequestOptions } from '@reins/http';
import { csrfContextProcessor } from '@reins/middleware';
import type { MiddlewareSettings } from '@reins/middleware';
import { reverse, setDefaultUrlconf, setTemplates } from '@reins/shortcuts';
import { createTemplates } from '@reins/templates';
import type { TemplateEngines as Templates } from '@reins/shortcuts';
import { createResolver } from '@reins/urls';
import type { CheckMessage } from './checks.js';
import { runChecks } from './checks.js';
import { withDevelopmentStatic } from './internal/development-static.js';
import type { AnyResolver, AppContext } from './internal/app-context.js';
import { buildHandler } from './internal/build-handler.js';
import { responseForException, safeLog } from './internal/exception-response.js';
import { isThenable } from './internal/maybe-promise.js';
import { startNodeServer } from './internal/node-server.js';
import { routeViewLogs } from './internal/view-log-bridge.js';
import type { ListenOptions, ReinsServer, ServingHooks } from './internal/node-server.js';
import type { ResolvedSettings, Settings } from './settings.js';
import { validateSettings } from './settings.js';

type Answer = HttpResponseBase | Promise<HttpResponseBase>;

/** What the Node adapter checks before closing a response and its request after writing. */
interface Closable {
  readonly needsClose: boolean;
}

/**
 * A reins application, built by {@link createApp}.
 *
 * @example
 * const app = createApp({ rootUrlconf: urlpatterns });
 * const response = await app.fetch(new Request('http://localhost/'));
 */
export class App {
  /** The validated settings, with defaults filled in. */
  readonly settings: ResolvedSettings;
  /** The root URL resolver. */
  readonly resolver: AnyResolver;
  /** The template engines, or `null` when `templates` was not set. */
  readonly templates: Templates | null;
  /** What the Node and Fetch adapters build requests with (hosts, upload limits…). */
  readonly requestOptions: RequestOptions;
  readonly #context: AppContext;
  readonly #requestContext: ResolvedSettings['requestContext'];
  readonly #chain: (request: HttpRequest) => Answer;
  // Made once: the per-request scopes call them without allocating a closure per request.
  readonly #serveRequest = (request: HttpRequest): Answer => this.#serve(request);
  readonly #respond = (request: HttpRequest): Answer =>
    this.#finalize(request, this.#chain(request));

  constructor(settings: Settings) {
    const resolved = validateSettings(settings);
    this.settings = resolved;
    this.#requestContext = resolved.requestContext;
    const root = resolved.rootUrlconf;
    // Compile the resolve/reverse tables now, so a bad pattern fails at start-up, not on a request.
    this.resolver = (Array.isArray(root) ? createResolver(root) : (root as AnyResolver)).compile();
    this.templates = buildTemplates(resolved.templates);
    this.requestOptions = {
      allowedHosts: [...resolved.allowedHosts],
      debug: resolved.debug,
      dataUploadMaxMemorySize: resolved.dataUploadMaxMemorySize,
      dataUploadMaxNumberFields: resolved.dataUploadMaxNumberFields,
      dataUploadMaxNumberFiles: resolved.dataUploadMaxNumberFiles,
      fileUploadMaxMemorySize: resolved.fileUploadMaxMemorySize,
      ...(resolved.fileUploadTempDir === undefined
        ? {}
        : { fileUploadTempDir: resolved.fileUploadTempDir }),
      secureProxySslHeader:
        resolved.secureProxySslHeader === null ? null : [...resolved.secureProxySslHeader],
      useXForwardedHost: resolved.useXForwardedHost,
      useXForwardedPort: resolved.useXForwardedPort,
      secretKey: resolved.secretKey,
      secretKeyFallbacks: resolved.secretKeyFallbacks,
    };
    this.#context = {
      settings: resolved,
      logger: resolved.logger,
      templates: this.templates,
      resolver: this.resolver,
      loggedResponses: new WeakSet(),
    };
    const middlewareSettings: MiddlewareSettings = {
      ...resolved.extra,
      debug: resolved.debug,
      appendSlash: resolved.appendSlash,
      prependWww: resolved.prependWww,
      allowedHosts: resolved.allowedHosts,
      // A middleware that signs (sessions, messages) checks for a key here, at start-up.
      secretKey: resolved.secretKey,
      secretKeyFallbacks: resolved.secretKeyFallbacks,
    };
    this.#chain = buildHandler(this.#context, withDevelopmentStatic(resolved), middlewareSettings);
    routeViewLogs(this.resolver, resolved.logger);
    // Django's process-wide defaults, for code running outside any request (scripts, tests).
    setDefaultUrlconf(this.resolver);
    if (this.templates !== null) setTemplates(this.templates);
  }

  /**
   * Serve one request: Host check, body, middleware, view; always resolves to a response.
   *
   * @example
   * const response = await app.handle(requestFromFetch(new Request('http://localhost/')));
   */
  handle(request: HttpRequest): Promise<HttpResponseBase> {
    return Promise.resolve(this.#dispatch(request));
  }

  /**
   * Serve a Fetch `Request` (any runtime, or tests without sockets).
   *
   * @example
   * const response = await app.fetch(new Request('http://localhost/greetings/'));
   */
  async fetch(request: Request): Promise<Response> {
    let httpRequest: HttpRequest;
    try {
      httpRequest = requestFromFetch(request, this.requestOptions);
    } catch (error) {
      return new Response(null, { status: 400, statusText: errorText(error) });
    }
    const response = await this.#dispatch(httpRequest);
    return responseToFetch(response, httpRequest);
  }

  /**
   * Start a Node HTTP server; resolves once it is listening.
   *
   * @example
   * const server = await app.listen({ host: '127.0.0.1', port: 8000 });
   * await server.close();
   */
  listen(options: ListenOptions = {}): Promise<ReinsServer> {
    return startNodeServer(
      (incoming, outgoing, hooks) => {
        this.#serveNode(incoming, outgoing, hooks);
      },
      options,
      this.#context,
    );
  }

  /**
   * A `(req, res)` listener for a `node:http` server you create yourself.
   *
   * @example
   * http.createServer(app.nodeListener()).listen(8000);
   */
  nodeListener(): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
    return (incoming, outgoing) => {
      this.#serveNode(incoming, outgoing, null);
    };
  }

  /**
   * Serve one Node request; `hooks.done(outgoing)` is called once the response has been handed to
   * Node (or failed). No promise at all on the sync path.
   */
  #serveNode(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    hooks: ServingHooks | null,
  ): void {
    const context = this.#context;
    let request: HttpRequest;
    try {
      request = requestFromNode(incoming, this.requestOptions);
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
    const answer = this.#dispatch(request);
    if (isThenable<HttpResponseBase>(answer)) {
      answer.then(
        (response) => {
          this.#write(response, request, outgoing, hooks);
        },
        (error: unknown) => {
          this.#fatal(outgoing, error);
          hooks?.done(outgoing);
        },
      );
    } else {
      this.#write(answer, request, outgoing, hooks);
    }
  }

  #write(
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
      safeLog(this.#context, {
        level: 'warning',
        logger: 'reins.server',
        message: `Error writing the response to ${request.path}: ${errorText(error)}`,
        error,
      });
      outgoing.destroy();
      hooks?.done(outgoing);
    });
  }

  /**
   * Run the system checks: the URLconf checks of @reins/urls, template directories, settings.
   *
   * @example
   * const errors = app.check().filter((message) => message.level === 'error');
   */
  check(): CheckMessage[] {
    return runChecks(this);
  }

  /** Serve one request, sync when the whole chain is sync. */
  #dispatch(request: HttpRequest): Answer {
    return this.#asCurrent(request, this.#serveRequest);
  }

  /** `fn(request)` with `request` current, as the `requestContext` setting says. */
  #asCurrent(request: HttpRequest, fn: (request: HttpRequest) => Answer): Answer {
    switch (this.#requestContext) {
      case 'auto':
        return runSyncWithRequest(request, fn);
      case 'always':
        return runWithRequest(request, fn);
      default:
        return fn(request);
    }
  }

  #serve(request: HttpRequest): Answer {
    const context = this.#context;
    request.urlconf = this.resolver;
    if (context.settings.validateHostUpFront) {
      try {
        request.getHost();
      } catch (error) {
        return this.#finalize(request, responseForException(context, request, error));
      }
    }
    // The body is read before the chain, because `body`/`POST`/`FILES` are sync getters. A read
    // that fails (too big, malformed form, client gone) is kept by the request and thrown where
    // the body is first used — as Django raises on access, so a view that never reads it still runs.
    if (!request.bodyLoaded) {
      const run = (): Answer => this.#asCurrent(request, this.#respond);
      return request.loadBody().then(run, run);
    }
    return this.#respond(request);
  }

  #finalize(request: HttpRequest, answer: Answer): Answer {
    if (isThenable<HttpResponseBase>(answer))
      return answer.then((response) => this.#logResponse(request, response));
    return this.#logResponse(request, answer);
  }

  /** Django's `log_response` for 4xx/5xx responses not already logged on the exception path. */
  #logResponse(request: HttpRequest, response: HttpResponseBase): Answer {
    if (!HttpResponse.isInstance(response)) {
      const error = new TypeError(
        `A middleware returned ${response === null ? 'null' : typeof response} instead of an HttpResponse object. Every middleware handler must return the response of getResponse(request) or one of its own.`,
      );
      return this.#finalize(request, responseForException(this.#context, request, error));
    }
    const status = response.status;
    if (status >= 400 && !this.#context.loggedResponses.has(response)) {
      safeLog(this.#context, {
        level: status >= 500 ? 'error' : 'warning',
        logger: 'reins.request',
        message: `${response.reasonPhrase}: ${request.path}`,
        request,
        status,
      });
    }
    return response;
  }

  #fatal(outgoing: ServerResponse, error: unknown): void {
    safeLog(this.#context, {
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
  }
}

function buildTemplates(setting: ResolvedSettings['templates']): Templates | null {
  if (setting === undefined) return null;
  if (!Array.isArray(setting) && typeof (setting as Templates).getTemplate === 'function') {
    return setting as Templates;
  }
  const configs = (setting as Parameters<typeof createTemplates>[0]).map((config) => {
    if (config.backend !== 'reins') return config;
    const options = config.options ?? {};
    // Django's RequestContext always has the CSRF processor, and {% url %} reverses with the
    // resolver of the request being served (or the app's default outside requests).
    const processors = (options['contextProcessors'] as unknown[] | undefined) ?? [];
    return {
      ...config,
      options: {
        ...options,
        reverse: options['reverse'] ?? reverse,
        contextProcessors: processors.includes(csrfContextProcessor)
          ? processors
          : [csrfContextProcessor, ...processors],
      },
    };
  });
  return createTemplates(configs);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Build the application from its settings: validates them, compiles the URLconf, creates the
 * template engines and composes the middleware chain, once.
 *
 * @throws {ImproperlyConfigured} when a setting is wrong (the message names it).
 * @example
 * import { createApp } from '@reins/server';
 * import { commonMiddleware, securityMiddleware } from '@reins/middleware';
 * export const app = createApp({
 *   rootUrlconf: urlpatterns,
 *   middleware: [securityMiddleware(), commonMiddleware()],
 *   templates: [{ backend: 'reins', dirs: ['templates'] }],
 *   allowedHosts: ['example.com'],
 * });
 * await app.listen({ port: 8000 });
 */
export function createApp(settings: Settings): App {
  return new App(settings);
}
