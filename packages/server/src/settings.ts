/**
 * The application's settings — Django's `settings.py`, as one typed object passed to
 * `createApp()` — and {@link validateSettings}, which checks every value at start-up and fills in
 * Django's defaults, so a typo fails before the first request with a message naming the setting.
 */
import type { MaybePromise } from '@reins/core';
import type { HttpRequest, HttpResponseBase, RequestOptions } from '@reins/http';
import { TrustedProxies } from '@reins/http';
import type { MessageMiddlewareOptions } from '@reins/messages';
import type { Middleware } from '@reins/middleware';
import type { SessionMiddlewareOptions, SessionStore } from '@reins/sessions';
import type { TemplateEngines as Templates } from '@reins/shortcuts';
import type { Staticfiles } from '@reins/staticfiles';
import type { createTemplates } from '@reins/templates';
import type { URLPattern, URLResolver } from '@reins/urls';
import type { DatabasesSetting } from './databases.js';
import { settingError } from './internal/improperly-configured.js';
import { describe } from './internal/describe.js';
import type { Logger } from './logger.js';
import { consoleLogger } from './logger.js';

/** A value or a promise of it (core's). */
export type { MaybePromise };

/**
 * A custom 400/403/404 handler (Django's `handler400`…): called with the request and the error.
 *
 * @example
 * const handler404: ErrorHandler = (request) => new HttpResponseNotFound(`No ${request.path} here`);
 */
export type ErrorHandler = (request: HttpRequest, error: unknown) => MaybePromise<HttpResponseBase>;

/**
 * A custom 500 handler (Django's `handler500`): called with the request only, as in Django.
 *
 * @example
 * const handler500: ServerErrorHandler = () => new HttpResponseServerError('Sorry.');
 */
export type ServerErrorHandler = (request: HttpRequest) => MaybePromise<HttpResponseBase>;

/** Template engine configurations, as `createTemplates()` takes them. */
export type TemplatesSetting = Parameters<typeof createTemplates>[0];

/** The URL patterns of the root URLconf, or a resolver already built from them. */
/* eslint-disable @typescript-eslint/no-explicit-any -- the type parameters only type reverse(); any URLconf is accepted */
export type RootUrlconf = readonly (URLPattern<any, any> | URLResolver<any>)[] | URLResolver<any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The request limits and proxy settings, shared with `@reins/http`'s adapters (Django's defaults). */
type RequestSettings = Pick<
  RequestOptions,
  | 'dataUploadMaxMemorySize'
  | 'dataUploadMaxNumberFields'
  | 'dataUploadMaxNumberFiles'
  | 'dataUploadMaxNumberParts'
  | 'fileUploadMaxMemorySize'
  | 'fileUploadMaxTotalSize'
  | 'fileUploadMaxSize'
  | 'fileUploadTempDir'
  | 'secureProxySslHeader'
  | 'useXForwardedHost'
  | 'useXForwardedPort'
  | 'trustedProxies'
  | 'secretKey'
  | 'secretKeyFallbacks'
>;

/** A session store as `SessionMiddleware` takes it (`@reins/sessions`' `SessionStore`). */
export type SessionStoreSetting = SessionStore;

/**
 * The session settings (Django's `SESSION_*`), read by `SessionMiddleware` from `@reins/sessions`,
 * which checks them at start-up and documents each; the keys and the middleware's own options are
 * one type, so the two cannot drift.
 *
 * @example
 * const sessions: SessionSettings = { sessionCookieAge: 3600, sessionCookieSecure: true };
 */
export type SessionSettings = Omit<
  SessionMiddlewareOptions,
  'secretKey' | 'secretKeyFallbacks' | 'load'
>;

/** The names of {@link SessionSettings}, passed to the middleware as they are. */
const SESSION_SETTINGS = [
  'sessionCookieName',
  'sessionCookieAge',
  'sessionCookieDomain',
  'sessionCookiePath',
  'sessionCookieSecure',
  'sessionCookieHttpOnly',
  'sessionCookieSameSite',
  'sessionExpireAtBrowserClose',
  'sessionSaveEveryRequest',
  'sessionStore',
] as const satisfies readonly (keyof SessionSettings)[];

/**
 * The messages settings (Django's `MESSAGE_STORAGE`, `MESSAGE_LEVEL`, `MESSAGE_TAGS`), read by
 * `MessageMiddleware` from `@reins/messages`, which checks them at start-up and documents each;
 * the keys and the middleware's own options are one type, so the two cannot drift.
 *
 * @example
 * const messages: MessageSettings = { messageLevel: DEBUG, messageTags: { [ERROR]: 'danger' } };
 */
export type MessageSettings = MessageMiddlewareOptions;

/** The names of {@link MessageSettings}, passed to the middleware as they are. */
const MESSAGE_SETTINGS = [
  'messageStorage',
  'messageLevel',
  'messageTags',
] as const satisfies readonly (keyof MessageSettings)[];

/**
 * Everything `createApp()` accepts. Names follow Django's settings in camelCase
 * (`ROOT_URLCONF` → `rootUrlconf`, `DATA_UPLOAD_MAX_MEMORY_SIZE` → `dataUploadMaxMemorySize`).
 *
 * @example
 * const settings: Settings = { rootUrlconf: urlpatterns, debug: true, allowedHosts: ['example.com'] };
 */
export interface Settings extends RequestSettings, SessionSettings, MessageSettings {
  /** The root URLconf: a list of `path()`/`rePath()`/`include()` entries, or a built resolver. */
  rootUrlconf: RootUrlconf;
  /** A name for the root URLconf, shown on the debug 404 page (Django shows the module path). */
  rootUrlconfName?: string;
  /** Middleware factories, outermost first (Django's `MIDDLEWARE`). */
  middleware?: readonly Middleware[];
  /** Template engines (Django's `TEMPLATES`), or a `Templates` instance already built. */
  templates?: TemplatesSetting | Templates;
  /** Technical error pages and more logging; never on in production. Default `false`. */
  debug?: boolean;
  /** Host names this site serves (Django's `ALLOWED_HOSTS`): `'example.com'`, `'.example.com'`, `'*'`. */
  allowedHosts?: readonly string[];
  /** Redirect `/path` to `/path/` when only the latter resolves. Default `true` (read by CommonMiddleware). */
  appendSlash?: boolean;
  /** Redirect to the `www.` host. Default `false` (read by CommonMiddleware). */
  prependWww?: boolean;
  /** Custom 400 handler. */
  handler400?: ErrorHandler;
  /** Custom 403 handler. */
  handler403?: ErrorHandler;
  /** Custom 404 handler. */
  handler404?: ErrorHandler;
  /** Custom 500 handler. */
  handler500?: ServerErrorHandler;
  /** Where log records go. Default: {@link consoleLogger} at `'info'`. */
  logger?: Logger;
  /**
   * Validate the Host header before the middleware runs (a bad one is a 400 even with no
   * middleware). Default `true`; `false` gives Django's lazy behaviour.
   */
  validateHostUpFront?: boolean;
  /**
   * How `getCurrentRequest()` and the request-scoped `reverse()` find the request being served.
   * - `'auto'` (default): the request is current for the synchronous part of its handling (nearly
   *   free), and across awaits inside every `async` view, middleware and hook and while a
   *   `TemplateResponse` renders — through AsyncLocalStorage, switched on only while such work is
   *   pending and for a quiet second after (on Node 20 it costs about a microsecond of CPU per
   *   request while on). A view that
   *   is not declared `async` but returns a promise should be declared `async`, or marked with
   *   `markAsync()`, for code after its awaits to see the request (Django likewise asks for
   *   `async def`).
   * - `'always'` (or `true`): every request runs inside AsyncLocalStorage, whatever its views.
   * - `false`: no request context; `reverse()` uses the default URLconf set by `createApp()` (what
   *   Django does), and `{% url %}` takes the current app from the request passed to `render()`.
   */
  requestContext?: 'auto' | 'always' | boolean;
  /**
   * The static files settings (`staticUrl`, `staticRoot`, `staticfilesDirs`, finders, storage),
   * built by `defineStaticfiles()` from `@reins/staticfiles`: read by `reins collectstatic`,
   * `reins findstatic` and `reins check`.
   */
  staticfiles?: Staticfiles;
  /**
   * The app's databases (Django's `DATABASES`): Kysely instances by alias, pinged by
   * `readinessView()`, closed when the server drains (their migrations are the app module's
   * `migrations` export, applied by `reins migrate`).
   */
  databases?: DatabasesSetting;
  /** Extra values of your own, shown (secrets masked) on the debug 500 page. */
  extra?: Readonly<Record<string, unknown>>;
}

/** Settings with every default filled in, as the application uses them. */
export interface ResolvedSettings extends Required<
  Omit<
    Settings,
    | 'templates'
    | 'handler400'
    | 'handler403'
    | 'handler404'
    | 'handler500'
    | 'fileUploadTempDir'
    | 'extra'
    | 'databases'
    | 'requestContext'
    | 'staticfiles'
    | keyof SessionSettings
    | keyof MessageSettings
  >
> {
  staticfiles: Staticfiles | undefined;
  /** Only the session settings given; `SessionMiddleware` fills in the defaults. */
  sessions: SessionSettings;
  /** Only the messages settings given; `MessageMiddleware` checks them and fills in the defaults. */
  messages: MessageSettings;
  requestContext: 'auto' | 'always' | false;
  templates: TemplatesSetting | Templates | undefined;
  handler400: ErrorHandler | undefined;
  handler403: ErrorHandler | undefined;
  handler404: ErrorHandler | undefined;
  handler500: ServerErrorHandler | undefined;
  fileUploadTempDir: string | undefined;
  extra: Readonly<Record<string, unknown>>;
  databases: DatabasesSetting;
}

const KNOWN_SETTINGS = new Set<string>([
  'rootUrlconf',
  'rootUrlconfName',
  'middleware',
  'templates',
  'debug',
  'allowedHosts',
  'appendSlash',
  'prependWww',
  'dataUploadMaxMemorySize',
  'dataUploadMaxNumberFields',
  'dataUploadMaxNumberFiles',
  'dataUploadMaxNumberParts',
  'fileUploadMaxMemorySize',
  'fileUploadMaxTotalSize',
  'fileUploadMaxSize',
  'fileUploadTempDir',
  'secureProxySslHeader',
  'useXForwardedHost',
  'useXForwardedPort',
  'trustedProxies',
  'secretKey',
  'secretKeyFallbacks',
  'handler400',
  'handler403',
  'handler404',
  'handler500',
  'logger',
  'validateHostUpFront',
  'requestContext',
  'staticfiles',
  'databases',
  'extra',
  ...SESSION_SETTINGS,
  ...MESSAGE_SETTINGS,
]);

const TWO_AND_A_HALF_MB = 2_621_440;
const ONE_HUNDRED_MIB = 104_857_600;

/**
 * Check every setting and fill in Django's defaults.
 *
 * @throws {ImproperlyConfigured} naming the first setting that is wrong and how to fix it.
 * @example
 * validateSettings({ rootUrlconf: [] }).appendSlash; // true
 */
export function validateSettings(settings: Settings): ResolvedSettings {
  if (typeof settings !== 'object' || settings === null) {
    throw settingError(
      'settings',
      `createApp() needs a settings object, got ${describe(settings)}. Pass { rootUrlconf: urlpatterns }.`,
    );
  }
  for (const key of Object.keys(settings)) {
    if (!KNOWN_SETTINGS.has(key)) {
      throw settingError(
        key,
        `Unknown setting '${key}'. Check the spelling (settings are camelCase: 'allowedHosts', 'appendSlash'…), or put values of your own under 'extra'.`,
      );
    }
  }
  const { rootUrlconf } = settings;
  if (
    !Array.isArray(rootUrlconf) &&
    !(
      typeof rootUrlconf === 'object' &&
      rootUrlconf !== null &&
      typeof (rootUrlconf as { resolve?: unknown }).resolve === 'function'
    )
  ) {
    throw settingError(
      'rootUrlconf',
      `The setting 'rootUrlconf' must be a list of URL patterns or a resolver, got ${describe(rootUrlconf)}. Pass the urlpatterns array of your root URLconf.`,
    );
  }
  const middleware = settings.middleware ?? [];
  if (!Array.isArray(middleware)) {
    throw settingError(
      'middleware',
      `The setting 'middleware' must be an array of middleware factories, got ${describe(middleware)}.`,
    );
  }
  middleware.forEach((factory, index) => {
    if (typeof factory !== 'function') {
      throw settingError(
        `middleware[${index}]`,
        `middleware[${index}] must be a middleware factory (getResponse) => handler, got ${describe(factory)}. Did you forget to call an options factory such as commonMiddleware({...})?`,
      );
    }
  });
  const allowedHosts = settings.allowedHosts ?? [];
  if (!Array.isArray(allowedHosts) || allowedHosts.some((host) => typeof host !== 'string')) {
    throw settingError(
      'allowedHosts',
      `The setting 'allowedHosts' must be an array of host names, got ${describe(allowedHosts)}. Example: ['example.com', '.example.org'].`,
    );
  }
  for (const key of [
    'debug',
    'appendSlash',
    'prependWww',
    'useXForwardedHost',
    'useXForwardedPort',
    'validateHostUpFront',
  ] as const) {
    const value = settings[key];
    if (value !== undefined && typeof value !== 'boolean') {
      throw settingError(
        key,
        `The setting '${key}' must be true or false, got ${describe(value)}.`,
      );
    }
  }
  const context = settings.requestContext;
  if (
    context !== undefined &&
    typeof context !== 'boolean' &&
    context !== 'auto' &&
    context !== 'always'
  ) {
    throw settingError(
      'requestContext',
      `The setting 'requestContext' must be 'auto', 'always', true or false, got ${describe(context)}.`,
    );
  }
  for (const key of [
    'dataUploadMaxMemorySize',
    'dataUploadMaxNumberFields',
    'dataUploadMaxNumberFiles',
    'dataUploadMaxNumberParts',
    'fileUploadMaxMemorySize',
    'fileUploadMaxTotalSize',
    'fileUploadMaxSize',
  ] as const) {
    const value = settings[key];
    const nullable = key !== 'fileUploadMaxMemorySize';
    if (value === undefined || (value === null && nullable)) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw settingError(
        key,
        `The setting '${key}' must be a whole number of ${key.endsWith('Fields') ? 'fields' : key.endsWith('Files') ? 'files' : key.endsWith('Parts') ? 'parts' : 'bytes'} ≥ 0${nullable ? ' or null for no limit' : ''}, got ${describe(value)}.`,
      );
    }
  }
  for (const key of ['handler400', 'handler403', 'handler404', 'handler500'] as const) {
    const value = settings[key];
    if (value !== undefined && typeof value !== 'function') {
      throw settingError(
        key,
        `The setting '${key}' must be a view function (request${key === 'handler500' ? '' : ', exception'}) => response, got ${describe(value)}.`,
      );
    }
  }
  const proxy = settings.secureProxySslHeader;
  if (
    proxy !== undefined &&
    proxy !== null &&
    !(Array.isArray(proxy) && proxy.length === 2 && proxy.every((part) => typeof part === 'string'))
  ) {
    throw settingError(
      'secureProxySslHeader',
      `The setting 'secureProxySslHeader' must be a [header, value] pair such as ['X-Forwarded-Proto', 'https'], got ${describe(proxy)}.`,
    );
  }
  const databases = settings.databases ?? {};
  if (typeof databases !== 'object' || databases === null || Array.isArray(databases)) {
    throw settingError(
      'databases',
      `The setting 'databases' must map aliases to databases, e.g. { default: { kysely: () => db } }, got ${describe(databases)}.`,
    );
  }
  for (const [alias, database] of Object.entries(databases)) {
    if (typeof (database as { kysely?: unknown } | null)?.kysely !== 'function') {
      throw settingError(
        `databases.${alias}`,
        `The database '${alias}' must have a kysely() function returning the app's Kysely instance, got ${describe(database)}.`,
      );
    }
  }
  const trustedProxies = settings.trustedProxies ?? null;
  if (trustedProxies !== null) {
    try {
      new TrustedProxies(trustedProxies);
    } catch (error) {
      throw settingError(
        'trustedProxies',
        `The setting 'trustedProxies' is wrong: ${(error as Error).message} List your load balancers, e.g. trustedProxies: ['127.0.0.1', '10.0.0.0/8'].`,
      );
    }
  }
  const logger = settings.logger ?? consoleLogger();
  if (typeof (logger as { log?: unknown }).log !== 'function') {
    throw settingError(
      'logger',
      `The setting 'logger' must have a log(record) method, got ${describe(logger)}.`,
    );
  }
  if (settings.fileUploadTempDir !== undefined && typeof settings.fileUploadTempDir !== 'string') {
    throw settingError(
      'fileUploadTempDir',
      `The setting 'fileUploadTempDir' must be a directory path, got ${describe(settings.fileUploadTempDir)}.`,
    );
  }
  const staticfiles = settings.staticfiles;
  if (
    staticfiles !== undefined &&
    (typeof staticfiles !== 'object' ||
      staticfiles === null ||
      typeof (staticfiles as { url?: unknown }).url !== 'function' ||
      typeof (staticfiles as { check?: unknown }).check !== 'function')
  ) {
    throw settingError(
      'staticfiles',
      `The setting 'staticfiles' must be the result of defineStaticfiles({ staticUrl: '/static/', … }) from @reins/staticfiles, got ${describe(staticfiles)}.`,
    );
  }
  const secretKey = settings.secretKey ?? null;
  // Django: "The SECRET_KEY setting must not be empty." Absent is fine until something signs.
  if (secretKey !== null && !isSecretKey(secretKey)) {
    throw settingError(
      'secretKey',
      `The setting 'secretKey' must be a non-empty string (or bytes), got ${describe(secretKey)}. Generate one with: node -e "console.log(require('crypto').randomBytes(50).toString('base64url'))"`,
    );
  }
  const secretKeyFallbacks = settings.secretKeyFallbacks ?? [];
  if (!Array.isArray(secretKeyFallbacks) || !secretKeyFallbacks.every(isSecretKey)) {
    throw settingError(
      'secretKeyFallbacks',
      `The setting 'secretKeyFallbacks' must be an array of the previous non-empty secret keys, got ${describe(secretKeyFallbacks)}.`,
    );
  }
  const maxFields =
    settings.dataUploadMaxNumberFields === undefined ? 1000 : settings.dataUploadMaxNumberFields;
  const maxFiles =
    settings.dataUploadMaxNumberFiles === undefined ? 100 : settings.dataUploadMaxNumberFiles;
  return {
    rootUrlconf,
    rootUrlconfName: settings.rootUrlconfName ?? 'the root URLconf',
    middleware,
    templates: settings.templates,
    debug: settings.debug ?? false,
    allowedHosts,
    appendSlash: settings.appendSlash ?? true,
    prependWww: settings.prependWww ?? false,
    dataUploadMaxMemorySize:
      settings.dataUploadMaxMemorySize === undefined
        ? TWO_AND_A_HALF_MB
        : settings.dataUploadMaxMemorySize,
    dataUploadMaxNumberFields: maxFields,
    dataUploadMaxNumberFiles: maxFiles,
    // As @reins/http derives it: every field and file the two limits allow, plus 100.
    dataUploadMaxNumberParts:
      settings.dataUploadMaxNumberParts !== undefined
        ? settings.dataUploadMaxNumberParts
        : maxFields === null || maxFiles === null
          ? null
          : maxFields + maxFiles + 100,
    fileUploadMaxMemorySize: settings.fileUploadMaxMemorySize ?? TWO_AND_A_HALF_MB,
    fileUploadMaxTotalSize:
      settings.fileUploadMaxTotalSize === undefined
        ? ONE_HUNDRED_MIB
        : settings.fileUploadMaxTotalSize,
    fileUploadMaxSize: settings.fileUploadMaxSize ?? null,
    fileUploadTempDir: settings.fileUploadTempDir,
    secureProxySslHeader: proxy ?? null,
    useXForwardedHost: settings.useXForwardedHost ?? false,
    useXForwardedPort: settings.useXForwardedPort ?? false,
    trustedProxies,
    secretKey,
    secretKeyFallbacks,
    handler400: settings.handler400,
    handler403: settings.handler403,
    handler404: settings.handler404,
    handler500: settings.handler500,
    logger,
    validateHostUpFront: settings.validateHostUpFront ?? true,
    requestContext: context === undefined ? 'auto' : context === true ? 'always' : context,
    staticfiles,
    extra: settings.extra ?? {},
    databases,
    sessions: given(settings, SESSION_SETTINGS),
    messages: given(settings, MESSAGE_SETTINGS),
  };
}

function given<Key extends keyof Settings>(
  settings: Settings,
  keys: readonly Key[],
): Partial<Pick<Settings, Key>> {
  return Object.fromEntries(
    keys.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]),
  ) as Partial<Pick<Settings, Key>>;
}

function isSecretKey(value: unknown): boolean {
  return (typeof value === 'string' || value instanceof Uint8Array) && value.length > 0;
}
