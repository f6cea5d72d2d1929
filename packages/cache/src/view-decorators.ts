/**
 * Django's header decorators: `never_cache`, `cache_control`, `vary_on_headers`,
 * `vary_on_cookie`. Each keeps a sync view sync.
 *
 * @module
 */
import { andThen, wrapView, type MaybePromise } from '@reins/core';
import type { HttpResponseBase } from '@reins/http';
import { patchCacheControl, type CacheControlDirectives } from './patch-cache-control.js';
import { addNeverCacheHeaders } from './patch-response-headers.js';
import { patchVaryHeaders } from './patch-vary-headers.js';

type AnyView = (...args: never[]) => unknown;

function afterView<View extends AnyView>(
  view: View,
  patch: (response: HttpResponseBase) => void,
): View {
  return wrapView(view, {}, (call) =>
    andThen(call() as MaybePromise<HttpResponseBase>, (response) => {
      patch(response);
      return response;
    }),
  );
}

/**
 * Send headers that stop every cache from keeping this view's responses (Django's `@never_cache`).
 *
 * @example
 * path('account/', neverCache(account));
 */
export function neverCache<View extends AnyView>(view: View): View {
  return afterView(view, addNeverCacheHeaders);
}

/**
 * Patch `Cache-Control` on this view's responses (Django's `@cache_control(**kwargs)`).
 *
 * @example
 * path('feed/', cacheControl({ maxAge: 3600, public: true })(feed));
 */
export function cacheControl(
  directives: CacheControlDirectives,
): <View extends AnyView>(view: View) => View {
  return (view) => afterView(view, (response) => patchCacheControl(response, directives));
}

/**
 * Add header names to `Vary` on this view's responses (Django's `@vary_on_headers`).
 *
 * @example
 * path('', varyOnHeaders('User-Agent')(home));
 */
export function varyOnHeaders(...headers: string[]): <View extends AnyView>(view: View) => View {
  return (view) => afterView(view, (response) => patchVaryHeaders(response, headers));
}

/**
 * Add `Cookie` to `Vary` on this view's responses (Django's `@vary_on_cookie`).
 *
 * @example
 * path('dashboard/', varyOnCookie(dashboard));
 */
export function varyOnCookie<View extends AnyView>(view: View): View {
  return afterView(view, (response) => patchVaryHeaders(response, ['Cookie']));
}
