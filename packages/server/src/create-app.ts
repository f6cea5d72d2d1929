/**
 * {@link createApp}: the application. It validates the settings, builds the resolver and the
 * template engines, composes the middleware chain — all once, at start-up — and then serves
 * requests three ways: {@link App.handle} (an `HttpRequest` in, an `HttpResponse` out),
 * {@link App.fetch} (Fetch `Request`/`Response`, for any runtime or test) and {@link App.listen}
 * (a Node HTTP server with timeouts and a graceful `close()`) — each through the phases of
 * `internal/request-lifecycle.ts`. Every request carries this application (`request.urlconf`,
 * `request.app`) and is the current request while it is served (the `requestContext` setting), so
 * `reverse()`, templates and views find the resolver, engines and logger without being handed
 * them; nothing is process-wide.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpRequest, HttpResponseBase, RequestOptions } from '@reins/http';
import { csrfContextProcessor } from '@reins/middleware';
import type { MiddlewareSettings } from '@reins/middleware';
import { reverse } from '@reins/shortcuts';
import { createTemplates } from '@reins/templates';
import type { TemplateEngines as Templates } from '@reins/shortcuts';
import { createResolver } from '@reins/urls';
import type { CheckMessage } from './checks.js';
import { runChecks } from './checks.js';
import { withDevelopmentStatic } from './internal/development-static.js';
import type { AnyResolver, AppContext } from './internal/app-context.js';
import { closeWithin, startNodeServer } from './internal/node-server.js';
import type { ListenOptions, ReinsServer } from './internal/node-server.js';
import { createRequestLifecycle } from './internal/request-lifecycle.js';
import type { RequestLifecycle } from './internal/request-lifecycle.js';
import type { ResolvedSettings, Settings } from './settings.js';
import { validateSettings } from './settings.js';

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
  /** Every request's path, phase by phase: internal/request-lifecycle.ts. */
  readonly #lifecycle: RequestLifecycle;

  constructor(settings: Settings) {
    const resolved = validateSettings(settings);
    this.settings = resolved;
    const root = resolved.rootUrlconf;
    // Compile the resolve/reverse tables now, so a bad pattern fails at start-up, not on a request.
    this.resolver = (Array.isArray(root) ? createResolver(root) : (root as AnyResolver)).compile();
    this.templates = buildTemplates(resolved.templates, resolved.debug);
    this.requestOptions = {
      allowedHosts: [...resolved.allowedHosts],
      debug: resolved.debug,
      dataUploadMaxMemorySize: resolved.dataUploadMaxMemorySize,
      dataUploadMaxNumberFields: resolved.dataUploadMaxNumberFields,
      dataUploadMaxNumberFiles: resolved.dataUploadMaxNumberFiles,
      dataUploadMaxNumberParts: resolved.dataUploadMaxNumberParts,
      fileUploadMaxMemorySize: resolved.fileUploadMaxMemorySize,
      fileUploadMaxTotalSize: resolved.fileUploadMaxTotalSize,
      fileUploadMaxSize: resolved.fileUploadMaxSize,
      ...(resolved.fileUploadTempDir === undefined
        ? {}
        : { fileUploadTempDir: resolved.fileUploadTempDir }),
      secureProxySslHeader:
        resolved.secureProxySslHeader === null ? null : [...resolved.secureProxySslHeader],
      useXForwardedHost: resolved.useXForwardedHost,
      useXForwardedPort: resolved.useXForwardedPort,
      trustedProxies: resolved.trustedProxies === null ? null : [...resolved.trustedProxies],
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
      ...resolved.sessions,
      ...resolved.messages,
      debug: resolved.debug,
      appendSlash: resolved.appendSlash,
      prependWww: resolved.prependWww,
      allowedHosts: resolved.allowedHosts,
      // A middleware that signs (sessions, messages) checks for a key here, at start-up.
      secretKey: resolved.secretKey,
      secretKeyFallbacks: resolved.secretKeyFallbacks,
    };
    // Nothing process-wide is set: each request carries this app's resolver, templates and
    // logger (`request.urlconf`, `request.app`), so two apps in one process never interfere.
    this.#lifecycle = createRequestLifecycle(
      this.#context,
      withDevelopmentStatic(resolved),
      middlewareSettings,
      this.requestOptions,
    );
  }

  /**
   * Serve one request: Host check, body, middleware, view; always resolves to a response.
   *
   * @example
   * const response = await app.handle(requestFromFetch(new Request('http://localhost/')));
   */
  handle(request: HttpRequest): Promise<HttpResponseBase> {
    return Promise.resolve(this.#lifecycle.serve(request));
  }

  /**
   * Serve a Fetch `Request` (any runtime, or tests without sockets).
   *
   * @example
   * const response = await app.fetch(new Request('http://localhost/greetings/'));
   */
  fetch(request: Request): Promise<Response> {
    return this.#lifecycle.serveFetch(request);
  }

  /**
   * Start a Node HTTP server; resolves once it is listening.
   *
   * @example
   * const server = await app.listen({ host: '127.0.0.1', port: 8000 });
   * await server.close();
   */
  listen(options: ListenOptions = {}): Promise<ReinsServer> {
    const lifecycle = this.#lifecycle;
    return startNodeServer(
      (incoming, outgoing, hooks) => {
        lifecycle.serveNode(incoming, outgoing, hooks);
      },
      options,
      this.#context,
    );
  }

  /**
   * Close what the app holds open outside requests: its `databases` (their `close()`, or the
   * Kysely pool), its `sessionStore` and the caches of @reins/cache. A server started with
   * `handleSignals` does this itself after draining; call it after `server.close()` otherwise.
   *
   * @example
   * await server.close();
   * await app.close();
   */
  close(timeout = 5_000): Promise<void> {
    return closeWithin(this.#context, timeout);
  }

  /**
   * A `(req, res)` listener for a `node:http` server you create yourself.
   *
   * @example
   * http.createServer(app.nodeListener()).listen(8000);
   */
  nodeListener(): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
    const lifecycle = this.#lifecycle;
    return (incoming, outgoing) => {
      lifecycle.serveNode(incoming, outgoing, null);
    };
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
}

/**
 * The render budget of every reins engine unless its options set `renderBudget`: ten million
 * steps (a loop iteration, an include or a `{% lorem %}` unit each) and ten million characters of
 * output (about 10 MB of HTML, a thousand times a typical page). Measured on the shared 2-core
 * machine, ten million includes take about 1.3 s of CPU and ten million loop iterations less, so a
 * hostile or runaway template costs one request a second or so instead of the process.
 */
const DEFAULT_RENDER_BUDGET = { maxSteps: 10_000_000, maxOutputLength: 10_000_000 };

function buildTemplates(setting: ResolvedSettings['templates'], debug: boolean): Templates | null {
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
        // Django's engine option `debug` defaults to settings.DEBUG (`{% debug %}` needs it).
        debug: options['debug'] ?? debug,
        renderBudget: options['renderBudget'] ?? DEFAULT_RENDER_BUDGET,
        contextProcessors: processors.includes(csrfContextProcessor)
          ? processors
          : [csrfContextProcessor, ...processors],
      },
    };
  });
  return createTemplates(configs);
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
