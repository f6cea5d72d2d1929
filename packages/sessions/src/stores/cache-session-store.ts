/**
 * The cache session store (Django's `django.contrib.sessions.backends.cache`): each session is a
 * cache entry under `'django.contrib.sessions.cache' + key`, holding the session's data, with the
 * session's expiry as the cache timeout.
 *
 * @module
 */
import { ImproperlyConfigured } from '@reins/core';
import { generateSessionKey } from '../generate-session-key.js';
import type { SessionData, SessionSaveOptions, SessionStore } from '../session-store.js';
import { UpdateError } from '../session-store.js';
import { isPlausibleSessionKey, MAX_CREATE_ATTEMPTS } from './internal/session-key.js';
import { guarded, storeError } from './internal/store-error.js';
import { isSessionCache, type SessionCache } from './session-cache.js';

/** Django's `KEY_PREFIX` of the cache backend. */
const KEY_PREFIX = 'django.contrib.sessions.cache';

/**
 * Options of {@link CacheSessionStore}.
 *
 * @example
 * const options: CacheSessionStoreOptions = { cache: caches.get('default') };
 */
export interface CacheSessionStoreOptions {
  /** Where sessions live (`SESSION_CACHE_ALIAS`'s cache): a `@reins/cache` cache, or any {@link SessionCache}. */
  cache: SessionCache;
}

/** A value read from a cache: a session's data, or nothing (a miss, or a foreign value). */
export function asSessionData(value: unknown): SessionData | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SessionData)
    : null;
}

/** Django's cache_key: the prefix, then the session key. */
export function sessionCacheKey(prefix: string, sessionKey: string): string {
  return prefix + sessionKey;
}

export function checkCache(cache: unknown, store: string): SessionCache {
  if (!isSessionCache(cache)) {
    throw new ImproperlyConfigured(
      `The ${store} needs { cache }: a cache with get, set, add and delete, such as caches.get('default') from @reins/cache.`,
      { setting: 'sessionStore' },
    );
  }
  return cache;
}

/**
 * Sessions in a cache, as Django's `cache` backend keeps them: fast, and lost when the cache
 * evicts or restarts (use {@link CachedDbSessionStore} to keep them). A cache that fails on read
 * is an empty session (Django swallows the error there); a failed write throws, naming the store.
 *
 * @example
 * sessionStore: new CacheSessionStore({ cache: caches.get('default') });
 */
export class CacheSessionStore implements SessionStore {
  readonly name: string = 'cache session store';
  readonly sync = false;
  readonly #cache: SessionCache;

  constructor(options: CacheSessionStoreOptions) {
    this.#cache = checkCache(options?.cache, this.name);
  }

  async load(sessionKey: string): Promise<SessionData | null> {
    if (!isPlausibleSessionKey(sessionKey)) return null;
    try {
      return asSessionData(await this.#cache.get(sessionCacheKey(KEY_PREFIX, sessionKey)));
    } catch {
      // Django's cache backend: `except Exception: session_data = None`.
      return null;
    }
  }

  async save(
    sessionKey: string | null,
    data: SessionData,
    options: SessionSaveOptions,
  ): Promise<string> {
    const timeout = options.expiryAge;
    if (!options.mustCreate && sessionKey !== null) {
      if (!isPlausibleSessionKey(sessionKey)) throw new UpdateError(this.name, sessionKey);
      const key = sessionCacheKey(KEY_PREFIX, sessionKey);
      // Django: set only over a session still there, else UpdateError (a logout meanwhile).
      const present = asSessionData(
        await guarded(this.name, 'look up', () => this.#cache.get(key)),
      );
      if (present === null) throw new UpdateError(this.name, sessionKey);
      await guarded(this.name, 'save', () => this.#cache.set(key, data, timeout));
      return sessionKey;
    }
    let candidate = isPlausibleSessionKey(sessionKey) ? sessionKey : generateSessionKey();
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const key = sessionCacheKey(KEY_PREFIX, candidate);
      if (await guarded(this.name, 'create', () => this.#cache.add(key, data, timeout)))
        return candidate;
      candidate = generateSessionKey();
    }
    throw storeError(
      this.name,
      'create',
      new Error('every fresh key was taken'),
      `The ${this.name} found ${MAX_CREATE_ATTEMPTS} fresh session keys in a row already taken.`,
    );
  }

  async exists(sessionKey: string): Promise<boolean> {
    if (!isPlausibleSessionKey(sessionKey)) return false;
    const value = await guarded(this.name, 'look up', () =>
      this.#cache.get(sessionCacheKey(KEY_PREFIX, sessionKey)),
    );
    return asSessionData(value) !== null;
  }

  async delete(sessionKey: string): Promise<void> {
    if (!isPlausibleSessionKey(sessionKey)) return;
    await guarded(this.name, 'delete', () =>
      this.#cache.delete(sessionCacheKey(KEY_PREFIX, sessionKey)),
    );
  }

  /** The cache expires sessions by their timeout: nothing to clear (as Django). */
  clearExpired(): void {}
}
