/**
 * `HttpResponseBase` (status, reason, headers, cookies, charset) and `HttpResponse` (a body held
 * in memory), with Django's constructor, defaults and validation. The status-specific classes
 * (`HttpResponseNotFound`, …) and the redirect, JSON, streaming and file responses build on these.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { httpDate, isSafe, RAW_CONTENT, type SafeString } from '@reins/core';
import {
  checkCookieAttribute,
  checkCookieName,
  serializeCookie,
  type CookieAttributes,
} from './internal/set-cookie.js';
import { requireCharset } from './internal/charset.js';
import { statusPhrase } from './internal/status-phrases.js';
import { BadHeaderError } from './errors.js';
import { checkHeaderValue, ResponseHeaders, type HeaderValue } from './response-headers.js';
import { explicitSigningKeys, getCookieSigner } from './internal/cookie-signer.js';
import { getCurrentRequest } from './request-context.js';
import type { SetSignedCookieOptions } from './signed-cookie.js';

const BRAND = Symbol.for('reins.HttpResponse');
/** Where the adapters find the body without forcing a string to bytes (core's, shared across copies). */
export { RAW_CONTENT };

/** Options every response constructor takes. */
export interface HttpResponseOptions {
  /** The status code, 100–599. Default 200 (or the class's own). */
  status?: number;
  /** The reason phrase; default the standard phrase for the status. */
  reason?: string;
  /** The Content-Type; default `text/html; charset=<charset>`. */
  contentType?: string;
  /** The charset string content is encoded with; default from `contentType`, else `utf-8`. */
  charset?: string;
  /** Initial headers. */
  headers?: Record<string, HeaderValue> | Iterable<readonly [string, HeaderValue]>;
}

/** Options of `setCookie()`, Django's `set_cookie()` arguments in camelCase. */
export interface SetCookieOptions {
  /** Seconds until it expires; also sets `expires` when that is not given. */
  maxAge?: number | null;
  /** A `Date` (converted to `Max-Age`) or an HTTP-date string used as given. */
  expires?: Date | string | null;
  /** Default `'/'`; `null` leaves the attribute out. */
  path?: string | null;
  domain?: string | null;
  secure?: boolean;
  httpOnly?: boolean;
  /** `'Lax'`, `'Strict'` or `'None'` (any case). */
  sameSite?: string | null;
}

/** Options of `deleteCookie()`. */
export interface DeleteCookieOptions {
  path?: string | null;
  domain?: string | null;
  sameSite?: string | null;
}

/** A cookie set on a response: its value and attributes; `toString()` is the Set-Cookie value. */
export interface ResponseCookie extends CookieAttributes {
  readonly name: string;
  readonly value: string;
  toString(): string;
}

/** What `HttpResponse` accepts as content. */
export type ResponseContent =
  | string
  | Uint8Array
  | ArrayBuffer
  | SafeString
  | number
  | bigint
  | boolean
  | Iterable<string | Uint8Array | number>
  | null
  | undefined;

/** Encode `text` in `charset`; the charsets Node can encode natively. */
export function encodeText(text: string, charset: string): Uint8Array {
  const lower = charset.toLowerCase();
  if (lower === 'utf-8' || lower === 'utf8') return Buffer.from(text, 'utf8');
  if (
    lower === 'iso-8859-1' ||
    lower === 'latin1' ||
    lower === 'latin-1' ||
    lower === 'us-ascii' ||
    lower === 'ascii'
  ) {
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\xff]/.test(text)) {
      throw new TypeError(
        `The content cannot be encoded in the response charset '${charset}'; use charset 'utf-8'.`,
      );
    }
    return Buffer.from(text, 'latin1');
  }
  if (lower === 'utf-16le' || lower === 'utf-16') return Buffer.from(text, 'utf16le');
  throw new TypeError(
    `reins cannot encode text in the charset '${charset}'. Pass the content as bytes (Uint8Array), or use 'utf-8'.`,
  );
}

function validateStatus(status: unknown): number {
  const number =
    typeof status === 'string' && /^\s*-?\d+\s*$/.test(status) ? Number(status) : status;
  if (typeof number !== 'number' || !Number.isInteger(number)) {
    throw new TypeError(`HTTP status code must be an integer (got ${JSON.stringify(status)}).`);
  }
  if (number < 100 || number > 599) {
    throw new RangeError(`HTTP status code must be an integer from 100 to 599 (got ${number}).`);
  }
  return number;
}

const CHARSET_IN_CONTENT_TYPE = /;\s*charset=([^\s;]+)/i;
let lastContentType: string | null = null;
let lastCharset = 'utf-8';
const DEFAULT_CONTENT_TYPE = 'text/html; charset=utf-8';
const EMPTY_OPTIONS: HttpResponseOptions = Object.freeze({});
const SAMESITE = new Set(['lax', 'none', 'strict']);

/**
 * What every response has: status and reason, headers, cookies, charset, and `close()`.
 *
 * @example
 * HttpResponseBase.isInstance(value); // any reins response, from any copy of the package
 */
export abstract class HttpResponseBase {
  /** The response headers (case-insensitive). */
  readonly headers: ResponseHeaders;
  /** Whether the body is produced while sending (`StreamingHttpResponse`, `FileResponse`). */
  abstract readonly streaming: boolean;

  #status: number;
  #reason: string | undefined;
  #charset: string | undefined;
  #cookies: Map<string, ResponseCookie> | undefined;
  #closers: (() => unknown)[] | undefined;
  #closed = false;
  // The charset parsed from the last Content-Type seen, so `charset` does not re-parse it.
  #charsetSource: string | undefined;
  #charsetParsed = 'utf-8';

  constructor(options: HttpResponseOptions = EMPTY_OPTIONS, defaultStatus = 200) {
    this.headers = new ResponseHeaders(options.headers);
    const status = options.status ?? defaultStatus;
    this.#status =
      typeof status === 'number' && status >= 100 && status <= 599 && Number.isInteger(status)
        ? status
        : validateStatus(status);
    this.#reason = options.reason;
    this.#charset = options.charset;
    if (options.contentType !== undefined) {
      if (options.headers !== undefined && this.headers.getLower('content-type') !== undefined) {
        throw new TypeError(
          "'headers' must not contain 'Content-Type' when the 'contentType' option is provided; give it once.",
        );
      }
      this.headers.setTrusted(
        'Content-Type',
        'content-type',
        checkHeaderValue(options.contentType),
      );
    } else if (
      options.headers === undefined ||
      this.headers.getLower('content-type') === undefined
    ) {
      const charset = options.charset;
      if (charset === undefined) this.#charsetSource = DEFAULT_CONTENT_TYPE;
      this.headers.setTrusted(
        'Content-Type',
        'content-type',
        charset === undefined
          ? DEFAULT_CONTENT_TYPE
          : `text/html; charset=${checkHeaderValue(charset)}`,
      );
    }
  }

  /** Cookies to set, by name, in the order first set. */
  get cookies(): Map<string, ResponseCookie> {
    return (this.#cookies ??= new Map());
  }

  /** @internal Whether any cookie was set, without creating the map. */
  get hasCookies(): boolean {
    return this.#cookies !== undefined && this.#cookies.size > 0;
  }

  /**
   * Whether `value` is a reins response, by brand (works across package copies).
   *
   * @example
   * HttpResponse.isInstance(await view(request));
   */
  static isInstance(value: unknown): value is HttpResponseBase {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** The status code. */
  get status(): number {
    return this.#status;
  }

  set status(value: number) {
    this.#status = validateStatus(value);
  }

  /** Django's name for `status`. */
  get statusCode(): number {
    return this.#status;
  }

  set statusCode(value: number) {
    this.status = value;
  }

  /** The reason phrase: as given, else the standard phrase, else `'Unknown Status Code'`. */
  get reasonPhrase(): string {
    return this.#reason ?? statusPhrase(this.#status) ?? 'Unknown Status Code';
  }

  set reasonPhrase(value: string) {
    if (/[\r\n]/.test(value))
      throw new BadHeaderError(`Reason phrases can't contain newlines (got '${value}').`);
    this.#reason = value;
  }

  /** The charset text content is encoded with. */
  get charset(): string {
    if (this.#charset !== undefined) return this.#charset;
    const contentType = this.headers.getLower('content-type') ?? '';
    if (contentType !== this.#charsetSource) {
      // Responses of one app share a few content types: parse each new one once.
      if (contentType !== lastContentType) {
        const match = CHARSET_IN_CONTENT_TYPE.exec(contentType);
        const parsed = match === null ? 'utf-8' : match[1]!.replaceAll('"', '');
        // The usual answer as the literal, so comparing it with 'utf-8' is a pointer check.
        lastCharset = parsed === 'utf-8' ? 'utf-8' : parsed;
        lastContentType = contentType;
      }
      this.#charsetParsed = lastCharset;
      this.#charsetSource = contentType;
    }
    return this.#charsetParsed;
  }

  set charset(value: string) {
    this.#charset = value;
  }

  /**
   * Set a cookie with every Django option; the value is quoted as Python's cookie module does.
   *
   * @throws {BadHeaderError} for an illegal name or an attribute containing `;` or a control character.
   * @throws {TypeError} for a `sameSite` other than Lax, Strict or None.
   * @example
   * response.setCookie('theme', 'dark', { maxAge: 3600, httpOnly: true, sameSite: 'Lax' });
   */
  setCookie(name: string, value = '', options: SetCookieOptions = {}): void {
    checkCookieName(name);
    const text = String(value);
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\xff]/.test(text)) {
      throw new BadHeaderError(
        `The value of cookie ${name} contains characters outside Latin-1; encode it first (encodeURIComponent).`,
      );
    }
    let maxAge = options.maxAge ?? null;
    let expires = '';
    const given = options.expires ?? null;
    if (given instanceof Date) {
      // Django turns a date into max-age (plus a second lost to rounding) and derives expires from it.
      const delta = Math.floor((given.getTime() - Date.now()) / 1000) + 1;
      maxAge = Math.max(0, delta);
    } else if (given !== null) {
      checkCookieAttribute('expires', given);
      expires = given;
    }
    if (maxAge !== null) {
      // Max-Age is whole seconds, but expires keeps the fraction (Django: time.time() + max_age).
      if (expires === '') expires = httpDate(Date.now() / 1000 + maxAge);
      maxAge = Math.trunc(maxAge);
    }
    const path = options.path === undefined ? '/' : options.path;
    const domain = options.domain ?? null;
    if (path !== null) checkCookieAttribute('path', path);
    if (domain !== null) checkCookieAttribute('domain', domain);
    const sameSite = options.sameSite ?? null;
    if (sameSite !== null && sameSite !== '') {
      if (!SAMESITE.has(sameSite.toLowerCase())) {
        throw new TypeError(
          `samesite must be "lax", "none", or "strict" (got ${JSON.stringify(sameSite)}).`,
        );
      }
    }
    // Setting a cookie again updates Python's morsel: what is not given now (max-age, path,
    // domain, secure, httponly, samesite) keeps the earlier value, as after deleteCookie().
    const previous = this.#cookies?.get(name);
    const attributes: CookieAttributes = {
      expires,
      maxAge: maxAge ?? previous?.maxAge ?? null,
      path: path ?? previous?.path ?? null,
      domain: domain ?? previous?.domain ?? null,
      secure: (options.secure ?? false) || (previous?.secure ?? false),
      httpOnly: (options.httpOnly ?? false) || (previous?.httpOnly ?? false),
      sameSite: sameSite === '' || sameSite === null ? (previous?.sameSite ?? null) : sameSite,
    };
    const serialized = serializeCookie(name, text, attributes);
    this.cookies.set(name, { name, value: text, ...attributes, toString: () => serialized });
  }

  /**
   * Set a cookie whose value carries a timestamped signature (Django's `set_signed_cookie()`):
   * signed with the `secretKey` setting of the request being served (or `options.secretKey`),
   * salted with the cookie name plus `options.salt`; read it back with `getSignedCookie()`.
   *
   * @throws {ImproperlyConfigured} when there is no `secretKey` setting (or no current request).
   * @example
   * response.setSignedCookie('theme', 'dark', { salt: 'prefs', maxAge: 86400, httpOnly: true });
   */
  setSignedCookie(name: string, value: string, options: SetSignedCookieOptions = {}): void {
    const { salt = '', secretKey, ...cookieOptions } = options;
    const keys =
      secretKey === undefined
        ? (getCurrentRequest()?.options ?? { secretKey: null, secretKeyFallbacks: [] })
        : explicitSigningKeys(secretKey);
    this.setCookie(name, getCookieSigner(keys, name + salt).sign(String(value)), cookieOptions);
  }

  /**
   * Expire a cookie in the browser (Django's `delete_cookie()`); `Secure` is added for
   * `__Secure-`/`__Host-` names and `sameSite: 'None'`.
   *
   * @example
   * response.deleteCookie('sessionid');
   */
  deleteCookie(name: string, options: DeleteCookieOptions = {}): void {
    const sameSite = options.sameSite ?? null;
    const secure =
      name.startsWith('__Secure-') ||
      name.startsWith('__Host-') ||
      sameSite?.toLowerCase() === 'none';
    this.setCookie(name, '', {
      maxAge: 0,
      path: options.path === undefined ? '/' : options.path,
      domain: options.domain ?? null,
      secure,
      expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
      sameSite,
    });
  }

  /** Run `closer` when the response is closed (after it was sent). */
  addCloser(closer: () => unknown): void {
    (this.#closers ??= []).push(closer);
  }

  /** @internal Whether `close()` has work to do (closers registered and not yet run). */
  get needsClose(): boolean {
    return this.#closers !== undefined;
  }

  /** Whether `close()` ran. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Run the registered closers (their errors are ignored, as Django does). Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const closers = this.#closers;
    this.#closers = undefined;
    if (closers === undefined) return;
    for (const closer of closers) {
      try {
        await closer();
      } catch {
        // a failing closer must not stop the others
      }
    }
  }

  /** Django's repr: `<HttpResponse status_code=200, "text/html; charset=utf-8">`. */
  toString(): string {
    return `<${this.constructor.name} status_code=${this.#status}${this.contentTypeForRepr()}${this.reprExtra()}>`;
  }

  /** @internal Django's `_content_type_for_repr`: `, "<type>"`, or nothing without a Content-Type. */
  protected contentTypeForRepr(): string {
    const type = this.headers.get('Content-Type');
    return type === undefined ? '' : `, "${type}"`;
  }

  /** @internal extra repr text of subclasses. */
  protected reprExtra(): string {
    return '';
  }
}
Object.defineProperty(HttpResponseBase.prototype, BRAND, { value: true });

function isIterableContent(value: object): value is Iterable<string | Uint8Array | number> {
  return Symbol.iterator in value && !(value instanceof Uint8Array) && typeof value !== 'string';
}

/**
 * A response whose body is held in memory: text (encoded with the response charset) or bytes.
 *
 * @example
 * return new HttpResponse('<p>Hello</p>');
 * return new HttpResponse('nope', { status: 418, contentType: 'text/plain' });
 */
export class HttpResponse extends HttpResponseBase {
  readonly streaming: boolean = false;
  #text: string | null = '';
  #bytes: Uint8Array | null = null;

  constructor(
    content?: ResponseContent,
    options: HttpResponseOptions = EMPTY_OPTIONS,
    defaultStatus = 200,
  ) {
    super(options, defaultStatus);
    if (content !== undefined && content !== null) this.content = content;
  }

  /** The body as bytes. Assign a string, bytes, a safe string or an iterable of chunks. */
  get content(): Uint8Array {
    if (this.#bytes === null) {
      this.#bytes = encodeText(this.#text!, this.charset);
    }
    return this.#bytes;
  }

  set content(value: ResponseContent) {
    this.#text = null;
    this.#bytes = null;
    if (value === null || value === undefined) {
      this.#text = '';
    } else if (typeof value === 'string') {
      this.#text = value;
    } else if (value instanceof Uint8Array) {
      this.#bytes = value;
    } else if (value instanceof ArrayBuffer) {
      this.#bytes = new Uint8Array(value);
    } else if (isSafe(value)) {
      this.#text = value.toString();
    } else if (typeof value === 'object' && isIterableContent(value)) {
      // Django consumes an iterable at once, converting each chunk.
      const parts: Uint8Array[] = [];
      for (const chunk of value) {
        parts.push(chunk instanceof Uint8Array ? chunk : encodeText(String(chunk), this.charset));
      }
      this.#bytes = Buffer.concat(parts);
    } else {
      this.#text = String(value);
    }
  }

  /** The body decoded with the response charset. */
  text(): string {
    if (this.#text !== null) return this.#text;
    return requireCharset(this.charset).decode(this.#bytes!);
  }

  /**
   * Append to the body (Django's file-like `write()`).
   *
   * @example
   * const response = new HttpResponse(); response.write('<p>a</p>'); response.write('<p>b</p>');
   */
  write(chunk: string | Uint8Array | SafeString): void {
    const text = typeof chunk === 'string' ? chunk : isSafe(chunk) ? chunk.toString() : null;
    if (text !== null && this.#text !== null) {
      this.#text += text;
      this.#bytes = null;
      return;
    }
    const current = this.content;
    const extra = text !== null ? encodeText(text, this.charset) : (chunk as Uint8Array);
    this.#bytes = Buffer.concat([current, extra]);
    this.#text = null;
  }

  /** Append each of `lines` (no separators are added). */
  writeLines(lines: Iterable<string | Uint8Array>): void {
    for (const line of lines) this.write(line);
  }

  /** The body length in bytes (Django's `tell()`). */
  tell(): number {
    return this.content.length;
  }

  /** @internal The body as held: a string when it has not been encoded yet. */
  get [RAW_CONTENT](): string | Uint8Array {
    return this.#text ?? this.#bytes!;
  }
}

/**
 * 400 Bad Request.
 *
 * @example
 * return new HttpResponseBadRequest('Missing parameter.');
 */
export class HttpResponseBadRequest extends HttpResponse {
  constructor(content?: ResponseContent, options: HttpResponseOptions = {}) {
    super(content, options, 400);
  }
}

/**
 * 403 Forbidden.
 *
 * @example
 * return new HttpResponseForbidden();
 */
export class HttpResponseForbidden extends HttpResponse {
  constructor(content?: ResponseContent, options: HttpResponseOptions = {}) {
    super(content, options, 403);
  }
}

/**
 * 404 Not Found.
 *
 * @example
 * return new HttpResponseNotFound('<h1>No such page</h1>');
 */
export class HttpResponseNotFound extends HttpResponse {
  constructor(content?: ResponseContent, options: HttpResponseOptions = {}) {
    super(content, options, 404);
  }
}

/**
 * 410 Gone.
 *
 * @example
 * return new HttpResponseGone();
 */
export class HttpResponseGone extends HttpResponse {
  constructor(content?: ResponseContent, options: HttpResponseOptions = {}) {
    super(content, options, 410);
  }
}

/**
 * 500 Internal Server Error.
 *
 * @example
 * return new HttpResponseServerError('Something broke.');
 */
export class HttpResponseServerError extends HttpResponse {
  constructor(content?: ResponseContent, options: HttpResponseOptions = {}) {
    super(content, options, 500);
  }
}

/**
 * 405 Method Not Allowed, with `Allow` listing the permitted methods as given.
 *
 * @example
 * return new HttpResponseNotAllowed(['GET', 'POST']);
 */
export class HttpResponseNotAllowed extends HttpResponse {
  constructor(
    permittedMethods: Iterable<string>,
    content?: ResponseContent,
    options: HttpResponseOptions = {},
  ) {
    super(content, options, 405);
    this.headers.set('Allow', [...permittedMethods].join(', '));
  }

  override toString(): string {
    return `<HttpResponseNotAllowed [${this.headers.get('Allow') ?? ''}] status_code=${this.status}${this.contentTypeForRepr()}>`;
  }
}

/**
 * 304 Not Modified: no Content-Type, and no content may be set.
 *
 * @example
 * if (etagMatches) return new HttpResponseNotModified();
 */
export class HttpResponseNotModified extends HttpResponse {
  constructor(options: HttpResponseOptions = {}) {
    super(undefined, options, 304);
    this.headers.delete('Content-Type');
  }

  override get content(): Uint8Array {
    return super.content;
  }

  override set content(value: ResponseContent) {
    const empty =
      value === null ||
      value === undefined ||
      value === '' ||
      (value instanceof Uint8Array && value.length === 0);
    if (!empty) throw new TypeError('You cannot set content to a 304 (Not Modified) response.');
    super.content = value;
  }
}
