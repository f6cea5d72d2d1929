/**
 * Django's `patch_response_headers` and `add_never_cache_headers`.
 *
 * @module
 */
import type { HttpResponseBase } from '@reins/http';
import { patchCacheControl } from './patch-cache-control.js';

/** Django's `CACHE_MIDDLEWARE_SECONDS` default. */
export const DEFAULT_CACHE_MIDDLEWARE_SECONDS = 600;

/** Django's `http_date`: RFC 7231 IMF-fixdate of whole seconds. */
function httpDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toUTCString();
}

/**
 * Set `Expires` (when missing) and `Cache-Control: max-age` for `cacheTimeout` seconds (default 600).
 *
 * @example
 * patchResponseHeaders(response, 60);
 */
export function patchResponseHeaders(
  response: HttpResponseBase,
  cacheTimeout: number = DEFAULT_CACHE_MIDDLEWARE_SECONDS,
): void {
  const timeout = cacheTimeout < 0 ? 0 : cacheTimeout;
  if (!response.headers.has('Expires')) {
    response.headers.set('Expires', httpDate(Date.now() + timeout * 1000));
  }
  patchCacheControl(response, { max_age: timeout });
}

/**
 * Mark a response as never to be cached (Django's `add_never_cache_headers`).
 *
 * @example
 * addNeverCacheHeaders(response);
 */
export function addNeverCacheHeaders(response: HttpResponseBase): void {
  patchResponseHeaders(response, -1);
  patchCacheControl(response, {
    noCache: true,
    noStore: true,
    mustRevalidate: true,
    private: true,
  });
}
