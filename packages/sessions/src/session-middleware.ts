/**
 * {@link sessionMiddleware} (Django's `SessionMiddleware`): gives every request a
 * `request.session` keyed by the session cookie, and on the way out saves a modified session and
 * sets the cookie, deletes the cookie of an emptied one and adds `Vary: Cookie` when the session
 * was read.
 *
 * @module
 */
import type { SecretKey } from '@reins/core/signing';
import { ImproperlyConfigured, isThenable } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type {
  GetResponse,
  MaybePromise,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from '@reins/middleware';
import { varyOnCookie } from './internal/patch-vary.js';
import { SessionCookieTooLarge } from './session-errors.js';
import { Session } from './session.js';
import type { SessionOptions } from './session.js';
import type { SessionStore } from './session-store.js';
import { SignedCookieStore } from './signed-cookie-store.js';
import './request-session.js';

/**
 * The session settings (Django's `SESSION_*` in camelCase). Given to `sessionMiddleware()` they
 * win over the project settings of the same name.
 *
 * @example
 * const options: SessionMiddlewareOptions = { sessionCookieAge: 3600, sessionCookieSecure: true };
 */
export interface SessionMiddlewareOptions {
  /** The cookie's name (`SESSION_COOKIE_NAME`). Default `'sessionid'`. */
  sessionCookieName?: string;
  /** Seconds a session lasts (`SESSION_COOKIE_AGE`). Default 1209600 (two weeks). */
  sessionCookieAge?: number;
  /** The cookie's `Domain` (`SESSION_COOKIE_DOMAIN`). Default `null` (this host only). */
  sessionCookieDomain?: string | null;
  /** The cookie's `Path` (`SESSION_COOKIE_PATH`). Default `'/'`. */
  sessionCookiePath?: string;
  /** Send the cookie over HTTPS only (`SESSION_COOKIE_SECURE`). Default `false`. */
  sessionCookieSecure?: boolean;
  /** Hide the cookie from JavaScript (`SESSION_COOKIE_HTTPONLY`). Default `true`. */
  sessionCookieHttpOnly?: boolean;
  /** The cookie's `SameSite`: `'Lax'`, `'Strict'`, `'None'` or `null` (`SESSION_COOKIE_SAMESITE`). Default `'Lax'`. */
  sessionCookieSameSite?: 'Lax' | 'Strict' | 'None' | null;
  /** End sessions when the browser closes (`SESSION_EXPIRE_AT_BROWSER_CLOSE`). Default `false`. */
  sessionExpireAtBrowserClose?: boolean;
  /** Save and resend the cookie on every request (`SESSION_SAVE_EVERY_REQUEST`). Default `false`. */
  sessionSaveEveryRequest?: boolean;
  /** Where sessions live (`SESSION_ENGINE`): a signed-cookie, database, Redis, cache or cached-db store. Default: a {@link SignedCookieStore}. */
  sessionStore?: SessionStore;
  /** The secret key that signs cookies and session data (`SECRET_KEY`). Required. */
  secretKey?: SecretKey | null;
  /** Older secret keys still accepted (`SECRET_KEY_FALLBACKS`). */
  secretKeyFallbacks?: readonly SecretKey[];
  /**
   * When the session is loaded. `'auto'` (default): lazily on first use with a sync store (the
   * cookie store), before the view with an async store (only for a request carrying the cookie).
   * `'explicit'`: only by `await request.session.load()`; using it before throws.
   */
  load?: 'auto' | 'explicit';
}

/** Browsers keep at most this many bytes of a cookie's name and value. */
const MAX_COOKIE_SIZE = 4093;
const SAME_SITE = new Set(['Lax', 'Strict', 'None']);

interface Config {
  cookieName: string;
  cookieDomain: string | null;
  cookiePath: string;
  cookieSecure: boolean;
  cookieHttpOnly: boolean;
  cookieSameSite: string | null;
  saveEveryRequest: boolean;
  store: SessionStore;
  preload: boolean;
  session: SessionOptions;
}

/**
 * Django's `SessionMiddleware` with options; settings left out are read from the project
 * settings (`sessionCookieName`, `sessionStore`, `secretKey`…), then Django's defaults.
 *
 * @throws {ImproperlyConfigured} at start-up for a missing `secretKey` or a malformed setting.
 * @example
 * createApp({ rootUrlconf, secretKey, middleware: [SecurityMiddleware, sessionMiddleware({ sessionCookieSecure: true }), CommonMiddleware] });
 */
export function sessionMiddleware(options: SessionMiddlewareOptions = {}): Middleware {
  const middleware: Middleware = (getResponse, settings = {}) =>
    buildHandler(getResponse, resolveConfig(options, settings));
  Object.defineProperty(middleware, 'name', { value: 'SessionMiddleware' });
  return middleware;
}

/**
 * Django's `SessionMiddleware`, configured by the project settings; `SessionMiddleware.with(options)`
 * for options of its own.
 *
 * @example
 * createApp({ rootUrlconf, secretKey, middleware: [SecurityMiddleware, SessionMiddleware, CommonMiddleware] });
 */
export const SessionMiddleware: Middleware & {
  with(options?: SessionMiddlewareOptions): Middleware;
} = Object.assign(sessionMiddleware(), { with: sessionMiddleware });

function buildHandler(getResponse: GetResponse, config: Config): MiddlewareHandler {
  if (typeof getResponse !== 'function') {
    throw new TypeError(
      `A middleware factory needs the next handler, got ${String(getResponse)}. Call it as SessionMiddleware(getResponse).`,
    );
  }
  const { cookieName, preload, session: sessionOptions } = config;
  const finish = (
    request: HttpRequest,
    response: HttpResponseBase,
  ): MaybePromise<HttpResponseBase> => processResponse(config, request, response);
  const afterView = (request: HttpRequest): MaybePromise<HttpResponseBase> => {
    const response = getResponse(request);
    return isThenable<HttpResponseBase>(response)
      ? Promise.resolve(response).then((resolved) => finish(request, resolved))
      : finish(request, response);
  };
  return (request) => {
    const cookies = request.COOKIES;
    // Own properties only: a cookie named 'constructor' must not find Object.prototype's.
    const cookie = Object.hasOwn(cookies, cookieName) ? cookies[cookieName] : undefined;
    const session = new Session(cookie, sessionOptions);
    request.session = session;
    // An async store is asked once, before the view, and only when there is a session to read.
    if (preload && session.sessionKey !== null) {
      return Promise.resolve(session.load()).then(() => afterView(request));
    }
    return afterView(request);
  };
}

// Django's SessionMiddleware.process_response.
function processResponse(
  config: Config,
  request: HttpRequest,
  response: HttpResponseBase,
): MaybePromise<HttpResponseBase> {
  const session = request.session as Session | undefined;
  if (session === undefined) return response;
  const { accessed, modified } = session;
  const empty = session.isEmpty();
  // A flushed or cycled session's old key leaves the store whatever the response (a logout).
  const deleted = session.hasStaleKeys ? session.deleteStaleKeys() : undefined;
  let saving: MaybePromise<void> = undefined;
  if (empty && Object.hasOwn(request.COOKIES, config.cookieName)) {
    response.deleteCookie(config.cookieName, {
      path: config.cookiePath,
      domain: config.cookieDomain,
      sameSite: config.cookieSameSite,
    });
    varyOnCookie(response);
  } else {
    if (accessed) varyOnCookie(response);
    // Skip the save for a 500, as Django does (#3881): the view may have failed half-way.
    if ((modified || config.saveEveryRequest) && !empty && response.status !== 500) {
      saving = save(config, session, response);
    }
  }
  if (isThenable(deleted)) {
    return Promise.resolve(deleted)
      .then(() => saving)
      .then(() => response);
  }
  return isThenable(saving) ? Promise.resolve(saving).then(() => response) : response;
}

function save(config: Config, session: Session, response: HttpResponseBase): MaybePromise<void> {
  if (!session.loaded) {
    // saveEveryRequest on a session nobody read (or `load: 'explicit'`): load, then save.
    const loading = session.load();
    if (isThenable(loading)) {
      return Promise.resolve(loading).then(() => save(config, session, response));
    }
  }
  let maxAge: number | null = null;
  if (!session.getExpireAtBrowserClose()) maxAge = session.getExpiryAge();
  const saved = session.save();
  if (isThenable(saved)) {
    return Promise.resolve(saved).then(() => setSessionCookie(config, session, response, maxAge));
  }
  // No closure on the synchronous path: it runs on every request that writes a cookie session.
  setSessionCookie(config, session, response, maxAge);
}

function setSessionCookie(
  config: Config,
  session: Session,
  response: HttpResponseBase,
  maxAge: number | null,
): void {
  const key = session.sessionKey!;
  const size = config.cookieName.length + 1 + key.length;
  if (size > MAX_COOKIE_SIZE) {
    throw new SessionCookieTooLarge(config.cookieName, size, config.store.name);
  }
  response.setCookie(config.cookieName, key, {
    maxAge,
    domain: config.cookieDomain,
    path: config.cookiePath,
    secure: config.cookieSecure,
    httpOnly: config.cookieHttpOnly,
    sameSite: config.cookieSameSite,
  });
}

function resolveConfig(options: SessionMiddlewareOptions, settings: MiddlewareSettings): Config {
  const pick = <K extends keyof SessionMiddlewareOptions>(name: K): unknown =>
    options[name] !== undefined ? options[name] : settings[name];
  const cookieName = pick('sessionCookieName') ?? 'sessionid';
  if (typeof cookieName !== 'string' || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(cookieName)) {
    throw invalid('sessionCookieName', "a cookie name such as 'sessionid'", cookieName);
  }
  const cookieAge = pick('sessionCookieAge') ?? 1_209_600;
  if (typeof cookieAge !== 'number' || !Number.isInteger(cookieAge)) {
    throw invalid(
      'sessionCookieAge',
      'a whole number of seconds such as 1209600 (two weeks)',
      cookieAge,
    );
  }
  const cookieDomain = pick('sessionCookieDomain') ?? null;
  if (cookieDomain !== null && typeof cookieDomain !== 'string') {
    throw invalid('sessionCookieDomain', "a domain such as '.example.com', or null", cookieDomain);
  }
  const cookiePath = pick('sessionCookiePath') ?? '/';
  if (typeof cookiePath !== 'string')
    throw invalid('sessionCookiePath', "a path such as '/'", cookiePath);
  const flags = {} as Record<
    | 'sessionCookieSecure'
    | 'sessionCookieHttpOnly'
    | 'sessionExpireAtBrowserClose'
    | 'sessionSaveEveryRequest',
    boolean
  >;
  for (const [name, fallback] of [
    ['sessionCookieSecure', false],
    ['sessionCookieHttpOnly', true],
    ['sessionExpireAtBrowserClose', false],
    ['sessionSaveEveryRequest', false],
  ] as const) {
    const value = pick(name) ?? fallback;
    if (typeof value !== 'boolean') throw invalid(name, 'true or false', value);
    flags[name] = value;
  }
  const sameSite = pick('sessionCookieSameSite');
  const cookieSameSite = sameSite === undefined ? 'Lax' : sameSite === false ? null : sameSite;
  if (
    cookieSameSite !== null &&
    (typeof cookieSameSite !== 'string' || !SAME_SITE.has(cookieSameSite))
  ) {
    throw invalid('sessionCookieSameSite', "'Lax', 'Strict', 'None' or null", sameSite);
  }
  const secretKey = pick('secretKey') ?? null;
  if (!isSecretKey(secretKey)) {
    throw new ImproperlyConfigured(
      secretKey === null
        ? `SessionMiddleware needs the 'secretKey' setting: it signs the session cookie and the session data. Set secretKey in the settings (from an environment variable, never committed); generate one with: node -e "console.log(require('crypto').randomBytes(50).toString('base64url'))"`
        : `The setting 'secretKey' must be a non-empty string (or bytes), got ${describe(secretKey)}.`,
      { setting: 'secretKey', code: 'sessions.no_secret_key' },
    );
  }
  const fallbacks = pick('secretKeyFallbacks') ?? [];
  if (!Array.isArray(fallbacks) || !fallbacks.every(isSecretKey)) {
    throw invalid('secretKeyFallbacks', 'an array of previous secret keys', fallbacks);
  }
  const given = pick('sessionStore');
  if (given !== undefined && !isStore(given)) {
    throw invalid(
      'sessionStore',
      'a session store (new SignedCookieStore(…), a database or Redis store) with name, sync, load, save, exists, delete and clearExpired',
      given,
    );
  }
  const store: SessionStore =
    given ?? new SignedCookieStore({ secretKey, fallbackKeys: fallbacks, maxAge: cookieAge });
  const load = options.load ?? 'auto';
  if (load !== 'auto' && load !== 'explicit') throw invalid('load', "'auto' or 'explicit'", load);
  return {
    cookieName,
    cookieDomain,
    cookiePath,
    cookieSecure: flags.sessionCookieSecure,
    cookieHttpOnly: flags.sessionCookieHttpOnly,
    cookieSameSite,
    saveEveryRequest: flags.sessionSaveEveryRequest,
    store,
    preload: load === 'auto' && !store.sync,
    session: {
      store,
      cookieAge,
      expireAtBrowserClose: flags.sessionExpireAtBrowserClose,
      explicitLoad: load === 'explicit',
    },
  };
}

function isSecretKey(value: unknown): value is SecretKey {
  return (typeof value === 'string' || value instanceof Uint8Array) && value.length > 0;
}

function isStore(value: unknown): value is SessionStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  return (
    typeof store['name'] === 'string' &&
    typeof store['sync'] === 'boolean' &&
    ['load', 'save', 'exists', 'delete', 'clearExpired'].every(
      (method) => typeof store[method] === 'function',
    )
  );
}

function invalid(setting: string, expected: string, value: unknown): ImproperlyConfigured {
  return new ImproperlyConfigured(
    `The setting '${setting}' must be ${expected}, got ${describe(value)}.`,
    { setting, code: 'sessions.invalid_setting' },
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  // What is left (number, boolean, bigint, symbol, function) has its own toString, not Object's.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return `${typeof value} ${String(value)}`;
}
