/**
 * Django's page-cache keys: `learnCacheKey` stores which request headers a URL's response varies
 * on, `getCacheKey` builds the key of a request from them. Keys equal Django 3.2's with
 * `USE_I18N = False` and `USE_TZ = False` (reins has no active language or time zone to append).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { LRUCache } from 'lru-cache';
import type { BaseCache } from './base-cache.js';
import { caches } from './caches.js';
import { DEFAULT_CACHE_MIDDLEWARE_SECONDS } from './patch-response-headers.js';

const DELIMITER = /\s*,\s*/;

/** The hex md5 of `text` (UTF-8), as Django hashes URLs for page keys. */
function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

// A cached page is looked up by the md5 of its URL on every request; node:crypto's per-call
// setup made that hash the largest cost of a cache hit (measured ~11 % of its CPU), and a site
// serves the same few URLs again and again. Bounded in entries and in the URL length kept.
const URL_HASHES = new LRUCache<string, string>({ max: 1000 });
const MEMO_URL_LENGTH = 2048;

function urlHash(request: HttpRequest): string {
  const uri = request.buildAbsoluteUri();
  if (uri.length > MEMO_URL_LENGTH) return md5(uri);
  let hash = URL_HASHES.get(uri);
  if (hash === undefined) URL_HASHES.set(uri, (hash = md5(uri)));
  return hash;
}

/** Options shared by {@link getCacheKey} and {@link learnCacheKey}. */
export interface CacheKeyOptions {
  /** Django's `CACHE_MIDDLEWARE_KEY_PREFIX`; default `''`. */
  keyPrefix?: string;
  /** The cache holding the header lists; default the `default` alias. */
  cache?: BaseCache;
}

const EMPTY_MD5 = md5('');

/** Django's `_generate_cache_header_key`, from the md5 of the absolute URI. */
function cacheHeaderKey(keyPrefix: string, uriHash: string): string {
  return `views.decorators.cache.cache_header.${keyPrefix}.${uriHash}`;
}

/** Django's `_generate_cache_key`: the headers' values hashed in the stored order. */
function generateCacheKey(
  request: HttpRequest,
  method: string,
  headerList: readonly string[],
  keyPrefix: string,
  uriHash: string = urlHash(request),
): string {
  if (headerList.length === 0) {
    return `views.decorators.cache.cache_page.${keyPrefix}.${method}.${uriHash}.${EMPTY_MD5}`;
  }
  const context = createHash('md5');
  const meta = request.META;
  for (const header of headerList) {
    const value = meta[header];
    context.update(value === undefined ? '-,' : value, 'utf8');
  }
  return `views.decorators.cache.cache_page.${keyPrefix}.${method}.${uriHash}.${context.digest('hex')}`;
}

/**
 * The page-cache key for `request` (`method` default GET), or `null` when this URL's header list
 * was never learnt (Django's `get_cache_key`).
 *
 * @example
 * const key = await getCacheKey(request, { keyPrefix: 'site1' });
 */
export async function getCacheKey(
  request: HttpRequest,
  options: CacheKeyOptions & { method?: string } = {},
): Promise<string | null> {
  const keyPrefix = options.keyPrefix ?? '';
  const cache = options.cache ?? caches.get();
  const uriHash = urlHash(request);
  const headerList = await cache.get<string[]>(cacheHeaderKey(keyPrefix, uriHash));
  if (headerList === null) return null;
  return generateCacheKey(request, options.method ?? 'GET', headerList, keyPrefix, uriHash);
}

/**
 * Store the headers `response` varies on for this URL, for `cacheTimeout` seconds, and return the
 * page key for `request` (Django's `learn_cache_key`).
 *
 * @example
 * const key = await learnCacheKey(request, response, { cacheTimeout: 60 });
 */
export async function learnCacheKey(
  request: HttpRequest,
  response: HttpResponseBase,
  options: CacheKeyOptions & { cacheTimeout?: number } = {},
): Promise<string> {
  const keyPrefix = options.keyPrefix ?? '';
  const timeout = options.cacheTimeout ?? DEFAULT_CACHE_MIDDLEWARE_SECONDS;
  const cache = options.cache ?? caches.get();
  const uriHash = urlHash(request);
  const vary = response.headers.get('Vary');
  const headerList: string[] = [];
  if (vary !== undefined) {
    for (const header of vary.split(DELIMITER)) {
      headerList.push('HTTP_' + header.toUpperCase().replaceAll('-', '_'));
    }
    // Python sorts strings by code point; so does this comparison.
    headerList.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  // Frozen: the local-memory cache then keeps it without a copy.
  await cache.set(cacheHeaderKey(keyPrefix, uriHash), Object.freeze(headerList), timeout);
  return generateCacheKey(request, request.method, headerList, keyPrefix, uriHash);
}
