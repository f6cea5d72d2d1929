/**
 * Django's `from django.core.cache import cache`: the `default` alias, looked up on each use so it
 * follows `configureCaches`.
 *
 * @module
 */
import type { BaseCache } from './base-cache.js';
import { caches } from './caches.js';

/**
 * The `default` cache.
 *
 * @example
 * import { cache } from '@reins/cache';
 * await cache.set('greeting', 'hello', 60);
 */
export const cache: BaseCache = new Proxy({} as BaseCache, {
  get(_target, property) {
    const target = caches.get();
    const value = Reflect.get(target, property, target) as unknown;
    return typeof value === 'function'
      ? (value as (...args: unknown[]) => unknown).bind(target)
      : value;
  },
});
