/**
 * `HttpRequest`: one incoming request, with Django's attributes (`method`, `path`, `pathInfo`,
 * `GET`, `POST`, `COOKIES`, `FILES`, `META`, `headers`, `body`) and methods (`getHost()`,
 * `buildAbsoluteUri()`, `isSecure()`, `accepts()`, …). Built by an adapter (`requestFromNode`,
 * `requestFromFetch`) or directly for tests; nothing is parsed until it is first used.
 *
 * The body is read by `await request.loadBody()` (the adapters never read it), which enforces
 * the size limits and parses multipart forms; `body`, `POST` and `FILES` are then synchronous.
 * A server calls `preloadBody()` before application code: it reads a plain body into memory and
 * leaves a streamed multipart form unread until something awaits `loadBody()`.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { decodePath, djangoUrlsplit, isSameDomain } from '@reins/core';
import {
  DisallowedHost,
  RawPostDataException,
  RequestDataTooBig,
  BadRequest,
  UnreadablePostError,
} from './errors.js';
import { HttpHeaders, type RawHeaders } from './http-headers.js';
import { checkMultipartContentType, parseMultipart, totalTooBig } from './internal/multipart.js';
import { parseHeader } from './internal/parse-header.js';
import { pyRepr } from './internal/python-string.js';
import { urlJoin } from './internal/url-join.js';
import { escapeUriPath, iriToUri, isKnownEncoding } from './internal/url-encoding.js';
import { requireCharset } from './internal/charset.js';
import { MediaType, parseAcceptHeader } from './media-type.js';
import { MultiValueDict } from './multi-value-dict.js';
import { parseCookie } from './parse-cookie.js';
import { QueryDict } from './query-dict.js';
import {
  resolveRequestOptions,
  type RequestOptions,
  type ResolvedRequestOptions,
} from './request-options.js';
import type { UploadedFile } from './uploaded-file.js';
import { findRawHeader, type NodeHeaderSource } from './internal/node-headers.js';
import { explicitSigningKeys } from './internal/cookie-signer.js';
import { readSignedCookie, type GetSignedCookieOptions } from './signed-cookie.js';
import type { RequestApp } from './request-context.js';

const BRAND = Symbol.for('reins.HttpRequest');
const EMPTY = new Uint8Array(0);

/**
 * What the URL resolver found for this request; `ResolverMatch` from `@reins/urls` has this shape.
 *
 * @example
 * request.resolverMatch?.urlName; // 'detail'
 */
export interface RequestResolverMatch {
  view: unknown;
  args: readonly unknown[];
  kwargs: Readonly<Record<string, unknown>>;
  urlName: string | null;
  route: string;
  appName: string;
  appNames: readonly string[];
  namespace: string;
  namespaces: readonly string[];
  viewName: string;
}

/** A request body: bytes, text, or a stream of chunks (read once, by `loadBody()`). */
export type RequestBody = Uint8Array | string | AsyncIterable<Uint8Array>;

/** The connection details a request may take from its socket. */
export interface RequestConnection {
  remoteAddress?: string | undefined;
  localAddress?: string | undefined;
  localPort?: number | undefined;
  encrypted?: boolean | undefined;
}

/**
 * Everything an `HttpRequest` is built from. Adapters fill it from the runtime's request;
 * tests build one directly.
 *
 * @example
 * new HttpRequest({ method: 'POST', url: '/search/?q=x', headers: { host: 'example.com' }, body: 'a=1' });
 */
export interface HttpRequestInit {
  /** The method, upper-cased on read. Default `'GET'`. */
  method?: string;
  /** The request target as sent: percent-encoded path plus optional `?query`. Default `'/'`. */
  url?: string;
  /** Lower-case header names → values (Node's `IncomingHttpHeaders`), or a Fetch `Headers`. */
  headers?: RawHeaders | Headers | Iterable<readonly [string, string]>;
  /** `'https'` when the connection is TLS. Default from `connection.encrypted`, else `'http'`. */
  scheme?: 'http' | 'https';
  /** The socket (or its details), read lazily for `REMOTE_ADDR`, `SERVER_NAME`, `SERVER_PORT`. */
  connection?: RequestConnection;
  /** The body; when absent the request has none. */
  body?: RequestBody | null;
  /** Limits and host validation settings; Django's defaults when absent. */
  options?: RequestOptions;
}

/** The init key carrying a {@link NodeHeaderSource} (used instead of `headers`). */
export const NODE_HEADERS = Symbol('reins.nodeHeaders');

/**
 * The init key carrying a Fetch `Request` whose `Headers` are read in place (used instead of
 * `headers`): single headers come from `get()`, and the whole set is copied only when something
 * lists them (META, `request.headers`). On Bun, copying a server request's headers cost more than
 * the rest of the adapter; most requests read Host and nothing else. `request.headers` itself is
 * asked for only when a first header is read: on Bun that getter builds the `Headers` from the
 * socket, and the objects it makes cost about 0.4 µs of CPU per request over HTTP (measured with
 * a server that never reads them), which a request nothing reads a header of does not pay.
 */
export const FETCH_HEADERS = Symbol('reins.fetchHeaders');

/** What {@link FETCH_HEADERS} carries: a Fetch `Request`, or anything with its `headers`. */
interface FetchHeaderSource {
  readonly headers: Headers;
}

/**
 * The init key carrying, with {@link FETCH_HEADERS}, where the Host of a Fetch request whose
 * headers have none comes from (its URL's host, taken apart when asked): the request reads as if
 * the header were there, without asking the `Headers` whether it is (a native call per request on
 * Bun) before anything reads it.
 */
export const FETCH_HOST = Symbol('reins.fetchHost');

/** What {@link FETCH_HOST} carries. */
export interface FetchHostSource {
  readonly authority: string;
}

function normaliseHeaders(headers: HttpRequestInit['headers']): RawHeaders {
  if (headers === undefined) return {};
  // A Fetch Headers iterates as [lower-case name, value] pairs, like any other iterable here.
  if (Symbol.iterator in headers) {
    const result: Record<string, string> = {};
    for (const [key, value] of headers as Iterable<readonly [string, string]>) {
      const name = key.toLowerCase();
      const previous = result[name];
      result[name] =
        previous === undefined ? value : previous + (name === 'cookie' ? '; ' : ', ') + value;
    }
    return result;
  }
  const record = headers;
  for (const key of Object.keys(record)) {
    if (key !== key.toLowerCase()) {
      const lowered: Record<string, string | readonly string[] | undefined> = {};
      for (const [name, value] of Object.entries(record)) {
        const lower = name.toLowerCase();
        const previous = lowered[lower];
        lowered[lower] =
          previous === undefined || value === undefined
            ? (value ?? previous)
            : [previous, value].flat().join(lower === 'cookie' ? '; ' : ', ');
      }
      return lowered;
    }
  }
  return record;
}

/**
 * One header of a Fetch `Headers`: get() joins repeated headers with ', ' as its iteration does,
 * so this is the value the full copy would hold. A name Fetch refuses (a `secureProxySslHeader`
 * with a space) names no header a request can carry.
 */
function fetchHeader(headers: Headers, name: string): string | undefined {
  try {
    return headers.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

function splitTarget(url: string): [string, string] {
  let target = url;
  if (!target.startsWith('/')) {
    // absolute-form (`http://host/path`, sent to proxies): keep only path and query.
    const match = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(target);
    if (match !== null) target = target.slice(match[0].length);
  }
  const hash = target.indexOf('#');
  if (hash !== -1) target = target.slice(0, hash);
  const question = target.indexOf('?');
  if (question === -1) return [target, ''];
  return [target.slice(0, question), target.slice(question + 1)];
}

/** Whether `url` starts with `/` and has no query, fragment, escape or non-ASCII character. */
function isPlainPath(url: string): boolean {
  if (url.charCodeAt(0) !== 47) return false;
  for (let i = 1; i < url.length; i++) {
    const code = url.charCodeAt(i);
    // '#' 35, '%' 37, '?' 63, and anything outside ASCII.
    if (code === 35 || code === 37 || code === 63 || code >= 0x80) return false;
  }
  return true;
}

const HOST_PATTERN = /^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(:\d+)?$/;

/** Django's `split_domain_port`: `['', '']` for a syntactically invalid host. */
function splitDomainPort(host: string): [string, string] {
  const lower = host.toLowerCase();
  if (!HOST_PATTERN.test(lower)) return ['', ''];
  if (lower.endsWith(']')) return [lower, ''];
  const colon = lower.lastIndexOf(':');
  let domain = colon === -1 ? lower : lower.slice(0, colon);
  const port = colon === -1 ? '' : lower.slice(colon + 1);
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  return [domain, port];
}

/**
 * Django's `validate_host`: is `domain` (lower-case, without port) matched by one of the
 * `ALLOWED_HOSTS` patterns (`'*'`, `'.example.com'` for the domain and its subdomains, exact names)?
 *
 * @example
 * validateHost('api.example.com', ['.example.com']); // true
 */
export function validateHost(domain: string, allowedHosts: readonly string[]): boolean {
  for (const pattern of allowedHosts) {
    if (pattern === '*' || isSameDomain(domain, pattern)) return true;
  }
  return false;
}

const DEBUG_HOSTS = ['.localhost', '127.0.0.1', '[::1]'];
// The last Host value validated, and the (frozen, per-settings) list it was validated against.
let lastAllowedHost: string | null = null;
let lastAllowedHosts: readonly string[] | null = null;
const DEFAULT_SETTINGS = resolveRequestOptions({});

/** The parts of a request computed or set only when used. */
interface LazyParts {
  get: QueryDict | undefined;
  post: QueryDict | undefined;
  files: MultiValueDict<UploadedFile> | undefined;
  cookies: Record<string, string> | undefined;
  headers: HttpHeaders | undefined;
  meta: Record<string, string> | undefined;
  contentType: string | undefined;
  contentParams: Record<string, string> | undefined;
  encoding: string | null | undefined;
  body: Uint8Array | undefined;
  bodyError: unknown;
  loading: Promise<void> | undefined;
  state: Record<string | symbol, unknown> | undefined;
  connectionUnsafe: boolean;
  bodyRead: boolean;
  acceptedTypes: MediaType[] | undefined;
}

/**
 * An incoming HTTP request, with Django's attribute names. Query string, cookies, headers, META
 * and the form are parsed on first use; the body is read by `loadBody()`.
 *
 * @example
 * export async function search(request: HttpRequest) {
 *   const query = request.GET.get('q', '');
 *   return new HttpResponse(html`<p>You searched for ${query}</p>`);
 * }
 */
export class HttpRequest {
  /** What the URL resolver matched; set by the handler. */
  resolverMatch: RequestResolverMatch | null = null;
  /** The resolver serving this request (`@reins/urls`' URLResolver); set by the handler. */
  urlconf: unknown = null;
  /** The current application namespace for `reverse()`; set by the handler or a view. */
  currentApp: string | null = null;
  /** The application serving this request (its templates and logger); set by the handler. */
  app: RequestApp | null = null;

  readonly #rawMethod: string;
  readonly #url: string;
  #rawHeaders: RawHeaders | undefined;
  readonly #nodeHeaders: NodeHeaderSource | undefined;
  readonly #fetchSource: FetchHeaderSource | undefined;
  readonly #fetchHost: FetchHostSource | undefined;
  readonly #connection: RequestConnection | undefined;
  readonly #explicitScheme: 'http' | 'https' | undefined;
  readonly #settings: ResolvedRequestOptions;
  #bodySource: RequestBody | null;

  #method: string | undefined;
  #rawPath: string | undefined;
  #rawQuery: string | undefined;
  #pathInfo: string | undefined;
  #bodyState: 'none' | 'pending' | 'loading' | 'loaded' | 'streamed' | 'failed';
  // The host getHost() validated, when the headers it came from cannot change (an adapter's):
  // the handler validates it up front and the page cache or CommonMiddleware asks again.
  #validHost: string | undefined;
  // What most requests never touch lives apart, allocated on first use: a smaller request object
  // is less garbage per request.
  #lazy: LazyParts | undefined;

  constructor(init: HttpRequestInit = {}) {
    this.#rawMethod = init.method ?? 'GET';
    this.#url = init.url ?? '/';
    this.#nodeHeaders = (init as { [NODE_HEADERS]?: NodeHeaderSource })[NODE_HEADERS];
    this.#fetchSource = (init as { [FETCH_HEADERS]?: FetchHeaderSource })[FETCH_HEADERS];
    this.#fetchHost = (init as { [FETCH_HOST]?: FetchHostSource })[FETCH_HOST];
    if (this.#nodeHeaders === undefined && this.#fetchSource === undefined) {
      this.#rawHeaders = normaliseHeaders(init.headers);
    }
    this.#connection = init.connection;
    this.#explicitScheme = init.scheme;
    this.#settings =
      init.options === undefined ? DEFAULT_SETTINGS : resolveRequestOptions(init.options);
    const body = init.body ?? null;
    this.#bodySource = body;
    if (body === null) {
      this.#bodyState = 'none';
    } else if (typeof body === 'string' || body instanceof Uint8Array) {
      // Known bytes: loaded already, unless a multipart form still has to be parsed from them.
      this.#bodyState = 'pending';
      if (!this.#isMultipartPost()) {
        const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
        const limit = this.#settings.dataUploadMaxMemorySize;
        const declared = this.#contentLength();
        this.#bodySource = null;
        if (limit !== null && (bytes.length > limit || (declared !== null && declared > limit))) {
          // Django checks the declared Content-Length before reading, whatever the bytes are.
          this.#bodyState = 'failed';
          this.#more().bodyError = tooBig(limit);
        } else {
          this.#more().body = bytes;
          this.#bodyState = 'loaded';
        }
      }
    } else {
      this.#bodyState = 'pending';
    }
  }

  #more(): LazyParts {
    return (this.#lazy ??= {
      get: undefined,
      post: undefined,
      files: undefined,
      cookies: undefined,
      headers: undefined,
      meta: undefined,
      contentType: undefined,
      contentParams: undefined,
      encoding: undefined,
      body: undefined,
      bodyError: undefined,
      loading: undefined,
      state: undefined,
      connectionUnsafe: false,
      bodyRead: false,
      acceptedTypes: undefined,
    });
  }

  /**
   * Whether `value` is an HttpRequest, by brand (works across package copies).
   *
   * @example
   * HttpRequest.isInstance(request); // true
   */
  static isInstance(value: unknown): value is HttpRequest {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** The settings this request was built with (defaults filled in). */
  get options(): ResolvedRequestOptions {
    return this.#settings;
  }

  /** The HTTP method, upper-cased (`'GET'`, `'POST'`). */
  get method(): string {
    if (this.#method === undefined) {
      const raw = this.#rawMethod;
      // Node hands over upper-case methods; skip the allocation of upper-casing them again.
      this.#method = raw === 'GET' || raw === 'POST' || raw === 'HEAD' ? raw : raw.toUpperCase();
    }
    return this.#method;
  }

  /** `'https'` or `'http'`, honouring `secureProxySslHeader`. */
  get scheme(): 'http' | 'https' {
    const proxy = this.#settings.secureProxySslHeader;
    if (proxy !== null && this.#fromTrustedProxy()) {
      const value = this.#header(proxy[0]);
      if (value !== undefined) {
        const comma = value.indexOf(',');
        return (comma === -1 ? value : value.slice(0, comma)).trim() === proxy[1]
          ? 'https'
          : 'http';
      }
    }
    return this.#explicitScheme ?? (this.#connection?.encrypted === true ? 'https' : 'http');
  }

  // Without a trustedProxies list every peer is trusted, as in Django.
  #fromTrustedProxy(): boolean {
    const proxies = this.#settings.trustedProxies;
    return proxies === null || proxies.has(this.#connection?.remoteAddress);
  }

  /** Whether the request came over HTTPS (see `scheme`). */
  isSecure(): boolean {
    return this.scheme === 'https';
  }

  #splitUrl(): void {
    [this.#rawPath, this.#rawQuery] = splitTarget(this.#url);
  }

  /**
   * The percent-decoded path the resolver sees; invalid UTF-8 stays percent-encoded
   * (`/greetings/%FF/` stays `/greetings/%FF/`), malformed escapes stay as written.
   */
  get pathInfo(): string {
    if (this.#pathInfo === undefined) {
      if (this.#rawPath === undefined) {
        // The usual target, a plain path: nothing to split off or decode, so no scan or tuple.
        const url = this.#url;
        if (isPlainPath(url)) {
          this.#rawPath = url;
          this.#rawQuery = '';
          return (this.#pathInfo = url);
        }
        this.#splitUrl();
      }
      const decoded = decodePath(this.#rawPath!);
      this.#pathInfo = decoded === '' ? '/' : decoded;
    }
    return this.#pathInfo;
  }

  /** The full decoded path; equal to `pathInfo` (there is no script prefix). */
  get path(): string {
    return this.pathInfo;
  }

  /** The raw query string as sent, without the `?`. */
  get queryString(): string {
    if (this.#rawQuery === undefined) this.#splitUrl();
    return this.#rawQuery!;
  }

  /**
   * The query-string parameters, parsed on first use.
   *
   * @throws {TooManyFieldsSent} when there are more than `dataUploadMaxNumberFields` fields.
   */
  get GET(): QueryDict {
    return (this.#more().get ??= new QueryDict(this.queryString, {
      encoding: this.encoding ?? 'utf-8',
      maxNumFields: this.#settings.dataUploadMaxNumberFields,
    }));
  }

  set GET(value: QueryDict) {
    this.#more().get = value;
  }

  /** Cookies from the `Cookie` header, parsed on first use. */
  get COOKIES(): Record<string, string> {
    if (this.#lazy?.cookies === undefined) {
      const header = this.#header('cookie') ?? '';
      // Header bytes arrive as Latin-1; Django reads the cookie header as UTF-8.
      // eslint-disable-next-line no-control-regex
      const text = /[^\x00-\x7f]/.test(header)
        ? new TextDecoder().decode(Buffer.from(header, 'latin1'))
        : header;
      this.#more().cookies = parseCookie(text);
    }
    return this.#lazy!.cookies!;
  }

  set COOKIES(value: Record<string, string>) {
    this.#more().cookies = value;
  }

  /**
   * The value of a cookie `setSignedCookie()` set, after checking its signature (Django's
   * `get_signed_cookie()`). With a `default`, a missing, tampered or expired cookie gives the
   * default; without one they throw.
   *
   * @throws {KeyError} when the cookie is absent and no default is given.
   * @throws {BadSignature} (or `SignatureExpired`) when it does not verify and no default is given.
   * @throws {ImproperlyConfigured} when there is no `secretKey` setting.
   * @example
   * const theme = request.getSignedCookie('theme', { default: 'light', maxAge: 86400 });
   */
  getSignedCookie(key: string, options?: GetSignedCookieOptions): string;
  getSignedCookie<D>(key: string, options: GetSignedCookieOptions & { default: D }): string | D;
  getSignedCookie(
    key: string,
    options: GetSignedCookieOptions & { default?: unknown } = {},
  ): unknown {
    const keys =
      options.secretKey === undefined ? this.#settings : explicitSigningKeys(options.secretKey);
    return readSignedCookie(this.COOKIES, keys, key, options);
  }

  /** The headers: case-insensitive, `get('Content-Type')` or `get('CONTENT_TYPE')`. */
  get headers(): HttpHeaders {
    return (this.#more().headers ??= new HttpHeaders(this.#allHeaders()));
  }

  /** Request metadata with CGI names (`HTTP_USER_AGENT`, `REMOTE_ADDR`, `QUERY_STRING`, …), built on first use. */
  get META(): Record<string, string> {
    if (this.#lazy?.meta === undefined) {
      const meta: Record<string, string> = {};
      for (const key of Object.keys(this.#allHeaders())) {
        if (key.includes('_')) continue;
        const value = this.#header(key);
        if (value === undefined) continue;
        const name = key.toUpperCase().replaceAll('-', '_');
        if (name === 'CONTENT_TYPE' || name === 'CONTENT_LENGTH') meta[name] = value;
        else meta['HTTP_' + name] = value;
      }
      // Django keeps the method as sent in META; only `method` is upper-cased.
      meta['REQUEST_METHOD'] = this.#rawMethod;
      meta['QUERY_STRING'] = this.queryString;
      meta['PATH_INFO'] = this.pathInfo;
      meta['SCRIPT_NAME'] = '';
      const peer = this.#connection?.remoteAddress ?? '';
      const proxies = this.#settings.trustedProxies;
      meta['REMOTE_ADDR'] =
        proxies === null ? peer : proxies.clientAddress(peer, this.#header('x-forwarded-for'));
      meta['SERVER_NAME'] = this.#serverName();
      meta['SERVER_PORT'] = this.#serverPort();
      meta['wsgi.url_scheme'] = this.scheme;
      this.#more().meta = meta;
    }
    return this.#lazy!.meta!;
  }

  /** Per-request data for middleware (the CSRF token, the user, …). */
  get state(): Record<string | symbol, unknown> {
    return (this.#more().state ??= {});
  }

  #allHeaders(): RawHeaders {
    if (this.#rawHeaders === undefined) {
      if (this.#fetchSource === undefined) return (this.#rawHeaders = this.#nodeHeaders!.headers);
      const headers = normaliseHeaders(this.#fetchSource.headers) as Record<string, string>;
      if (this.#fetchHost !== undefined && headers['host'] === undefined) {
        headers['host'] = this.#fetchHost.authority;
      }
      this.#rawHeaders = headers;
    }
    return this.#rawHeaders;
  }

  #header(name: string): string | undefined {
    if (this.#rawHeaders === undefined) {
      if (this.#fetchSource !== undefined) {
        const value = fetchHeader(this.#fetchSource.headers, name);
        return value === undefined && name === 'host' ? this.#fetchHost?.authority : value;
      }
      const found = findRawHeader(this.#nodeHeaders!.rawHeaders, name);
      if (found !== null) return found;
    }
    const value = this.#allHeaders()[name];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : value.join(name === 'cookie' ? '; ' : ', ');
  }

  #serverName(): string {
    const address = this.#connection?.localAddress;
    if (address === undefined || address === '') return 'localhost';
    if (address.startsWith('::ffff:') && address.includes('.')) return address.slice(7);
    return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
  }

  #serverPort(): string {
    const port = this.#connection?.localPort;
    if (port !== undefined) return String(port);
    return this.scheme === 'https' ? '443' : '80';
  }

  #rawHost(): string {
    if (this.#settings.useXForwardedHost && this.#fromTrustedProxy()) {
      const forwarded = this.#header('x-forwarded-host');
      if (forwarded !== undefined) return forwarded;
    }
    const host = this.#header('host');
    if (host !== undefined) return host;
    const name = this.#serverName();
    const port = this.getPort();
    return port !== (this.isSecure() ? '443' : '80') ? `${name}:${port}` : name;
  }

  /**
   * The host the client asked for (`Host`, or `X-Forwarded-Host` with `useXForwardedHost`),
   * validated against `allowedHosts` and returned as sent.
   *
   * @throws {DisallowedHost} when it is malformed or not allowed.
   * @example
   * request.getHost(); // 'example.com:8000'
   */
  getHost(): string {
    if (this.#validHost !== undefined) return this.#validHost;
    const host = this.#validate(this.#rawHost());
    // Headers given to the constructor as a record may be the caller's object, changed later.
    if (this.#nodeHeaders !== undefined || this.#fetchSource !== undefined) this.#validHost = host;
    return host;
  }

  /**
   * What a server checks before any application code runs (`validateHostUpFront`): throws
   * `DisallowedHost` as `getHost()` would, and returns nothing. A request from a Fetch runtime is
   * checked by the host of its URL, which the runtime builds from the Host header (Bun lower-cases
   * it, drops the default port and decodes what URL parsing decodes); reading the header instead
   * makes Bun build the request's whole `Headers` from the socket, 0.3–1 µs per request. Nothing is
   * let through that names a host outside `allowedHosts`, and `getHost()` still validates the
   * header as sent, as Django does, whenever something asks for the host.
   *
   * @example
   * request.checkHost(); // throws DisallowedHost for a host outside `allowedHosts`
   */
  checkHost(): void {
    const fetchHost = this.#fetchHost;
    if (fetchHost === undefined || this.#settings.useXForwardedHost) this.getHost();
    else this.#validate(fetchHost.authority);
  }

  /** `host` when `allowedHosts` allows it, else `DisallowedHost`. */
  #validate(host: string): string {
    let allowed = this.#settings.allowedHosts;
    if (this.#settings.debug && allowed.length === 0) allowed = DEBUG_HOSTS;
    // Nearly every request of a server carries the same Host: remember the last one allowed.
    if (host === lastAllowedHost && allowed === lastAllowedHosts) return host;
    const [domain] = splitDomainPort(host);
    if (domain !== '' && validateHost(domain, allowed)) {
      lastAllowedHost = host;
      lastAllowedHosts = allowed;
      return host;
    }
    let message = `Invalid HTTP_HOST header: ${pyRepr(host)}.`;
    if (domain !== '') message += ` You may need to add ${pyRepr(domain)} to ALLOWED_HOSTS.`;
    else message += ' The domain name provided is not valid according to RFC 1034/1035.';
    throw new DisallowedHost(message);
  }

  /** The port the request came to (`X-Forwarded-Port` with `useXForwardedPort`), as a string. */
  getPort(): string {
    if (this.#settings.useXForwardedPort && this.#fromTrustedProxy()) {
      const forwarded = this.#header('x-forwarded-port');
      if (forwarded !== undefined) return forwarded;
    }
    return this.#serverPort();
  }

  /**
   * The path with the query string, URI-encoded: `/caf%C3%A9/?q=1`.
   *
   * @example
   * request.getFullPath(true); // '/search/?q=x' (appends a slash to the path when asked)
   */
  getFullPath(forceAppendSlash = false): string {
    return this.#fullPath(this.path, forceAppendSlash);
  }

  /** Like `getFullPath()` but from `pathInfo`. */
  getFullPathInfo(forceAppendSlash = false): string {
    return this.#fullPath(this.pathInfo, forceAppendSlash);
  }

  #fullPath(path: string, forceAppendSlash: boolean): string {
    const query = this.queryString;
    return (
      escapeUriPath(path) +
      (forceAppendSlash && !path.endsWith('/') ? '/' : '') +
      (query !== '' ? '?' + iriToUri(query) : '')
    );
  }

  /**
   * An absolute URI for `location` (default: this request's full path), using this request's
   * scheme and validated host.
   *
   * @throws {DisallowedHost} from `getHost()`.
   * @example
   * request.buildAbsoluteUri('/login/'); // 'https://example.com/login/'
   */
  buildAbsoluteUri(location?: string): string {
    if (location === undefined) {
      // Django splits '//' + the full path, whose netloc is empty (it starts with '/'): the
      // answer is scheme, host and full path unless the path holds '/./' or '/../'. The page
      // cache asks this on every request, and the split was most of its cost.
      const fullPath = this.getFullPath();
      if (fullPath.charCodeAt(0) === 47 && !fullPath.includes('/.'))
        return iriToUri(`${this.scheme}://${this.getHost()}${fullPath}`);
    }
    let target = location ?? '//' + this.getFullPath();
    const parts = djangoUrlsplit(target);
    if (parts.scheme !== '' && parts.netloc !== '') return iriToUri(target);
    const schemeHost = `${this.scheme}://${this.getHost()}`;
    if (
      parts.path.startsWith('/') &&
      parts.scheme === '' &&
      parts.netloc === '' &&
      !parts.path.includes('/./') &&
      !parts.path.includes('/../')
    ) {
      // An absolute path (or `//` with no host): prefix scheme and host.
      if (target.startsWith('//')) target = target.slice(2);
      return iriToUri(schemeHost + target);
    }
    return iriToUri(urlJoin(this.scheme, schemeHost, this.path, target, parts));
  }

  #parseContentType(): void {
    const [type, params] = parseHeader(this.#header('content-type') ?? '');
    this.#more().contentType = type;
    this.#more().contentParams = params;
  }

  /** The media type of the body (`'application/json'`), `''` when there is no Content-Type. */
  get contentType(): string {
    if (this.#lazy?.contentType === undefined) this.#parseContentType();
    return this.#lazy!.contentType!;
  }

  /** The Content-Type parameters (`{ charset: 'utf-8' }`). */
  get contentParams(): Record<string, string> {
    if (this.#lazy?.contentParams === undefined) this.#parseContentType();
    return this.#lazy!.contentParams!;
  }

  /** The body's charset when given and known, else `null`; assigning it re-decodes GET and POST. */
  get encoding(): string | null {
    if (this.#lazy?.encoding === undefined) {
      const charset = this.contentParams['charset'];
      this.#more().encoding = charset !== undefined && isKnownEncoding(charset) ? charset : null;
    }
    return this.#lazy!.encoding as string | null;
  }

  set encoding(value: string | null) {
    this.#more().encoding = value;
    this.#more().get = undefined;
    if (this.#bodyState === 'loaded' && !this.#isMultipartPost()) this.#more().post = undefined;
  }

  /**
   * The media ranges of the `Accept` header (default `*\/*`), in order (Django's
   * `accepted_types`); parsed on first use.
   *
   * @example
   * request.acceptedTypes.map(String); // ['text/html', 'application/xml; q=0.9', '*\/*; q=0.8']
   */
  get acceptedTypes(): readonly MediaType[] {
    return (this.#more().acceptedTypes ??= parseAcceptHeader(this.#header('accept') ?? '*/*'));
  }

  /**
   * Whether the client accepts `mediaType` (Django's `accepts()`): some range of
   * `acceptedTypes` matches it. Unlike Django 3.2, a range with `q=0` means "not acceptable"
   * (as in Django 5).
   *
   * @example
   * request.accepts('application/json');
   */
  accepts(mediaType: string): boolean {
    const wanted = new MediaType(mediaType);
    return this.acceptedTypes.some((range) => {
      const q = range.params['q'];
      return (q === undefined || Number(q) !== 0) && range.match(wanted);
    });
  }

  #isMultipartPost(): boolean {
    return this.method === 'POST' && this.contentType.toLowerCase() === 'multipart/form-data';
  }

  #contentLength(): number | null {
    const header = this.#header('content-length');
    if (header === undefined || !/^\s*\d+\s*$/.test(header)) return null;
    return Number(header);
  }

  /**
   * Whether the body was abandoned part-way (too large) or never read and too large or of unknown
   * length to discard, so the connection must not be reused.
   */
  get connectionUnsafe(): boolean {
    return (this.#lazy?.connectionUnsafe ?? false) || (this.#unreadStream() && !this.#drainable());
  }

  // An unread body whose declared length is within fileUploadMaxTotalSize is discarded by Node
  // after the answer and the connection kept, as Django's server reads the rest of the body:
  // closing on a client still sending resets the connection, and the client loses the answer.
  // A body of unknown or larger length closes the connection instead.
  #drainable(): boolean {
    const total = this.#settings.fileUploadMaxTotalSize;
    const declared = this.#contentLength();
    return declared !== null && (total === null || declared <= total);
  }

  #unreadStream(): boolean {
    const source = this.#bodySource;
    return (
      this.#bodyState === 'pending' &&
      source !== null &&
      typeof source !== 'string' &&
      !(source instanceof Uint8Array)
    );
  }

  /**
   * What a server reads before any application code runs, so the synchronous `body` and `POST`
   * work: a body that is not a multipart form, into memory within `dataUploadMaxMemorySize`
   * (not parsed: a urlencoded form is parsed on first access of `POST`). A multipart form that
   * arrives as a stream is left unread — a view that never reads it costs no parsing and no
   * disk — until `await request.loadBody()` (the CSRF middleware awaits it for POST). `null`
   * when there is nothing to read ahead, so a request without a body costs no promise.
   *
   * @example
   * await request.preloadBody();
   * request.POST.get('q'); // a urlencoded form: parsed now, from the bytes read ahead
   */
  preloadBody(): Promise<void> | null {
    if (this.bodyLoaded || this.#bodyState === 'failed') return null;
    if (this.#unreadStream() && this.#isMultipartPost()) return null;
    return this.#read();
  }

  /** Whether the body has been read (or there is none). */
  get bodyLoaded(): boolean {
    return (
      this.#bodyState === 'none' || this.#bodyState === 'loaded' || this.#bodyState === 'streamed'
    );
  }

  /**
   * Read the body, within the limits, and parse a multipart or urlencoded form. Idempotent;
   * a second call returns the first call's outcome.
   *
   * @throws {RequestDataTooBig} when the body exceeds `dataUploadMaxMemorySize` (413).
   * @throws {TooManyFieldsSent} / {TooManyFilesSent} / {MultiPartParserError} for bad forms (400).
   * @throws {UnreadablePostError} when the client goes away before the body is complete.
   * @example
   * await request.loadBody();
   * request.POST.get('name');
   */
  loadBody(): Promise<void> {
    const read = this.#read();
    // Django's `_load_post_and_files` parses a urlencoded form as it loads, so its
    // TooManyFieldsSent surfaces here; a server's `preloadBody()` only reads.
    if (read === null) return this.#parseForm();
    return read.then(() => this.#parseForm());
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a throw must become a rejection
  async #parseForm(): Promise<void> {
    if (this.method === 'POST' && this.#bodyState === 'loaded') void this.POST;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a throw must become a rejection
  async #refused(): Promise<void> {
    this.#assertLoaded('body');
  }

  // Reads the body (not parsing a urlencoded form); `null` when it is read already.
  #read(): Promise<void> | null {
    if (
      this.#bodyState === 'none' ||
      this.#bodyState === 'loaded' ||
      this.#bodyState === 'streamed'
    ) {
      return null;
    }
    if (this.#bodyState === 'failed' && this.#lazy?.loading === undefined) {
      // A body refused when the request was built (too large): the same error every time.
      return (this.#more().loading = this.#refused());
    }
    return (this.#more().loading ??= this.#load().catch((error: unknown) => {
      this.#bodyState = 'failed';
      this.#more().bodyError = error;
      throw error;
    }));
  }

  async #load(): Promise<void> {
    const source = this.#bodySource;
    this.#bodySource = null;
    this.#bodyState = 'loading';
    const settings = this.#settings;
    if (this.#isMultipartPost()) {
      const streamed = typeof source !== 'string' && !(source instanceof Uint8Array);
      const total = settings.fileUploadMaxTotalSize;
      const declared = this.#contentLength();
      if (total !== null && declared !== null && declared > total) {
        // Refused before a byte is read: no parsing, no temporary file.
        if (streamed) this.#more().connectionUnsafe = true;
        throw totalTooBig(total);
      }
      const stream =
        typeof source === 'string'
          ? [new TextEncoder().encode(source)]
          : source instanceof Uint8Array
            ? [source]
            : (source as AsyncIterable<Uint8Array>);
      let result;
      try {
        result = await parseMultipart(
          this.#header('content-type') ?? '',
          stream,
          settings,
          this.encoding ?? 'utf-8',
        );
      } catch (error) {
        // The parser stops reading at the first error: the rest of the body is still in flight.
        if (streamed) this.#more().connectionUnsafe = true;
        throw error;
      }
      this.#more().post = result.post;
      this.#more().files = result.files;
      this.#bodyState = 'streamed';
      return;
    }
    const limit = settings.dataUploadMaxMemorySize;
    const declared = this.#contentLength();
    if (limit !== null && declared !== null && declared > limit) {
      this.#more().connectionUnsafe = true;
      throw tooBig(limit);
    }
    if (typeof source === 'string' || source instanceof Uint8Array) {
      const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
      if (limit !== null && bytes.length > limit) throw tooBig(limit);
      this.#more().body = bytes;
      this.#bodyState = 'loaded';
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        size += chunk.length;
        if (limit !== null && size > limit) {
          this.#more().connectionUnsafe = true;
          throw tooBig(limit);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (RequestDataTooBig.isInstance(error)) throw error;
      this.#more().connectionUnsafe = true;
      throw new UnreadablePostError(
        `The request body could not be read completely (${size} bytes received): ${error instanceof Error ? error.message : String(error)}.`,
        { cause: error },
      );
    }
    if (declared !== null && size < declared) {
      throw new UnreadablePostError(
        `The request body ended after ${size} of the ${declared} bytes its Content-Length announced.`,
      );
    }
    this.#more().body =
      chunks.length === 1 ? chunks[0]! : chunks.length === 0 ? EMPTY : Buffer.concat(chunks);
    this.#bodyState = 'loaded';
  }

  // A multipart body given as bytes is readable as `body` before its form is parsed, as Django
  // reads the stream into `body` and parses the form from that; once the form was parsed first,
  // `body` is refused as Django refuses it. `null` when this is not such a body.
  #knownMultipartBytes(): Uint8Array | null {
    const lazy = this.#lazy;
    if (this.#bodyState === 'pending') {
      const source = this.#bodySource;
      if (source === null || !(typeof source === 'string' || source instanceof Uint8Array))
        return null;
      const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
      const limit = this.#settings.dataUploadMaxMemorySize;
      const declared = this.#contentLength();
      if (limit !== null && (bytes.length > limit || (declared !== null && declared > limit))) {
        throw tooBig(limit);
      }
      this.#bodySource = bytes;
      this.#more().body = bytes;
      this.#more().bodyRead = true;
      return bytes;
    }
    return lazy?.bodyRead === true && lazy.body !== undefined ? lazy.body : null;
  }

  #assertLoaded(what: string): void {
    if (this.#bodyState === 'failed') throw this.#lazy?.bodyError;
    if (this.#bodyState === 'pending' && this.#unreadStream() && this.#isMultipartPost()) {
      throw new RawPostDataException(
        `request.${what} of a multipart/form-data request is read on demand: call ` +
          '`await request.loadBody()` before reading request.POST or request.FILES (the server ' +
          'does not read a multipart body ahead, so a view that ignores an upload costs no ' +
          'parsing and no disk).',
      );
    }
    if (this.#bodyState === 'pending' || this.#bodyState === 'loading') {
      throw new RawPostDataException(
        `request.${what} was read before the body was loaded. Call \`await request.loadBody()\` first ` +
          '(the server does this before calling the view unless told not to).',
      );
    }
  }

  /**
   * The raw body bytes (empty when there is none).
   *
   * @throws {RawPostDataException} before `loadBody()`, or after a multipart form consumed the stream.
   */
  get body(): Uint8Array {
    if (this.#bodyState === 'none') return EMPTY;
    const known = this.#knownMultipartBytes();
    if (known !== null) return known;
    this.#assertLoaded('body');
    if (this.#bodyState === 'streamed') {
      throw new RawPostDataException(
        "You cannot access body after reading from request's data stream (the multipart form was " +
          'parsed from it). Read request.POST and request.FILES instead.',
      );
    }
    return this.#lazy!.body!;
  }

  /**
   * The form fields: populated for `POST` with `application/x-www-form-urlencoded` or
   * `multipart/form-data`, empty otherwise (as Django, even for PUT and JSON bodies).
   *
   * @throws {TooManyFieldsSent} for a urlencoded form with too many fields.
   */
  get POST(): QueryDict {
    if (this.#lazy?.post !== undefined) return this.#lazy?.post;
    if (this.method !== 'POST' || this.#bodyState === 'none') {
      // Django validates a multipart boundary even when there is no body to parse.
      if (this.#bodyState === 'none' && this.#isMultipartPost()) {
        checkMultipartContentType(this.#header('content-type') ?? '');
      }
      return (this.#more().post = new QueryDict(null, { encoding: this.encoding ?? 'utf-8' }));
    }
    this.#assertLoaded('POST');
    if (this.contentType.toLowerCase() === 'application/x-www-form-urlencoded') {
      this.#more().post = new QueryDict(this.body, {
        encoding: this.encoding ?? 'utf-8',
        maxNumFields: this.#settings.dataUploadMaxNumberFields,
      });
    } else {
      this.#more().post = new QueryDict(null, { encoding: this.encoding ?? 'utf-8' });
    }
    return this.#lazy!.post!;
  }

  set POST(value: QueryDict) {
    this.#more().post = value;
  }

  /** Uploaded files of a multipart POST, by field name; empty otherwise. */
  get FILES(): MultiValueDict<UploadedFile> {
    if (this.#lazy?.files !== undefined) return this.#lazy?.files;
    if (this.#isMultipartPost()) {
      if (this.#bodyState === 'none') checkMultipartContentType(this.#header('content-type') ?? '');
      else this.#assertLoaded('FILES');
    }
    return (this.#more().files = new MultiValueDict<UploadedFile>());
  }

  set FILES(value: MultiValueDict<UploadedFile>) {
    this.#more().files = value;
  }

  /**
   * The body decoded as text (its charset, else UTF-8); loads the body if needed.
   *
   * @example
   * const raw = await request.text();
   */
  async text(): Promise<string> {
    await this.loadBody();
    return requireCharset(this.encoding ?? 'utf-8').decode(this.body);
  }

  /**
   * The body parsed as JSON; loads the body if needed.
   *
   * @throws {BadRequest} when the body is not valid JSON (400).
   * @example
   * const { name } = await request.json<{ name: string }>();
   */
  async json<T = unknown>(): Promise<T> {
    const text = await this.text();
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new BadRequest(
        `The request body is not valid JSON (${error instanceof Error ? error.message : String(error)}). ` +
          'Send a JSON document with Content-Type: application/json.',
        { cause: error },
      );
    }
  }

  /** @internal Whether `close()` has anything to release (uploaded files). */
  get needsClose(): boolean {
    return this.#lazy?.files !== undefined && this.#lazy?.files.size > 0;
  }

  /** Release what the request holds: removes the temporary files of uploads. Idempotent. */
  async close(): Promise<void> {
    const files = this.#lazy?.files;
    if (files === undefined) return;
    const closing: Promise<void>[] = [];
    for (const [, list] of files.lists()) for (const file of list) closing.push(file.close());
    await Promise.all(closing);
  }

  /** Django's repr: `<HttpRequest: GET '/path/?q=1'>`. */
  toString(): string {
    return `<HttpRequest: ${this.method} ${pyRepr(this.getFullPath())}>`;
  }
}
Object.defineProperty(HttpRequest.prototype, BRAND, { value: true });

function tooBig(limit: number): RequestDataTooBig {
  return new RequestDataTooBig(
    'Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE. ' +
      `The limit is ${limit} bytes; raise the dataUploadMaxMemorySize option to accept larger bodies.`,
  );
}
