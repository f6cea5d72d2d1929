/**
 * {@link SessionCache}: the part of a cache the cache-backed session stores use, declared here
 * rather than imported — `@reins/sessions` sits below `@reins/cache` in the layer table, and any
 * object of this shape works (a `@reins/cache` cache, from `caches.get('sessions')`, plugs in).
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';

/**
 * Django's cache API as the `cache` and `cached_db` session backends use it: timeouts in
 * seconds, `0` or less expiring at once, `null` never; a miss is `null` (or `undefined`).
 *
 * @example
 * const cache: SessionCache = caches.get('default'); // a @reins/cache cache
 */
export interface SessionCache {
  /** The value under `key`, or `null` when missing or expired. */
  get(key: string): MaybePromise<unknown>;
  /** Store `value` under `key` for `timeout` seconds. */
  set(key: string, value: unknown, timeout?: number | null): MaybePromise<unknown>;
  /** Store `value` only when `key` is missing; `true` when stored. */
  add(key: string, value: unknown, timeout?: number | null): MaybePromise<boolean>;
  /** Remove `key`. */
  delete(key: string): MaybePromise<unknown>;
}

/** Whether `value` has the shape of a {@link SessionCache}. */
export function isSessionCache(value: unknown): value is SessionCache {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['get', 'set', 'add', 'delete'].every(
      (method) => typeof (value as Record<string, unknown>)[method] === 'function',
    )
  );
}
