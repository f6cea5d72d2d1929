/**
 * {@link messageMiddleware} (Django's `MessageMiddleware`): gives every request a message storage
 * (`request._messages`) and, on the way out, stores the messages not yet shown.
 *
 * @module
 */
import { ImproperlyConfigured, isThenable } from '@reins/core';
import type { SecretKey } from '@reins/core/signing';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type {
  GetResponse,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from '@reins/middleware';
import type { BaseStorage } from './base-storage.js';
import { DEFAULT_TAGS, INFO } from './constants.js';
import { CookieStorage } from './cookie-storage.js';
import { FallbackStorage } from './fallback-storage.js';
import type { MessageStorageConfig } from './storage-config.js';
import './request-messages.js';

/**
 * A message storage class (Django's `MESSAGE_STORAGE`, the class rather than its dotted path).
 *
 * @example
 * const storage: MessageStorageClass = SessionStorage;
 */
export type MessageStorageClass = new (
  request: HttpRequest,
  config?: MessageStorageConfig,
) => BaseStorage;

/**
 * The messages settings (Django's `MESSAGE_*` in camelCase). Given to `messageMiddleware()` they
 * win over the project settings of the same name.
 *
 * @example
 * const options: MessageMiddlewareOptions = { messageLevel: DEBUG, messageTags: { [ERROR]: 'danger' } };
 */
export interface MessageMiddlewareOptions {
  /** Where messages live (`MESSAGE_STORAGE`). Default {@link FallbackStorage}. */
  messageStorage?: MessageStorageClass;
  /** Messages below this level are dropped (`MESSAGE_LEVEL`). Default `INFO` (20). */
  messageLevel?: number;
  /** Level tags added to or replacing Django's (`MESSAGE_TAGS`), e.g. `{ 40: 'danger' }`. */
  messageTags?: Readonly<Record<number, string>>;
}

/**
 * Django's `MessageMiddleware` with options; what is left out is read from the project settings
 * (`messageStorage`, `messageLevel`, `messageTags`, `secretKey`, the `sessionCookie*` attributes
 * the messages cookie shares, `debug`), then Django's defaults. Place it after
 * `SessionMiddleware`.
 *
 * @throws {ImproperlyConfigured} at start-up for a malformed setting, or a cookie storage without `secretKey`.
 * @example
 * middleware: [SecurityMiddleware, SessionMiddleware, CommonMiddleware, CsrfViewMiddleware, messageMiddleware({ messageLevel: DEBUG })]
 */
export function messageMiddleware(options: MessageMiddlewareOptions = {}): Middleware {
  const middleware: Middleware = (getResponse, settings = {}) =>
    buildHandler(getResponse, resolve(options, settings));
  Object.defineProperty(middleware, 'name', { value: 'MessageMiddleware' });
  return middleware;
}

/**
 * Django's `MessageMiddleware`, configured by the project settings; `MessageMiddleware.with(options)`
 * for options of its own.
 *
 * @example
 * middleware: [SecurityMiddleware, SessionMiddleware, CommonMiddleware, CsrfViewMiddleware, MessageMiddleware]
 */
export const MessageMiddleware: Middleware & {
  with(options?: MessageMiddlewareOptions): Middleware;
} = Object.assign(messageMiddleware(), { with: messageMiddleware });

interface Resolved {
  Storage: MessageStorageClass;
  config: MessageStorageConfig;
  debug: boolean;
}

function buildHandler(getResponse: GetResponse, resolved: Resolved): MiddlewareHandler {
  if (typeof getResponse !== 'function') {
    throw new TypeError(
      `A middleware factory needs the next handler, got ${String(getResponse)}. Call it as MessageMiddleware(getResponse).`,
    );
  }
  const { Storage, config, debug } = resolved;
  const finish = (request: HttpRequest, response: HttpResponseBase): HttpResponseBase => {
    // A middleware above may have answered with another request's storage gone: assume nothing.
    const storage = request._messages;
    if (storage === undefined) return response;
    const unstored = storage.update(response);
    if (unstored !== undefined && unstored.length > 0 && debug) {
      throw new Error(
        `Not all temporary messages could be stored: ${unstored.length} did not fit in the ${storage.constructor.name}. Use messageStorage: FallbackStorage (the default) or SessionStorage to keep them all.`,
      );
    }
    return response;
  };
  return (request) => {
    request._messages = new Storage(request, config);
    const response = getResponse(request);
    return isThenable<HttpResponseBase>(response)
      ? Promise.resolve(response).then((resolvedResponse) => finish(request, resolvedResponse))
      : finish(request, response);
  };
}

function resolve(options: MessageMiddlewareOptions, settings: MiddlewareSettings): Resolved {
  const pick = (name: string): unknown =>
    (options as Record<string, unknown>)[name] !== undefined
      ? (options as Record<string, unknown>)[name]
      : settings[name];
  const Storage = pick('messageStorage') ?? FallbackStorage;
  if (typeof Storage !== 'function') {
    throw invalid(
      'messageStorage',
      'a storage class: FallbackStorage, CookieStorage or SessionStorage',
      Storage,
    );
  }
  const level = pick('messageLevel') ?? INFO;
  if (typeof level !== 'number' || !Number.isInteger(level)) {
    throw invalid('messageLevel', 'a whole number such as messages.INFO (20)', level);
  }
  const tags = pick('messageTags') ?? {};
  if (
    typeof tags !== 'object' ||
    tags === null ||
    Array.isArray(tags) ||
    !Object.entries(tags).every(([key, tag]) => /^-?\d+$/.test(key) && typeof tag === 'string')
  ) {
    throw invalid('messageTags', "an object of level → tag, such as { 40: 'danger' }", tags);
  }
  const secretKey = (pick('secretKey') ?? null) as SecretKey | null;
  const usesCookie =
    Storage === CookieStorage ||
    Storage === FallbackStorage ||
    Storage.prototype instanceof CookieStorage ||
    Storage.prototype instanceof FallbackStorage;
  if (usesCookie && (secretKey === null || secretKey.length === 0)) {
    throw new ImproperlyConfigured(
      `MessageMiddleware needs the 'secretKey' setting: the ${(Storage as { name: string }).name} signs the messages cookie. Set secretKey in the settings, or use messageStorage: SessionStorage.`,
      { setting: 'secretKey', code: 'messages.no_secret_key' },
    );
  }
  const sameSite = pick('sessionCookieSameSite');
  return {
    Storage: Storage as MessageStorageClass,
    debug: pick('debug') === true,
    config: Object.freeze({
      level,
      levelTags: Object.freeze({ ...DEFAULT_TAGS, ...(tags as Record<number, string>) }),
      secretKey,
      secretKeyFallbacks: (pick('secretKeyFallbacks') ?? []) as readonly SecretKey[],
      cookieDomain: (pick('sessionCookieDomain') ?? null) as string | null,
      cookieSecure: pick('sessionCookieSecure') === true,
      cookieHttpOnly: (pick('sessionCookieHttpOnly') ?? true) === true,
      cookieSameSite: (sameSite === undefined ? 'Lax' : sameSite === false ? null : sameSite) as
        string | null,
    }),
  };
}

function invalid(setting: string, expected: string, value: unknown): ImproperlyConfigured {
  const shown =
    typeof value === 'string'
      ? `'${value}'`
      : typeof value === 'object' && value !== null
        ? 'an object'
        : String(value);
  return new ImproperlyConfigured(`The setting '${setting}' must be ${expected}, got ${shown}.`, {
    setting,
    code: 'messages.invalid_setting',
  });
}
