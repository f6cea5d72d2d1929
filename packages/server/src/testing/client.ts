/**
 * {@link Client}: Django's test client. It drives an application in-process — no sockets — with
 * `get`/`post`/`put`/`patch`/`delete`/`head`/`options`, keeps cookies between requests, can follow
 * redirects (recording the chain), and records every template rendered while serving a request
 * with its context (through `onTemplateRendered` of @reins/templates).
 */
import { DONT_ENFORCE_CSRF_CHECKS, GOT_REQUEST_EXCEPTION } from '@reins/core';
import { HttpResponse } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import { onTemplateRendered } from '@reins/templates';
import type { App } from '../create-app.js';
import type { RequestData, RequestExtras } from './request-factory.js';
import { encodeBody, encodeQuery, RequestFactory } from './request-factory.js';

/** A template rendered while serving a request, with the context it was given. */
export interface RenderedTemplate {
  name: string | null;
  context: Readonly<Record<string, unknown>>;
}

/** What the client adds to each response it returns. */
export interface TestResponseExtras {
  /** The request that produced this (last) response. */
  request: HttpRequest;
  /** With `follow`, each redirect followed as `[url, status]`. */
  redirectChain: [string, number][];
  /** Templates rendered, in order. */
  templates: RenderedTemplate[];
  /** The rendered templates' contexts merged (the first template to define a key wins, as Django's `ContextList`); `undefined` when none rendered. */
  context: Readonly<Record<string, unknown>> | undefined;
  /** The body parsed as JSON. */
  json<T = unknown>(): T;
  /** The exception that became a 500, when there was one (with `raiseRequestException: false`). */
  exception: unknown;
}

/**
 * A response from the test client.
 *
 * @example
 * const response: TestResponse = await client.get('/');
 * response.status; // 200
 */
export type TestResponse = HttpResponse & TestResponseExtras;

/** Options of one client request. */
export interface ClientRequestOptions extends RequestExtras {
  /** Follow redirects, recording them in `redirectChain`. */
  follow?: boolean;
}

/** Options of the client. */
export interface ClientOptions {
  /** Headers sent with every request. */
  headers?: Readonly<Record<string, string>>;
  /** Run CSRF checks (off by default, as in Django's test client). */
  enforceCsrfChecks?: boolean;
  /**
   * Throw, from the client call, an exception that escaped the view and became a 500 (Django's
   * `raise_request_exception`). Default `true`; `false` returns the 500 response instead, with
   * the error in `response.exception`.
   */
  raiseRequestException?: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NO_EXCEPTION = Symbol('no exception');
const MAX_REDIRECTS = 20;

/** Following redirects went round in a circle (Django's `RedirectCycleError`). */
export class RedirectCycleError extends Error {
  readonly code = 'server.redirect_cycle';
  readonly redirectChain: [string, number][];
  constructor(message: string, chain: [string, number][]) {
    super(message);
    this.name = 'RedirectCycleError';
    this.redirectChain = chain;
  }
}

function describeCookieHeader(jar: ReadonlyMap<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/**
 * The test client.
 *
 * @example
 * const client = new Client(app);
 * const response = await client.get('/greetings/', { name: 'Ada' });
 * expect(response.status).toBe(200);
 * expect(response.templates.map((t) => t.name)).toContain('greetings/home.html');
 */
export class Client {
  readonly #app: App;
  readonly #factory: RequestFactory;
  readonly #enforceCsrfChecks: boolean;
  readonly #raiseRequestException: boolean;
  /** Cookies the client sends, updated from each response's `Set-Cookie`. */
  readonly cookies = new Map<string, string>();

  constructor(app: App, options: ClientOptions = {}) {
    this.#app = app;
    this.#factory = new RequestFactory({
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      requestOptions: app.requestOptions,
    });
    this.#enforceCsrfChecks = options.enforceCsrfChecks ?? false;
    this.#raiseRequestException = options.raiseRequestException ?? true;
  }

  /** GET `path`; `data` becomes the query string. */
  get(path: string, data?: RequestData, options: ClientRequestOptions = {}): Promise<TestResponse> {
    return this.#run('GET', path + encodeQuery(data), null, options);
  }

  /** HEAD `path`; the body of the answer is dropped, as a server would. */
  head(
    path: string,
    data?: RequestData,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('HEAD', path + encodeQuery(data), null, options);
  }

  /** POST `data` to `path`: multipart by default (as Django's client), or encoded for `contentType`. */
  post(
    path: string,
    data?: RequestData | string,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('POST', path, data ?? {}, options, true);
  }

  /** PUT `data` to `path`. */
  put(
    path: string,
    data?: RequestData | string,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('PUT', path, data, options);
  }

  /** PATCH `data` to `path`. */
  patch(
    path: string,
    data?: RequestData | string,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('PATCH', path, data, options);
  }

  /** DELETE `path`. */
  delete(
    path: string,
    data?: RequestData | string,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('DELETE', path, data, options);
  }

  /** OPTIONS `path`. */
  options(
    path: string,
    data?: RequestData | string,
    options: ClientRequestOptions = {},
  ): Promise<TestResponse> {
    return this.#run('OPTIONS', path, data, options);
  }

  async #run(
    method: string,
    path: string,
    data: RequestData | string | undefined | null,
    options: ClientRequestOptions,
    multipartDefault = false,
  ): Promise<TestResponse> {
    let response = await this.#once(method, path, data ?? undefined, options, multipartDefault);
    if (options.follow !== true) return response;
    const chain: [string, number][] = [];
    let currentMethod = method;
    let currentData = data;
    let url = new URL(path, 'http://testserver');
    while (REDIRECTS.has(response.status)) {
      const location = response.headers.get('location');
      if (location === null || location === undefined) break;
      const next = new URL(location, url);
      chain.push([location, response.status]);
      if (chain.length > MAX_REDIRECTS || chain.slice(0, -1).some(([seen]) => seen === location)) {
        throw new RedirectCycleError(
          chain.length > MAX_REDIRECTS ? 'Too many redirects.' : 'Redirect loop detected.',
          chain,
        );
      }
      if (response.status !== 307 && response.status !== 308) {
        currentMethod = currentMethod === 'HEAD' ? 'HEAD' : 'GET';
        currentData = null;
      }
      url = next;
      response = await this.#once(
        currentMethod,
        next.pathname + next.search,
        currentData ?? undefined,
        options,
        multipartDefault && currentMethod === 'POST',
      );
    }
    response.redirectChain = chain;
    return response;
  }

  async #once(
    method: string,
    path: string,
    data: RequestData | string | undefined,
    options: ClientRequestOptions,
    multipart: boolean,
  ): Promise<TestResponse> {
    let body: Uint8Array | string | null = null;
    let contentType: string | undefined = options.contentType;
    if (data !== undefined) {
      if (multipart && typeof data !== 'string' && contentType === undefined) {
        ({ body, contentType } = await encodeMultipart(data));
      } else {
        const encoded = encodeBody(data, contentType);
        body = encoded.body;
        contentType = encoded.contentType ?? undefined;
      }
    }
    const headers: Record<string, string> = { ...options.headers };
    if (
      this.cookies.size > 0 &&
      !Object.keys(headers).some((name) => name.toLowerCase() === 'cookie')
    ) {
      headers['cookie'] = describeCookieHeader(this.cookies);
    }
    const request = this.#factory.generic(method, path, body, {
      headers,
      ...(contentType === undefined ? {} : { contentType }),
      ...(options.secure === undefined ? {} : { secure: options.secure }),
    });
    if (!this.#enforceCsrfChecks) request.state[DONT_ENFORCE_CSRF_CHECKS] = true;
    let exception: unknown = NO_EXCEPTION;
    request.state[GOT_REQUEST_EXCEPTION] = (error: unknown) => {
      if (exception === NO_EXCEPTION) exception = error;
    };
    const templates: RenderedTemplate[] = [];
    const unsubscribe = onTemplateRendered((event) => {
      templates.push({
        name: event.name ?? null,
        context: event.context,
      });
    });
    let response: HttpResponse;
    try {
      // Streaming responses keep their stream; everything else is an HttpResponse with content.
      response = (await this.#app.handle(request)) as HttpResponse;
    } finally {
      unsubscribe();
    }
    if (exception !== NO_EXCEPTION && this.#raiseRequestException) throw exception;
    this.#storeCookies(response);
    // A server sends no body for HEAD, 1xx, 204 and 304 (Django's conditional_content_removal).
    const status = response.status;
    if (
      !response.streaming &&
      (method === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304)
    ) {
      response.content = '';
    }
    return decorate(
      response,
      request,
      templates,
      exception === NO_EXCEPTION ? undefined : exception,
    );
  }

  #storeCookies(response: HttpResponse): void {
    for (const [name, cookie] of response.cookies) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && new Date(cookie.expires).getTime() <= Date.now());
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, cookie.value);
    }
  }
}

async function encodeMultipart(
  data: RequestData,
): Promise<{ body: Uint8Array; contentType: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof Blob) form.append(key, value);
    else if (Array.isArray(value))
      for (const item of value as readonly unknown[]) form.append(key, String(item));
    else form.append(key, String(value));
  }
  const encoded = new Request('http://testserver/', { method: 'POST', body: form });
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
  };
}

function decorate(
  response: HttpResponse,
  request: HttpRequest,
  templates: RenderedTemplate[],
  exception: unknown,
): TestResponse {
  let context: Record<string, unknown> | undefined;
  if (templates.length > 0) {
    context = {};
    for (const template of templates) {
      for (const [key, value] of Object.entries(template.context))
        if (!(key in context)) context[key] = value;
    }
  }
  const extras: TestResponseExtras = {
    request,
    redirectChain: [],
    templates,
    context,
    exception,
    json<T>(): T {
      return JSON.parse(response.text()) as T;
    },
  };
  if (!HttpResponse.isInstance(response))
    throw new TypeError('The application returned something that is not an HttpResponse.');
  return Object.assign(response, extras);
}
