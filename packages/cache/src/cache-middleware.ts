/**
 * Django's per-site cache: {@link UpdateCacheMiddleware} (first in the list, so it sees the
 * response last), {@link FetchFromCacheMiddleware} (last, so it answers before anything else
 * runs) and {@link CacheMiddleware} (both, as `cachePage` uses). Only what Django caches is
 * cached: GET and HEAD, status 200 (304 gets the headers only), not streaming, no `private`, no
 * cookies on a response that varies on Cookie; the key comes from the absolute URL, the method and
 * the request headers the response's `Vary` names. A cache that fails is logged once per outage
 * and the page is computed as if uncached.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';
import { HttpResponse, type HttpRequest, type HttpResponseBase } from '@reins/http';
import { defineMiddleware, type Middleware, type MiddlewareSettings } from '@reins/middleware';
import type { BaseCache } from './base-cache.js';
import { getCacheKey, learnCacheKey, NOT_LEARNT, readPageSync } from './cache-key.js';
import { caches, DEFAULT_CACHE_ALIAS } from './caches.js';
import { isStoredResponse, restoreResponse, storeResponse } from './internal/cached-response.js';
import { hasSync } from './internal/sync-cache.js';
import {
  cacheFailed,
  cacheWorked,
  consoleCacheLogger,
  type CacheLogger,
} from './internal/outage-log.js';
import { getMaxAge } from './patch-cache-control.js';
import { hasVaryHeader } from './patch-vary-headers.js';
import {
  DEFAULT_CACHE_MIDDLEWARE_SECONDS,
  patchResponseHeaders,
} from './patch-response-headers.js';

const UPDATE_CACHE = Symbol.for('reins.cache.updateCache');

/**
 * Options of the cache middleware (Django's `CACHE_MIDDLEWARE_*` settings in camelCase); the same
 * names in the project settings are read when an option is not given.
 *
 * @example
 * const options: CacheMiddlewareOptions = { cacheMiddlewareSeconds: 60, cacheMiddlewareKeyPrefix: 'site1' };
 */
export interface CacheMiddlewareOptions {
  /** `CACHE_MIDDLEWARE_SECONDS`: timeout when the response has no max-age; default 600. */
  cacheMiddlewareSeconds?: number;
  /** `CACHE_MIDDLEWARE_KEY_PREFIX`; default `''`. */
  cacheMiddlewareKeyPrefix?: string;
  /** `CACHE_MIDDLEWARE_ALIAS`; default `'default'`. */
  cacheMiddlewareAlias?: string;
  /** `cache_page`'s timeout: wins over the response's max-age. */
  pageTimeout?: number | null;
  /** Where the once-per-outage warning goes; default stderr. `@reins/server`'s logger fits. */
  logger?: CacheLogger;
}

interface Resolved {
  cacheTimeout: number;
  keyPrefix: string;
  alias: string;
  pageTimeout: number | null;
  logger: CacheLogger;
}

function resolve(options: CacheMiddlewareOptions, settings: MiddlewareSettings): Resolved {
  const pick = <T>(name: keyof CacheMiddlewareOptions, fallback: T): T =>
    (options[name] ?? (settings[name] as T | undefined) ?? fallback) as T;
  return {
    cacheTimeout: pick('cacheMiddlewareSeconds', DEFAULT_CACHE_MIDDLEWARE_SECONDS),
    keyPrefix: pick('cacheMiddlewareKeyPrefix', ''),
    alias: pick('cacheMiddlewareAlias', DEFAULT_CACHE_ALIAS),
    pageTimeout: options.pageTimeout ?? null,
    logger: options.logger ?? (settings['logger'] as CacheLogger | undefined) ?? consoleCacheLogger,
  };
}

/**
 * @internal Django's `FetchFromCacheMiddleware.process_request`: the cached response, or null —
 * without a promise when the cache can answer at once (a memory hit then costs no microtask hop;
 * measured: the two awaits were a third of a hit's CPU).
 */
export function lookUpPage(
  request: HttpRequest,
  cache: BaseCache,
  keyPrefix: string,
  logger: CacheLogger,
): MaybePromise<HttpResponseBase | null> {
  const method = request.method;
  if (method !== 'GET' && method !== 'HEAD') {
    (request as unknown as Record<symbol, boolean>)[UPDATE_CACHE] = false;
    return null;
  }
  if (!hasSync(cache)) return lookUpAsync(request, cache, keyPrefix, logger, method);
  let stored: unknown;
  try {
    // One clock reading for the request's reads (see READ_MADE).
    const now = Date.now();
    stored = readPageSync(request, keyPrefix, 'GET', cache, now);
    if (stored === null && method === 'HEAD') {
      stored = readPageSync(request, keyPrefix, 'HEAD', cache, now);
    }
    if (stored === NOT_LEARNT) stored = null;
    cacheWorked(cache);
  } catch (error) {
    cacheFailed(cache, error, logger);
    stored = null;
  }
  return answer(request, stored);
}

async function lookUpAsync(
  request: HttpRequest,
  cache: BaseCache,
  keyPrefix: string,
  logger: CacheLogger,
  method: string,
): Promise<HttpResponseBase | null> {
  let stored: unknown = null;
  try {
    const key = await getCacheKey(request, { keyPrefix, method: 'GET', cache });
    if (key !== null) {
      stored = await cache.get(key);
      if (stored === null && method === 'HEAD') {
        const headKey = await getCacheKey(request, { keyPrefix, method: 'HEAD', cache });
        stored = headKey === null ? null : await cache.get(headKey);
      }
    }
    cacheWorked(cache);
  } catch (error) {
    cacheFailed(cache, error, logger);
    stored = null;
  }
  return answer(request, stored);
}

function answer(request: HttpRequest, stored: unknown): HttpResponseBase | null {
  const marks = request as unknown as Record<symbol, boolean | undefined>;
  if (isStoredResponse(stored)) {
    // Django sets the flag to False on a hit; unset already reads as False (only `true` stores),
    // and adding it would give every request served from the cache a shape of its own.
    if (marks[UPDATE_CACHE] !== undefined) marks[UPDATE_CACHE] = false;
    return restoreResponse(stored);
  }
  // A miss (or a failed cache) lets UpdateCacheMiddleware store the page this request computes.
  marks[UPDATE_CACHE] = true;
  return null;
}

interface Renderable {
  isRendered?: boolean;
  render?: unknown;
  addPostRenderCallback?: (callback: (response: HttpResponseBase) => unknown) => void;
}

/** Django's `UpdateCacheMiddleware.process_response`. */
export async function updateCache(
  request: HttpRequest,
  response: HttpResponseBase,
  cache: BaseCache,
  { cacheTimeout, keyPrefix, pageTimeout, logger }: Omit<Resolved, 'alias'>,
): Promise<HttpResponseBase> {
  if ((request as unknown as Record<symbol, boolean>)[UPDATE_CACHE] !== true) return response;
  if (response.streaming || (response.status !== 200 && response.status !== 304)) return response;
  if (response.hasCookies && hasVaryHeader(response, 'Cookie')) return response;
  // Django tests for the substring, so `no-private-thing` counts too.
  if ((response.headers.get('Cache-Control') ?? '').includes('private')) return response;
  let timeout = pageTimeout;
  if (timeout === null) {
    const maxAge = getMaxAge(response);
    if (maxAge === null) timeout = cacheTimeout;
    else if (maxAge === 0) return response;
    else timeout = maxAge;
  }
  patchResponseHeaders(response, timeout);
  if (timeout && response.status === 200) {
    const store = async (rendered: HttpResponseBase): Promise<void> => {
      try {
        const key = await learnCacheKey(request, rendered, {
          cacheTimeout: timeout,
          keyPrefix,
          cache,
        });
        if (rendered instanceof HttpResponse || HttpResponse.isInstance(rendered)) {
          await cache.set(key, storeResponse(rendered as HttpResponse), timeout);
        }
        cacheWorked(cache);
      } catch (error) {
        cacheFailed(cache, error, logger);
      }
    };
    const renderable = response as unknown as Renderable;
    if (
      typeof renderable.render === 'function' &&
      renderable.isRendered === false &&
      typeof renderable.addPostRenderCallback === 'function'
    ) {
      // TemplateResponse awaits its callbacks: the page is stored before it is sent.
      renderable.addPostRenderCallback((rendered) => store(rendered));
    } else {
      await store(response);
    }
  }
  return response;
}

/**
 * Django's `UpdateCacheMiddleware` with options: put it first in `middleware`.
 *
 * @example
 * createApp({ middleware: [updateCacheMiddleware({ cacheMiddlewareSeconds: 60 }), ..., FetchFromCacheMiddleware] });
 */
export function updateCacheMiddleware(options: CacheMiddlewareOptions = {}): Middleware {
  return defineMiddleware((settings) => {
    const resolved = resolve(options, settings);
    const cache = caches.get(resolved.alias);
    return {
      processResponse: (request, response) => updateCache(request, response, cache, resolved),
    };
  });
}

/**
 * Django's `FetchFromCacheMiddleware` with options: put it last in `middleware`.
 *
 * @example
 * createApp({ middleware: [UpdateCacheMiddleware, ..., fetchFromCacheMiddleware({ cacheMiddlewareKeyPrefix: 'site1' })] });
 */
export function fetchFromCacheMiddleware(options: CacheMiddlewareOptions = {}): Middleware {
  return defineMiddleware((settings) => {
    const { keyPrefix, alias, logger } = resolve(options, settings);
    const cache = caches.get(alias);
    return { processRequest: (request) => lookUpPage(request, cache, keyPrefix, logger) };
  });
}

/**
 * Django's `CacheMiddleware`: fetch and update in one layer (what `cachePage` runs around a view).
 *
 * @example
 * createApp({ middleware: [cacheMiddleware({ cacheMiddlewareSeconds: 60 })] });
 */
export function cacheMiddleware(options: CacheMiddlewareOptions = {}): Middleware {
  return defineMiddleware((settings) => {
    const resolved = resolve(options, settings);
    const cache = caches.get(resolved.alias);
    return {
      processRequest: (request) => lookUpPage(request, cache, resolved.keyPrefix, resolved.logger),
      processResponse: (request, response) => updateCache(request, response, cache, resolved),
    };
  });
}

type Configurable = Middleware & { with(options?: CacheMiddlewareOptions): Middleware };

function configurable(
  factory: (options?: CacheMiddlewareOptions) => Middleware,
  name: string,
): Configurable {
  const named = ((getResponse, settings) => factory()(getResponse, settings)) as Configurable;
  Object.defineProperty(named, 'name', { value: name });
  named.with = factory;
  return named;
}

/**
 * Django's `UpdateCacheMiddleware`, reading `cacheMiddleware*` from the project settings.
 *
 * @example
 * createApp({ middleware: [UpdateCacheMiddleware, CommonMiddleware, FetchFromCacheMiddleware] });
 */
export const UpdateCacheMiddleware = configurable(updateCacheMiddleware, 'UpdateCacheMiddleware');
/**
 * Django's `FetchFromCacheMiddleware`, reading `cacheMiddleware*` from the project settings.
 *
 * @example
 * createApp({ middleware: [UpdateCacheMiddleware, CommonMiddleware, FetchFromCacheMiddleware] });
 */
export const FetchFromCacheMiddleware = configurable(
  fetchFromCacheMiddleware,
  'FetchFromCacheMiddleware',
);
/**
 * Django's `CacheMiddleware`, reading `cacheMiddleware*` from the project settings.
 *
 * @example
 * createApp({ middleware: [CacheMiddleware] });
 */
export const CacheMiddleware = configurable(cacheMiddleware, 'CacheMiddleware');
