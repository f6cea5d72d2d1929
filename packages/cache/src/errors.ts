/**
 * The cache framework's errors: Django's `InvalidCacheBackendError`, plus reins' own for values
 * too large to store, a backend that cannot be reached, and `incr` on a missing key.
 *
 * @module
 */
import { brandClass, defineBrand, ImproperlyConfigured, ReinsError } from '@reins/core';

/**
 * A cache alias or backend that does not exist (Django's `InvalidCacheBackendError`).
 *
 * @example
 * caches.get('missing'); // throws InvalidCacheBackendError
 */
export class InvalidCacheBackendError extends ImproperlyConfigured {
  static override readonly brand: symbol = defineBrand('InvalidCacheBackendError');
}
brandClass(InvalidCacheBackendError);

/**
 * A value whose serialised form is larger than the cache's `maxValueBytes`.
 *
 * @example
 * await cache.set('big', hugeString); // throws CacheValueTooLarge
 */
export class CacheValueTooLarge extends ReinsError {
  static override readonly brand: symbol = defineBrand('CacheValueTooLarge');
  override readonly code: string = 'cache.value_too_large';
}
brandClass(CacheValueTooLarge);

/**
 * The backend did not answer (server down, timeout): the message names the cache alias and where
 * it points, so the 500 it becomes says which server to look at.
 *
 * @example
 * if (CacheBackendUnavailable.isInstance(error)) logger.warn(error.message);
 */
export class CacheBackendUnavailable extends ReinsError {
  static override readonly brand: symbol = defineBrand('CacheBackendUnavailable');
  override readonly code: string = 'cache.backend_unavailable';
}
brandClass(CacheBackendUnavailable);

/**
 * `incr`/`decr`/`incrVersion` on a key that is not in the cache (Django raises `ValueError`).
 *
 * @example
 * await cache.incr('missing'); // throws CacheKeyNotFound: Key 'missing' not found
 */
export class CacheKeyNotFound extends ReinsError {
  static override readonly brand: symbol = defineBrand('CacheKeyNotFound');
  override readonly code: string = 'cache.key_not_found';
}
brandClass(CacheKeyNotFound);
