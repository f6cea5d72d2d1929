/**
 * Maps the calls Django's own middleware and csrf_tests make into a middleware (recorded by
 * tooling/django-suites/record.py as data: the request's inputs, the settings that differ from
 * Django's defaults, the responses the view gave) onto @reins/middleware, and answers in the shape
 * record.py gave Django's answer: the response (status, headers, cookies, body, whether the view
 * ran, CSRF's rejection reason) or `null`.
 */
import { Buffer } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import {
  FUNCTIONS_ONLY,
  Unmapped,
  Unrecordable,
  type Json,
  type Mapper,
  type Op,
} from '@reins/django-suites';
import { ImproperlyConfigured } from '@reins/core';
import {
  DisallowedHost,
  HttpRequest,
  HttpResponse,
  HttpResponseRedirect,
  PermissionDenied,
  StreamingHttpResponse,
  type HttpResponseBase,
  type RequestOptions,
} from '@reins/http';
import {
  AppendSlashError,
  commonMiddleware,
  conditionalGetMiddleware,
  csrfExempt,
  csrfViewMiddleware,
  ensureCsrfCookie,
  getToken,
  gzipMiddleware,
  securityMiddleware,
  skipCsrfChecks,
  xFrameOptionsMiddleware,
  type AnyResponse,
  type CsrfViewMiddlewareOptions,
  type GetResponse,
  type MaybePromise,
  type Middleware,
  type MiddlewareHandler,
} from '../../src/index.js';
import { csrfHooks, type CsrfHooks } from '../../src/internal/csrf-hooks.js';
import { unmaskCipherToken } from '../../src/internal/csrf-cipher.js';
import { csrfFailurePage } from '../../src/internal/csrf-failure-page.js';
import { CSRF_TOKEN } from '../../src/internal/csrf-state.js';
import { SECURITY_OPTIONS } from '../security-setting-names.js';

/** A response as record.py describes one (a view's answer). */
interface ResponseSpec {
  status: number;
  streaming: boolean;
  headers: { $dict: [string, string][] };
  cookies: string[];
  body: { $bytes: string };
  xframe_options_exempt?: boolean;
}

/** A request's inputs as record.py describes them. */
interface RequestSpec {
  id: number;
  class: string;
  method: string | null;
  path: string;
  path_info: string;
  META: Record<string, string | { $repeat: string; times: number }>;
  COOKIES: Record<string, string | { $repeat: string; times: number }>;
  secure: boolean;
  POST?: [string, string][];
  /** Reading POST raised (an OSError while reading the body). */
  POST_raises?: { type: string; message: string };
  body?: { $bytes: string };
  urlconf?: string;
  dont_enforce_csrf_checks?: boolean;
}

/** The fields record.py adds to a middleware op. */
interface MiddlewareOp extends Op {
  middleware: { class: string; base: string; overrides?: Record<string, Json> };
  mw_settings: Record<string, Json>;
  request: RequestSpec;
  views: ResponseSpec[];
  view?: string;
  callback?: string;
}

type Settings = Record<string, Json>;

const text = (value: string | { $repeat: string; times: number }): string =>
  typeof value === 'string' ? value : value.$repeat.repeat(value.times);

const latin1 = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'latin1'));

// ---------------------------------------------------------------------------------------------
// Requests: one reins request per Django request; when a test changes a request's inputs between
// two calls (req.META['HTTP_REFERER'] = …), a new one is built carrying the middleware's state.

const requests = new Map<number, { spec: string; request: HttpRequest }>();

function optionsFor(settings: Settings): RequestOptions {
  return {
    allowedHosts: (settings.ALLOWED_HOSTS as string[] | undefined) ?? [],
    debug: settings.DEBUG === true,
    useXForwardedHost: settings.USE_X_FORWARDED_HOST === true,
    useXForwardedPort: settings.USE_X_FORWARDED_PORT === true,
  };
}

/** Django's `request.path` → a request target (percent-encoded as a client sends it). */
function target(spec: RequestSpec): string {
  const path = encodeURI(spec.path || '/')
    .replace(/#/g, '%23')
    .replace(/\?/g, '%3F');
  const query = spec.META.QUERY_STRING === undefined ? '' : text(spec.META.QUERY_STRING);
  return query === '' ? path : `${path}?${query}`;
}

function buildRequest(spec: RequestSpec, settings: Settings): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [key, raw] of Object.entries(spec.META)) {
    const value = text(raw);
    if (key.startsWith('HTTP_')) headers[key.slice(5).toLowerCase().replace(/_/g, '-')] = value;
    else if (key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH')
      headers[key.toLowerCase().replace('_', '-')] = value;
  }
  const port = spec.META.SERVER_PORT === undefined ? undefined : text(spec.META.SERVER_PORT);
  const serverName = spec.META.SERVER_NAME === undefined ? undefined : text(spec.META.SERVER_NAME);
  if (headers.host === undefined && serverName !== undefined) {
    // Django's get_host() without Host: SERVER_NAME, plus SERVER_PORT unless the scheme's default.
    const standard = port === undefined || port === (spec.secure ? '443' : '80');
    headers.host = standard ? serverName : `${serverName}:${port}`;
  }
  let body: Uint8Array | AsyncIterable<Uint8Array> | undefined;
  if (spec.POST_raises !== undefined) {
    // Django's test reads POST and gets an OSError: a body whose stream breaks.
    const message = spec.POST_raises.message;
    body = (async function* () {
      await Promise.resolve();
      yield new Uint8Array(0);
      throw new Error(message);
    })();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (spec.POST !== undefined && spec.POST.length > 0) {
    // A test's `req.POST[k] = v` on a bare request: the same form, sent as a body.
    body = new TextEncoder().encode(new URLSearchParams(spec.POST).toString());
    headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (spec.body !== undefined && spec.body.$bytes !== '') {
    body = latin1(spec.body.$bytes);
  }
  const request = new HttpRequest({
    method: spec.method ?? '',
    url: target(spec),
    headers,
    scheme: spec.secure ? 'https' : 'http',
    connection: port === undefined ? {} : { localPort: Number(port) },
    body: body ?? null,
    options: optionsFor(settings),
  });
  request.COOKIES = Object.fromEntries(
    Object.entries(spec.COOKIES).map(([name, value]) => [name, text(value)]),
  );
  if (spec.dont_enforce_csrf_checks === true) skipCsrfChecks(request);
  return request;
}

function requestFor(spec: RequestSpec, settings: Settings): HttpRequest {
  const key = JSON.stringify([spec, optionsFor(settings)]);
  const known = requests.get(spec.id);
  if (known !== undefined && known.spec === key) return known.request;
  const request = buildRequest(spec, settings);
  if (known !== undefined) {
    const from = known.request.state;
    for (const name of [...Object.getOwnPropertySymbols(from), ...Object.keys(from)])
      request.state[name] = from[name];
  }
  requests.set(spec.id, { spec: key, request });
  return request;
}

// ---------------------------------------------------------------------------------------------
// Responses a view gave, rebuilt.

function applyCookie(response: HttpResponseBase, header: string): void {
  const [pair = '', ...attributes] = header.split('; ');
  const eq = pair.indexOf('=');
  const options: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const [name = '', value = ''] = attribute.split('=');
    const lower = name.toLowerCase();
    if (lower === 'max-age') options.maxAge = Number(value);
    else if (lower === 'path') options.path = value;
    else if (lower === 'domain') options.domain = value;
    else if (lower === 'secure') options.secure = true;
    else if (lower === 'httponly') options.httpOnly = true;
    else if (lower === 'samesite') options.sameSite = value;
  }
  response.setCookie(pair.slice(0, eq), pair.slice(eq + 1), options);
}

function buildResponse(spec: ResponseSpec): HttpResponseBase {
  const content = latin1(spec.body.$bytes);
  const response: HttpResponseBase = spec.streaming
    ? new StreamingHttpResponse([content], { status: spec.status })
    : new HttpResponse(content, { status: spec.status });
  for (const [name, value] of spec.headers.$dict) response.headers.set(name, value);
  for (const cookie of spec.cookies) applyCookie(response, cookie);
  if (spec.xframe_options_exempt !== undefined) {
    (response as unknown as Record<string, unknown>).xFrameOptionsExempt =
      spec.xframe_options_exempt;
  }
  return response;
}

// Django's csrf_tests/views.py: what each view does with the token, so the recorded token (random)
// is not what is replayed.
const CSRF_VIEWS: Record<string, (request: HttpRequest) => MaybePromise<AnyResponse>> = {
  'csrf_tests.views.post_form_view': () =>
    new HttpResponse(
      '\n<html><body><h1>\u00a1Unicode!<form method="post"><input type="text"></form></body></html>\n',
    ),
  'csrf_tests.views.token_view': (request) =>
    new HttpResponse(
      `<input type="hidden" name="csrfmiddlewaretoken" value="${getToken(request)}">`,
    ),
  'csrf_tests.views.non_token_view_using_request_processor': () => new HttpResponse(''),
  'csrf_tests.views.ensure_csrf_cookie_view': ensureCsrfCookie(() => new HttpResponse()),
};

function callbackFor(id: string): (request: HttpRequest) => MaybePromise<AnyResponse> {
  const exempt = id.endsWith(' [csrf_exempt]');
  const name = exempt ? id.slice(0, -' [csrf_exempt]'.length) : id;
  const view = CSRF_VIEWS[name] ?? (() => new HttpResponse());
  return exempt ? csrfExempt(view) : view;
}

// ---------------------------------------------------------------------------------------------
// Resolvers for CommonMiddleware, from the urlconfs record.py described.

interface RouteSpec {
  route: string;
  kind: 'path' | 're_path';
  no_append_slash?: boolean;
}

let urlconfs: Record<string, RouteSpec[]> = {};

function resolverFor(name: string): { resolve(path: string): unknown } {
  const routes = urlconfs[name];
  if (routes === undefined) throw new Unrecordable(`urlconf ${name} not described`);
  const matchers = routes.map((r) => {
    if (r.kind === 'path' && r.route.includes('<'))
      throw new Unmapped(`path() converters in ${name}`, 'converters');
    const regex = r.kind === 're_path' ? new RegExp(r.route, 'u') : null;
    const view = Object.assign(() => new HttpResponse(), {
      shouldAppendSlash: r.no_append_slash !== true,
    });
    return { test: (rest: string) => (regex ? regex.test(rest) : rest === r.route), view };
  });
  return {
    resolve(path: string) {
      // Django's root resolver consumes the leading '/', then the patterns see the rest.
      const found = path.startsWith('/') ? matchers.find((m) => m.test(path.slice(1))) : undefined;
      if (found === undefined)
        throw Object.assign(new Error(`no match for ${path}`), { code: 'urls.resolver404' });
      return { view: found.view, args: [], kwargs: {} };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The middleware, configured from the settings.

let reason: string | undefined;

function csrfOptions(settings: Settings): CsrfViewMiddlewareOptions {
  if (settings.CSRF_USE_SESSIONS === true)
    throw new Unmapped('CSRF_USE_SESSIONS (the token in the session)', 'CSRF_USE_SESSIONS');
  const options: CsrfViewMiddlewareOptions = {
    debug: settings.DEBUG === true,
    failureView: (request, why) => {
      reason = why;
      return csrfFailurePage(request, why, settings.DEBUG === true);
    },
  };
  const map: Record<string, keyof CsrfViewMiddlewareOptions> = {
    CSRF_COOKIE_NAME: 'cookieName',
    CSRF_COOKIE_AGE: 'cookieAge',
    CSRF_COOKIE_DOMAIN: 'cookieDomain',
    CSRF_COOKIE_PATH: 'cookiePath',
    CSRF_COOKIE_SECURE: 'cookieSecure',
    CSRF_COOKIE_HTTPONLY: 'cookieHttponly',
    CSRF_COOKIE_SAMESITE: 'cookieSamesite',
    CSRF_HEADER_NAME: 'headerName',
    CSRF_TRUSTED_ORIGINS: 'trustedOrigins',
  };
  for (const [setting, option] of Object.entries(map)) {
    if (setting in settings) (options as Record<string, unknown>)[option] = settings[setting];
  }
  return options;
}

const regexes = (value: Json | undefined): RegExp[] =>
  ((value as ({ $regex: string } | string)[] | undefined) ?? []).map(
    (p) => new RegExp(typeof p === 'string' ? p : p.$regex, 'u'),
  );

function middlewareFor(op: MiddlewareOp): Middleware {
  const settings = op.mw_settings;
  const { base, overrides = {} } = op.middleware;
  for (const [name, value] of Object.entries(overrides)) {
    const known = name === 'response_redirect_class' && base === 'CommonMiddleware';
    if (!known)
      throw new Unrecordable(
        `${op.middleware.class} overrides ${name} with Python code (${JSON.stringify(value)})`,
      );
  }
  switch (base) {
    case 'CommonMiddleware': {
      const redirect = (overrides.response_redirect_class as { $class?: string } | undefined)
        ?.$class;
      return commonMiddleware({
        appendSlash: settings.APPEND_SLASH !== false,
        prependWww: settings.PREPEND_WWW === true,
        debug: settings.DEBUG === true,
        disallowedUserAgents: regexes(settings.DISALLOWED_USER_AGENTS),
        ...(redirect === 'HttpResponseRedirect'
          ? { responseRedirectClass: HttpResponseRedirect }
          : {}),
      });
    }
    case 'SecurityMiddleware': {
      // Django 3.2 has no Cross-Origin-Opener-Policy (reins sends 4.0's default; README).
      const options: Record<string, unknown> = { crossOriginOpenerPolicy: null };
      for (const [setting, option] of Object.entries(SECURITY_OPTIONS)) {
        if (setting in settings) options[option] = settings[setting];
      }
      if ('SECURE_REDIRECT_EXEMPT' in settings)
        options.redirectExempt = regexes(settings.SECURE_REDIRECT_EXEMPT);
      return securityMiddleware(options);
    }
    case 'XFrameOptionsMiddleware': {
      const value = settings.X_FRAME_OPTIONS;
      return xFrameOptionsMiddleware(typeof value === 'string' ? { xFrameOptions: value } : {});
    }
    case 'GZipMiddleware':
      return gzipMiddleware();
    case 'ConditionalGetMiddleware':
      return conditionalGetMiddleware();
    case 'CsrfViewMiddleware':
      return csrfViewMiddleware(csrfOptions(op.mw_settings));
    default:
      throw new Unmapped(`no ${base} in reins`, base);
  }
}

// ---------------------------------------------------------------------------------------------
// The answer, in record.py's shape.

const TOKEN = /^[A-Za-z0-9]{32}(?:[A-Za-z0-9]{32})?$/;

/** CSRF tokens are random: each becomes the secret it unmasks to, named as record.py names it. */
function csrfLabeller(op: MiddlewareOp, current: unknown): (token: string) => string {
  const names = new Map<string, string>();
  const secret = (token: string): string =>
    token.length === 64 ? unmaskCipherToken(token) : token;
  const settings = op.mw_settings;
  const cookieName = (settings.CSRF_COOKIE_NAME as string | undefined) ?? 'csrftoken';
  const header = (settings.CSRF_HEADER_NAME as string | undefined) ?? 'HTTP_X_CSRFTOKEN';
  const post = Object.fromEntries(op.request.POST ?? []);
  const cookie = op.request.COOKIES[cookieName];
  const fromHeader = op.request.META[header];
  const seeds: [string, string | undefined][] = [
    ['cookie', cookie === undefined ? undefined : text(cookie)],
    ['post', post.csrfmiddlewaretoken],
    ['header', fromHeader === undefined ? undefined : text(fromHeader)],
    ['current', typeof current === 'string' ? current : undefined],
  ];
  for (const [label, token] of seeds) {
    if (token !== undefined && TOKEN.test(token) && !names.has(secret(token)))
      names.set(secret(token), label);
  }
  let fresh = 0;
  return (token) => {
    const s = secret(token);
    if (!names.has(s)) names.set(s, `new${++fresh}`);
    return `{csrf ${names.get(s)} ${token.length === 64 ? 'masked' : 'bare'}}`;
  };
}

async function bodyOf(response: HttpResponseBase): Promise<Uint8Array> {
  if (!response.streaming) return (response as HttpResponse).content;
  const chunks: Uint8Array[] = [];
  for await (const chunk of (response as StreamingHttpResponse).streamingContent) {
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

async function describe(
  response: HttpResponseBase,
  op: MiddlewareOp,
  viewCalls: number | undefined,
  label: ((token: string) => string) | undefined,
): Promise<Record<string, unknown>> {
  const cookieName = (op.mw_settings.CSRF_COOKIE_NAME as string | undefined) ?? 'csrftoken';
  const headers = Object.fromEntries(
    [...response.headers].map(([name, value]) => [name.toLowerCase(), value]),
  );
  const cookies = [...response.cookies.values()].map((cookie) => {
    let out = cookie.toString();
    // expires = now + max-age: the clock, not behaviour (record.py drops it too).
    if (cookie.maxAge !== null)
      out = out.replace(/expires=[^;]*; /, '').replace(/; expires=[^;]*$/, '');
    if (label !== undefined && cookie.name === cookieName && cookie.value !== '')
      out = out.replace(`${cookie.name}=${cookie.value}`, `${cookie.name}=${label(cookie.value)}`);
    return out;
  });
  let body = await bodyOf(response);
  const answer: Record<string, unknown> = {
    status: response.status,
    streaming: response.streaming,
  };
  if (headers['content-encoding'] === 'gzip' && body[0] === 0x1f && body[1] === 0x8b) {
    answer.gzip = { mtime: Buffer.from(body).readUInt32LE(4) };
    body = gunzipSync(body);
  }
  if (label !== undefined) {
    const replaced = Buffer.from(body)
      .toString('latin1')
      .replace(
        /name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"/g,
        (_m, token: string) => `name="csrfmiddlewaretoken" value="${label(token)}"`,
      );
    body = latin1(replaced);
  }
  answer.headers = headers;
  answer.cookies = cookies;
  answer.body = body;
  const exempt = (response as unknown as Record<string, unknown>).xFrameOptionsExempt;
  if (typeof exempt === 'boolean') answer.xframe_options_exempt = exempt;
  if (viewCalls !== undefined) answer.view_calls = viewCalls;
  if (reason !== undefined) {
    // Django's 403 page is not reins' (README): the reason is compared instead.
    answer.csrf_reject = reason;
    delete answer.body;
    delete headers['content-length'];
    delete headers['content-type'];
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------

let current: MiddlewareOp | undefined;

/** A test calling one of csrf_tests' views, or get_token(), itself. */
async function callDirectly(op: MiddlewareOp, name: string): Promise<unknown> {
  csrfOptions(op.mw_settings); // CSRF_USE_SESSIONS is unmapped here too
  const request = requestFor(op.request, op.mw_settings);
  const label = csrfLabeller(op, request.state[CSRF_TOKEN]);
  reason = undefined;
  if (name === 'django.middleware.csrf.get_token') return label(getToken(request));
  const view = CSRF_VIEWS[name];
  if (view === undefined) throw new Unmapped(name);
  return describe(await view(request), op, undefined, label);
}

async function run(op: MiddlewareOp, method: string): Promise<unknown> {
  const settings = op.mw_settings;
  const factory = middlewareFor(op);
  const request = requestFor(op.request, settings);
  const label =
    op.middleware.base === 'CsrfViewMiddleware'
      ? csrfLabeller(op, request.state[CSRF_TOKEN])
      : undefined;
  if (op.middleware.base === 'CommonMiddleware') {
    request.urlconf = resolverFor(op.request.urlconf ?? (settings.ROOT_URLCONF as string));
  }
  const queue = [...op.views];
  let viewCalls = 0;
  const getResponse: GetResponse = (req) => {
    viewCalls++;
    const stand = op.view === undefined ? undefined : CSRF_VIEWS[op.view];
    if (stand !== undefined) return stand(req);
    const spec = queue.shift();
    if (spec === undefined) throw new Error('the view ran more often than under Django');
    return buildResponse(spec);
  };
  reason = undefined;
  const csrf = op.middleware.base === 'CsrfViewMiddleware';
  const hooks: CsrfHooks | undefined = csrf
    ? csrfHooks(csrfOptions(settings), 'enforce')({ debug: settings.DEBUG === true })
    : undefined;
  let result: AnyResponse | null | undefined;
  switch (method) {
    case '__call__':
      result = await factory(getResponse)(request);
      break;
    case 'process_request': {
      if (hooks !== undefined) {
        result = hooks.processRequest(request);
        break;
      }
      // reins has no separate process_request: the middleware runs with a view that answers a
      // marker, so "the view was reached" is Django's None.
      const marker = new HttpResponse('');
      const handler: MiddlewareHandler = factory(() => marker);
      const response = await handler(request);
      result = response === marker ? null : response;
      break;
    }
    case 'process_view': {
      const callback = callbackFor(op.callback ?? '');
      result = hooks
        ? await hooks.processView(request, callback)
        : await factory(getResponse).processView?.(request, callback, {}, []);
      break;
    }
    default:
      throw new Unmapped(`${op.middleware.base}.${method}`, method);
  }
  if (result === null || result === undefined) return null;
  return describe(result, op, viewCalls, label);
}

const ERRORS: Record<string, (error: unknown) => boolean> = {
  RuntimeError: (error) => AppendSlashError.isInstance(error),
  PermissionDenied: (error) => PermissionDenied.isInstance(error),
  DisallowedHost: (error) => DisallowedHost.isInstance(error),
  ImproperlyConfigured: (error) => ImproperlyConfigured.isInstance(error),
};

/** The middleware mapper. */
export const middlewareMapper: Mapper = {
  beginFixture(fixture) {
    urlconfs = (fixture.urlconfs ?? {}) as unknown as Record<string, RouteSpec[]>;
  },
  beforeOp(op) {
    current = op as MiddlewareOp;
  },
  ...FUNCTIONS_ONLY,
  fn(name) {
    const op = current;
    if (op?.middleware === undefined) throw new Unmapped(name);
    if (op.middleware.class === name) return callDirectly(op, name);
    return run(op, name.slice(name.indexOf('.') + 1));
  },
  errorMatches(pythonType, error) {
    return ERRORS[pythonType]?.(error) ?? false;
  },
  normalize(value, expected, op) {
    // process_request: reins' response phase also ran on the early response (see run()); the
    // headers it adds there are not compared.
    if (
      op.name?.endsWith('.process_request') === true &&
      value !== null &&
      typeof value === 'object' &&
      expected !== null &&
      typeof expected === 'object' &&
      '$dict' in expected
    ) {
      const want = Object.fromEntries(expected.$dict as [string, Json][]);
      const headers = (want.headers as { $dict: [string, string][] } | undefined)?.$dict ?? [];
      const names = new Set(headers.map(([k]) => k));
      const answer = value as Record<string, unknown>;
      const got = answer.headers as Record<string, string>;
      answer.headers = Object.fromEntries(Object.entries(got).filter(([k]) => names.has(k)));
    }
    return value;
  },
};
