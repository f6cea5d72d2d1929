/**
 * {@link Session}: `request.session`, Django's `SessionBase` — a dict-like API over the data of
 * one visitor's session, loaded from the store on first use and saved by `SessionMiddleware` on
 * the way out.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';
import { isThenable } from '@reins/core';
import { KeyError } from '@reins/http';
import { hasKey, isEmptyData, setKey } from './internal/own-data.js';
import { pythonIsoformat } from './internal/python-isoformat.js';
import { SessionInterrupted, SessionNotLoaded, SessionStoreError } from './session-errors.js';
import type { SessionData, SessionStore } from './session-store.js';
import { UpdateError } from './session-store.js';

/** Django keeps a per-session expiry under this key, in the data itself. */
const EXPIRY_KEY = '_session_expiry';

/**
 * How a {@link Session} is set up; `SessionMiddleware` fills it from the settings.
 *
 * @example
 * const options: SessionOptions = { store, cookieAge: 1209600 };
 */
export interface SessionOptions {
  /** Where the data lives. */
  store: SessionStore;
  /** Seconds a session lasts without `setExpiry()` (`sessionCookieAge`). Default 1209600 (two weeks). */
  cookieAge?: number | undefined;
  /** Sessions end when the browser closes (`sessionExpireAtBrowserClose`). Default `false`. */
  expireAtBrowserClose?: boolean | undefined;
  /** Refuse every read or write before `await session.load()` (the middleware's `load: 'explicit'`). */
  explicitLoad?: boolean | undefined;
}

/**
 * What `setExpiry()` takes: seconds of inactivity, a `Date`, `0` for "when the browser closes",
 * or `null` for the site's default.
 *
 * @example
 * request.session.setExpiry(300 satisfies SessionExpiry);
 */
export type SessionExpiry = number | Date | null;

/**
 * The moment and expiry `getExpiryAge()`/`getExpiryDate()` compute from (Django's
 * `modification` and `expiry` keyword arguments); each defaults to now and the session's own.
 *
 * @example
 * session.getExpiryAge({ modification: lastSeen });
 */
export interface ExpiryOptions {
  modification?: Date;
  expiry?: SessionExpiry | string | undefined;
}

/**
 * A visitor's session, `request.session` (Django's `SessionBase`): string keys, JSON values.
 * Reading loads it from the store once (lazily with a synchronous store; with an asynchronous
 * one, `SessionMiddleware` loads it before the view); `SessionMiddleware` saves it after the
 * view when it was modified.
 *
 * @example
 * const visits = (request.session.get<number>('visits') ?? 0) + 1;
 * request.session.set('visits', visits);
 */
export class Session {
  /** Whether the data was read or written during this request (the middleware adds `Vary: Cookie`). */
  accessed = false;
  /** Whether the data changed during this request (the middleware saves it and sets the cookie). */
  modified = false;

  #key: string | null;
  #data: SessionData | undefined = undefined;
  #loading: Promise<void> | undefined = undefined;
  #loadCalled = false;
  #cycled = false;
  #staleKeys: string[] | undefined = undefined;
  readonly #store: SessionStore;
  readonly #cookieAge: number;
  readonly #expireAtBrowserClose: boolean;
  readonly #explicit: boolean;

  constructor(sessionKey: string | null | undefined, options: SessionOptions) {
    this.#key = validKey(sessionKey);
    this.#store = options.store;
    this.#cookieAge = options.cookieAge ?? 1_209_600;
    this.#expireAtBrowserClose = options.expireAtBrowserClose ?? false;
    this.#explicit = options.explicitLoad ?? false;
  }

  /** The key the session is stored under (the cookie's value), or `null` for a new session. */
  get sessionKey(): string | null {
    return this.#key;
  }

  /** The store this session lives in. */
  get store(): SessionStore {
    return this.#store;
  }

  /** Whether the data is in memory (loaded, or new). */
  get loaded(): boolean {
    return this.#data !== undefined;
  }

  /**
   * Load the data from the store now; idempotent, and the only way to read the session with an
   * asynchronous store outside `SessionMiddleware` or with its `load: 'explicit'`. A missing,
   * expired or tampered session loads as a new, empty one.
   *
   * @throws {SessionStoreError} when the store fails (naming it).
   * @example
   * await request.session.load();
   */
  load(): MaybePromise<void> {
    this.#loadCalled = true;
    if (this.#data !== undefined) return;
    if (this.#loading !== undefined) return this.#loading;
    const key = this.#key;
    if (key === null) {
      this.#data = {};
      return;
    }
    // No closure per call: this runs on every request that reads a session.
    let result: MaybePromise<SessionData | null>;
    try {
      result = this.#store.load(key);
    } catch (error) {
      throw this.#storeError('load', error);
    }
    if (isThenable<SessionData | null>(result)) {
      this.#loading = Promise.resolve(result).then(
        (data) => this.#loaded(data),
        (error: unknown) => {
          this.#loading = undefined;
          throw this.#storeError('load', error);
        },
      );
      return this.#loading;
    }
    this.#loaded(result);
  }

  #loaded(data: SessionData | null): void {
    this.#loading = undefined;
    if (this.#data !== undefined) return;
    if (data === null) {
      // Django's db backend forgets a key it cannot find, so a new session gets a fresh one.
      this.#key = null;
      this.#data = {};
    } else {
      this.#data = data;
    }
  }

  // Django's `_session` property: marks the session accessed and loads it on first use.
  #session(): SessionData {
    this.accessed = true;
    if (this.#data !== undefined) return this.#data;
    if (this.#explicit && !this.#loadCalled) throw new SessionNotLoaded(this.#store.name, true);
    if (this.#key !== null && !this.#store.sync) {
      throw new SessionNotLoaded(this.#store.name, false);
    }
    // A sync store answered now; a store that said it is sync but was not is a bug of that store.
    if (isThenable(this.load())) throw new SessionNotLoaded(this.#store.name, this.#explicit);
    return this.#data!;
  }

  /**
   * The value under `key`, or `fallback` (default `undefined`) when there is none.
   *
   * @example
   * const cart = request.session.get<string[]>('cart', []);
   */
  get<T = unknown>(key: string): T | undefined;
  get<T = unknown>(key: string, fallback: T): T;
  get(key: string, fallback?: unknown): unknown {
    const data = this.#session();
    return hasKey(data, key) ? data[key] : fallback;
  }

  /**
   * Store `value` (JSON-serialisable) under `key`.
   *
   * @example
   * request.session.set('theme', 'dark');
   */
  set(key: string, value: unknown): void {
    setKey(this.#session(), key, value);
    this.modified = true;
  }

  /**
   * Remove `key` (Python's `del session[key]`).
   *
   * @throws {KeyError} when there is no such key.
   * @example
   * request.session.delete('cart');
   */
  delete(key: string): void {
    const data = this.#session();
    if (!hasKey(data, key)) throw missingKey(key);
    delete data[key];
    this.modified = true;
  }

  /**
   * Whether there is a value under `key` (Python's `key in session`).
   *
   * @example
   * if (request.session.has('userId')) …
   */
  has(key: string): boolean {
    return hasKey(this.#session(), key);
  }

  /**
   * The value under `key`; when there is none, store `value` there and return it.
   *
   * @example
   * const cart = request.session.setdefault('cart', []);
   */
  setdefault<T>(key: string, value: T): T {
    const data = this.#session();
    if (hasKey(data, key)) return data[key] as T;
    this.modified = true;
    setKey(data, key, value);
    return value;
  }

  /**
   * Remove `key` and return its value, or `fallback` when there is none.
   *
   * @throws {KeyError} when there is no such key and no `fallback`.
   * @example
   * const next = request.session.pop('next', '/');
   */
  pop<T = unknown>(key: string, ...fallback: [fallback?: T]): T {
    const data = this.#session();
    const present = hasKey(data, key);
    this.modified ||= present;
    if (!present) {
      if (fallback.length === 0) throw missingKey(key);
      return fallback[0] as T;
    }
    const value = data[key] as T;
    delete data[key];
    return value;
  }

  /**
   * The keys, in insertion order.
   *
   * @example
   * request.session.keys(); // ['visits', 'theme']
   */
  keys(): string[] {
    return Object.keys(this.#session());
  }

  /**
   * The values, in key order.
   *
   * @example
   * request.session.values(); // [3, 'dark']
   */
  values(): unknown[] {
    return Object.values(this.#session());
  }

  /**
   * The `[key, value]` pairs, in key order.
   *
   * @example
   * for (const [key, value] of request.session.items()) …
   */
  items(): [string, unknown][] {
    return Object.entries(this.#session());
  }

  /**
   * Store every entry of `values` (an object, a `Map` or `[key, value]` pairs).
   *
   * @example
   * request.session.update({ theme: 'dark', lang: 'fr' });
   */
  update(values: Readonly<Record<string, unknown>> | Iterable<readonly [string, unknown]>): void {
    const data = this.#session();
    const entries = Symbol.iterator in values ? values : Object.entries(values);
    for (const [key, value] of entries) setKey(data, key, value);
    this.modified = true;
  }

  /**
   * Remove every key; the key and the store are kept (unlike `flush()`).
   *
   * @example
   * request.session.clear();
   */
  clear(): void {
    // Like Django, without loading what is about to be thrown away.
    this.#data = {};
    this.accessed = true;
    this.modified = true;
  }

  /**
   * Whether the session has neither a key nor data (the middleware then deletes its cookie).
   *
   * @example
   * request.session.isEmpty(); // true for a visitor without a session
   */
  isEmpty(): boolean {
    return (
      this.#key === null && !this.#cycled && (this.#data === undefined || isEmptyData(this.#data))
    );
  }

  /**
   * End the session: its data is removed, it is deleted from the store and the cookie is
   * deleted (Django's `flush()`, what `logout()` does). The store delete happens in
   * `SessionMiddleware` on the way out (or in `save()`), whatever the response.
   *
   * @example
   * request.session.flush();
   */
  flush(): void {
    this.clear();
    if (this.#key !== null) (this.#staleKeys ??= []).push(this.#key);
    this.#key = null;
    this.#cycled = false;
  }

  /**
   * Keep the data under a new key and delete the old one (Django's `cycle_key()`, the defence
   * against session fixation that `login()` uses). The new key is made when the session is saved
   * on the way out; `sessionKey` is `null` until then.
   *
   * @example
   * request.session.cycleKey();
   * request.session.set('userId', user.id);
   */
  cycleKey(): void {
    this.#session();
    if (this.#key !== null) (this.#staleKeys ??= []).push(this.#key);
    this.#key = null;
    this.#cycled = true;
    this.modified = true;
  }

  /**
   * Set when the session expires: seconds of inactivity, a `Date`, `0` for "when the browser
   * closes", `null` for the default (`sessionCookieAge`, `sessionExpireAtBrowserClose`). Stored in
   * the data under `_session_expiry`, as Django does (a `Date` as Django 4's ISO text).
   *
   * @example
   * request.session.setExpiry(300); // five minutes of inactivity
   */
  setExpiry(value: SessionExpiry): void {
    if (value === null) {
      const data = this.#session();
      if (hasKey(data, EXPIRY_KEY)) {
        delete data[EXPIRY_KEY];
        this.modified = true;
      }
      return;
    }
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) throw new TypeError('setExpiry() got an invalid Date.');
      this.set(EXPIRY_KEY, pythonIsoformat(value));
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(
        `setExpiry() takes seconds (a number), a Date, 0 (browser close) or null (the default), got ${String(value)}.`,
      );
    }
    this.set(EXPIRY_KEY, value);
  }

  /**
   * Seconds until the session expires (Django's `get_expiry_age()`).
   *
   * @example
   * request.session.getExpiryAge(); // 1209600
   */
  getExpiryAge(options: ExpiryOptions = {}): number {
    const expiry = 'expiry' in options ? options.expiry : this.get(EXPIRY_KEY);
    if (!expiry) return this.#cookieAge;
    const date = expiryDate(expiry);
    if (date === null) return typeof expiry === 'number' ? expiry : this.#cookieAge;
    const modification = options.modification ?? new Date();
    // timedelta's days * 86400 + seconds: whole seconds, rounded down.
    return Math.floor((date.getTime() - modification.getTime()) / 1000);
  }

  /**
   * When the session expires (Django's `get_expiry_date()`).
   *
   * @example
   * request.session.getExpiryDate().toISOString();
   */
  getExpiryDate(options: ExpiryOptions = {}): Date {
    const expiry = 'expiry' in options ? options.expiry : this.get(EXPIRY_KEY);
    const date = expiry ? expiryDate(expiry) : null;
    if (date !== null) return date;
    const seconds = typeof expiry === 'number' && expiry !== 0 ? expiry : this.#cookieAge;
    // The clock as a number when no moment is given: one Date, not two (save() asks on every
    // write of a session).
    return new Date((options.modification?.getTime() ?? Date.now()) + seconds * 1000);
  }

  /**
   * Whether the session ends when the browser closes: its own `setExpiry(0)`, else
   * `sessionExpireAtBrowserClose`.
   *
   * @example
   * request.session.getExpireAtBrowserClose(); // false
   */
  getExpireAtBrowserClose(): boolean {
    const expiry = this.get(EXPIRY_KEY);
    if (expiry == null) return this.#expireAtBrowserClose;
    return expiry === 0;
  }

  /**
   * Remove expired sessions from the store (what `reins clearsessions` runs).
   *
   * @example
   * await request.session.clearExpired();
   */
  clearExpired(): MaybePromise<void> {
    return this.#settle(
      'clearExpired',
      this.#call('clearExpired', () => this.#store.clearExpired()),
    );
  }

  /**
   * Save the data to the store (a new key when it has none) and delete the keys `flush()` and
   * `cycleKey()` left behind. `SessionMiddleware` calls it; call it yourself only outside a request.
   *
   * @throws {SessionInterrupted} when the session was deleted meanwhile (a 400, as in Django).
   * @throws {SessionStoreError} when the store fails (naming it).
   * @example
   * await session.save();
   */
  save(): MaybePromise<void> {
    if (this.#data === undefined) {
      const loading = this.load();
      if (isThenable(loading)) return Promise.resolve(loading).then(() => this.save());
    }
    const data = this.#data!;
    const expiry = this.get<SessionExpiry | string>(EXPIRY_KEY);
    // One moment for both when the session has its own expiry; without one (most sessions) the
    // age is the cookie age and the date reads the clock itself, so no Date is made for it.
    const options: ExpiryOptions = expiry ? { modification: new Date(), expiry } : { expiry };
    const expireDate = this.getExpiryDate(options);
    const expiryAge = this.getExpiryAge(options);
    const key = this.#key;
    let saved: MaybePromise<string>;
    try {
      saved = this.#store.save(key, data, { expireDate, expiryAge, mustCreate: key === null });
    } catch (error) {
      throw this.#saveError(error);
    }
    if (isThenable<string>(saved)) {
      return Promise.resolve(saved).then(
        (newKey) => this.#saved(newKey),
        (error: unknown) => {
          throw this.#saveError(error);
        },
      );
    }
    return this.#saved(saved);
  }

  #saved(newKey: string): MaybePromise<void> {
    this.#key = newKey;
    this.#cycled = false;
    return this.deleteStaleKeys();
  }

  /**
   * Delete from the store the keys `flush()` and `cycleKey()` replaced; `SessionMiddleware`
   * calls it on every response (a logout must reach the store even on an error page).
   *
   * @example
   * await session.deleteStaleKeys();
   */
  deleteStaleKeys(): MaybePromise<void> {
    const keys = this.#staleKeys;
    if (keys === undefined) return;
    this.#staleKeys = undefined;
    let pending: Promise<void> | undefined;
    for (const key of keys) {
      const result = this.#call('delete', () => this.#store.delete(key));
      if (isThenable(result)) {
        const settled = this.#settle('delete', result) as Promise<void>;
        pending = pending === undefined ? settled : pending.then(() => settled);
      }
    }
    return pending;
  }

  /** Whether `flush()` or `cycleKey()` left keys to delete from the store. */
  get hasStaleKeys(): boolean {
    return this.#staleKeys !== undefined;
  }

  // A store call that throws synchronously becomes a SessionStoreError naming the store.
  #call<T>(action: string, run: () => MaybePromise<T>): MaybePromise<T> {
    try {
      return run();
    } catch (error) {
      throw action === 'save' ? this.#saveError(error) : this.#storeError(action, error);
    }
  }

  #settle(action: string, result: MaybePromise<void>): MaybePromise<void> {
    if (!isThenable(result)) return;
    return Promise.resolve(result).then(
      () => undefined,
      (error: unknown) => {
        throw this.#storeError(action, error);
      },
    );
  }

  #storeError(action: string, error: unknown): Error {
    if (SessionStoreError.isInstance(error)) return error;
    return new SessionStoreError(this.#store.name, action, error);
  }

  #saveError(error: unknown): Error {
    if (UpdateError.isInstance(error)) return new SessionInterrupted({ cause: error });
    return this.#storeError('save', error);
  }
}

// Django's _validate_session_key: at least 8 characters, else a new session.
function validKey(key: string | null | undefined): string | null {
  return typeof key === 'string' && key.length >= 8 ? key : null;
}

function expiryDate(expiry: unknown): Date | null {
  if (expiry instanceof Date) return expiry;
  if (typeof expiry !== 'string') return null;
  const time = Date.parse(expiry);
  return Number.isNaN(time) ? null : new Date(time);
}

function missingKey(key: string): KeyError {
  return new KeyError(
    key,
    `The session has no key '${key}'. Check with has('${key}') first, or use get('${key}') or pop('${key}', fallback) to get a fallback instead of an error.`,
  );
}
