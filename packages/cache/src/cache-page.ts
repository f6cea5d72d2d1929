/**
 * Django's `cache_page`: the {@link cacheMiddleware} run around one view, with the timeout given
 * here winning over the response's `max-age`.
 *
 * @module
 */
import { isThenable, wrapView, type MaybePromise } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type { BaseCache } from './base-cache.js';
import { lookUpPage, updateCache } from './cache-middleware.js';
import { caches, DEFAULT_CACHE_ALIAS } from './caches.js';
import { consoleCacheLogger, type CacheLogger } from './internal/outage-log.js';

/**
 * Options of {@link cachePage} (Django's `cache` and `key_prefix` arguments).
 *
 * @example
 * const options: CachePageOptions = { cache: 'pages', keyPrefix: 'v2' };
 */
export interface CachePageOptions {
  /** The cache alias; default `'default'`. */
  cache?: string;
  /** Key prefix; default `''`. */
  keyPrefix?: string;
  /** Where the once-per-outage warning goes; default stderr. */
  logger?: CacheLogger;
}

// The view's arguments and markers; its response comes at once on a hit in a cache that answers
// synchronously (local memory), else as a promise, whatever the view returned.
type CachedView<View extends (...args: never[]) => unknown> = ((
  ...args: Parameters<View>
) => MaybePromise<Awaited<ReturnType<View>>>) & { [K in keyof View]: View[K] };

/**
 * Cache this view's responses for `timeout` seconds (Django's `@cache_page`). The view may be
 * sync or async; the wrapped one answers a hit in the local-memory cache synchronously (as
 * Django's does) and everything else with a promise: `await` its result.
 *
 * @example
 * path('articles/', cachePage(60)(articleList), { name: 'article_list' });
 */
export function cachePage(
  timeout: number,
  options: CachePageOptions = {},
): <View extends (...args: never[]) => unknown>(view: View) => CachedView<View> {
  const keyPrefix = options.keyPrefix ?? '';
  const alias = options.cache ?? DEFAULT_CACHE_ALIAS;
  const logger = options.logger ?? consoleCacheLogger;
  let cache: BaseCache | undefined;
  const settings: PageSettings = { cacheTimeout: timeout, keyPrefix, pageTimeout: timeout, logger };
  return <View extends (...args: never[]) => unknown>(view: View) =>
    wrapView(view, {}, (call, args) => {
      // Resolved on the first request, so caches may be configured after the URLconf is built.
      const pages = (cache ??= caches.get(alias));
      const request = args[0] as HttpRequest;
      const cached = lookUpPage(request, pages, keyPrefix, logger);
      if (isThenable(cached)) {
        return cached.then((found) => found ?? compute(call, request, pages, settings));
      }
      // A memory hit goes back as is: wrapped in a promise, it cost the server three promise
      // reactions per hit (measured in process: 0.25 µs of a 1.05 µs hit).
      return cached ?? compute(call, request, pages, settings);
    }) as unknown as CachedView<View>;
}

type PageSettings = Parameters<typeof updateCache>[3];

// Only on a miss: a closure made per request cost a hit an allocation it never used.
async function compute(
  call: () => unknown,
  request: HttpRequest,
  cache: BaseCache,
  settings: PageSettings,
): Promise<HttpResponseBase> {
  const result = call();
  const response = (isThenable(result) ? await result : result) as HttpResponseBase;
  return updateCache(request, response, cache, settings);
}
