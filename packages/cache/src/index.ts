/**
 * @reins/cache — Django's cache framework for reins: local-memory, Redis, database and dummy
 * backends behind `caches`, per-view (`cachePage`) and per-site (cache middleware) caching, the
 * `patch*` header helpers and `{% cache %}`.
 *
 * @example
 * import { cache, cachePage, configureCaches } from '@reins/cache';
 * configureCaches({ default: { backend: 'locmem' } });
 * await cache.set('greeting', 'hello', 60);
 * path('articles/', cachePage(60)(articleList));
 *
 * @module
 */
export type { BaseCacheOptions, KeyFunction, Timeout } from './base-cache.js';
export { BaseCache, defaultKeyFunction } from './base-cache.js';
export type {
  CacheTableRow,
  CreateCacheTableResult,
  DatabaseCacheOptions,
} from './backends/database-cache.js';
export { createCacheTable, DatabaseCache } from './backends/database-cache.js';
export { DummyCache } from './backends/dummy-cache.js';
export type { LocMemCacheOptions } from './backends/locmem-cache.js';
export { LocMemCache } from './backends/locmem-cache.js';
export type { RedisCacheOptions } from './backends/redis-cache.js';
export { RedisCache } from './backends/redis-cache.js';
export type { CacheConfig, CachesConfig } from './caches.js';
export {
  caches,
  closeCaches,
  configureCaches,
  createCacheTables,
  DEFAULT_CACHE_ALIAS,
} from './caches.js';
export { cache } from './default-cache.js';
export type { CacheKeyOptions } from './cache-key.js';
export { getCacheKey, learnCacheKey } from './cache-key.js';
export type { CacheMiddlewareOptions } from './cache-middleware.js';
export {
  CacheMiddleware,
  cacheMiddleware,
  FetchFromCacheMiddleware,
  fetchFromCacheMiddleware,
  UpdateCacheMiddleware,
  updateCacheMiddleware,
} from './cache-middleware.js';
export type { CachePageOptions } from './cache-page.js';
export { cachePage } from './cache-page.js';
export { cacheLibrary } from './cache-tag.js';
export {
  CacheBackendUnavailable,
  CacheKeyNotFound,
  CacheValueTooLarge,
  InvalidCacheBackendError,
} from './errors.js';
export { checkCacheKey, MEMCACHE_MAX_KEY_LENGTH, memcacheKeyWarnings } from './key-warnings.js';
export { makeTemplateFragmentKey } from './make-template-fragment-key.js';
export type { CacheControlDirectives } from './patch-cache-control.js';
export { getMaxAge, patchCacheControl } from './patch-cache-control.js';
export { addNeverCacheHeaders, patchResponseHeaders } from './patch-response-headers.js';
export { hasVaryHeader, patchVaryHeaders } from './patch-vary-headers.js';
export { cacheControl, neverCache, varyOnCookie, varyOnHeaders } from './view-decorators.js';
