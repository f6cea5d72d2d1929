/**
 * The cached-database session store (Django's `django.contrib.sessions.backends.cached_db`):
 * every write goes to the database and to the cache (under
 * `'django.contrib.sessions.cached_db' + key`), reads come from the cache and fall back to the
 * database, which repopulates the cache.
 *
 * @module
 */
import { ImproperlyConfigured, type MaybePromise } from '@reins/core';
import type { SessionData, SessionSaveOptions, SessionStore } from '../session-store.js';
import { asSessionData, checkCache, sessionCacheKey } from './cache-session-store.js';
import { isPlausibleSessionKey } from './internal/session-key.js';
import { guarded } from './internal/store-error.js';
import type { SessionCache } from './session-cache.js';

/** Django's `KEY_PREFIX` of the cached_db backend. */
const KEY_PREFIX = 'django.contrib.sessions.cached_db';

/**
 * A database store that can also say when a session expires (the {@link DatabaseSessionStore}
 * does), so a session read from the database is cached for the rest of its life, as Django.
 */
export interface SessionStoreWithExpiry extends SessionStore {
  loadWithExpiry?(sessionKey: string): MaybePromise<{ data: SessionData; expireDate: Date } | null>;
}

/**
 * Options of {@link CachedDbSessionStore}.
 *
 * @example
 * const options: CachedDbSessionStoreOptions = { cache: caches.get('default'), db: new DatabaseSessionStore({ secretKey }) };
 */
export interface CachedDbSessionStoreOptions {
  /** The cache in front (`SESSION_CACHE_ALIAS`'s): a `@reins/cache` cache, or any {@link SessionCache}. */
  cache: SessionCache;
  /** The database store behind it, normally a `DatabaseSessionStore`; `close()` closes it. */
  db: SessionStoreWithExpiry;
}

/**
 * Sessions in the database, read through a cache: as durable as the database store, and a
 * cache hit costs no query. A cache that fails on read falls back to the database (as Django).
 *
 * @example
 * sessionStore: new CachedDbSessionStore({ cache: caches.get('default'), db: new DatabaseSessionStore({ secretKey, postgres: url }) });
 */
export class CachedDbSessionStore implements SessionStore {
  readonly name: string;
  readonly sync = false;
  readonly #cache: SessionCache;
  readonly #db: SessionStoreWithExpiry;

  constructor(options: CachedDbSessionStoreOptions) {
    const db = options?.db;
    if (typeof db !== 'object' || db === null || typeof db.load !== 'function') {
      throw new ImproperlyConfigured(
        `The cached-db session store needs { db }: the database session store behind the cache, such as new DatabaseSessionStore({ secretKey }).`,
        { setting: 'sessionStore' },
      );
    }
    this.#db = db;
    this.name = `cached-db session store (over the ${db.name})`;
    this.#cache = checkCache(options.cache, this.name);
  }

  async load(sessionKey: string): Promise<SessionData | null> {
    if (!isPlausibleSessionKey(sessionKey)) return null;
    const key = sessionCacheKey(KEY_PREFIX, sessionKey);
    let cached: SessionData | null = null;
    try {
      cached = asSessionData(await this.#cache.get(key));
    } catch {
      // Django's cached_db backend: a failing cache is a miss; the database answers.
    }
    if (cached !== null) return cached;
    if (this.#db.loadWithExpiry === undefined) return this.#db.load(sessionKey);
    const row = await this.#db.loadWithExpiry(sessionKey);
    if (row === null) return null;
    const timeout = Math.floor((row.expireDate.getTime() - Date.now()) / 1000);
    try {
      await this.#cache.set(key, row.data, timeout);
    } catch {
      // The database answered: a cache that cannot take the copy costs a query next time, not
      // the request (Django lets this error through).
    }
    return row.data;
  }

  async save(
    sessionKey: string | null,
    data: SessionData,
    options: SessionSaveOptions,
  ): Promise<string> {
    const saved = await this.#db.save(sessionKey, data, options);
    await guarded(this.name, 'copy into the cache', () =>
      this.#cache.set(sessionCacheKey(KEY_PREFIX, saved), data, options.expiryAge),
    );
    return saved;
  }

  async exists(sessionKey: string): Promise<boolean> {
    if (!isPlausibleSessionKey(sessionKey)) return false;
    let cached: SessionData | null = null;
    try {
      cached = asSessionData(await this.#cache.get(sessionCacheKey(KEY_PREFIX, sessionKey)));
    } catch {
      // As on load: the database answers.
    }
    return cached !== null || (await this.#db.exists(sessionKey));
  }

  async delete(sessionKey: string): Promise<void> {
    await this.#db.delete(sessionKey);
    if (!isPlausibleSessionKey(sessionKey)) return;
    await guarded(this.name, 'remove from the cache', () =>
      this.#cache.delete(sessionCacheKey(KEY_PREFIX, sessionKey)),
    );
  }

  clearExpired(): MaybePromise<void> {
    return this.#db.clearExpired();
  }

  close(): MaybePromise<void> {
    return this.#db.close?.();
  }
}
