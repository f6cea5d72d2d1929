/**
 * Django's page-cache keys: `learnCacheKey` stores which request headers a URL's response varies
 * on, `getCacheKey` builds the key of a request from them. Keys equal Django 3.2's with
 * `USE_I18N = False` and `USE_TZ = False` (reins has no active language or time zone to append).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import type { BaseCache } from './base-cache.js';
import { caches } from './caches.js';
import type { SyncCache } from './internal/sync-cache.js';
import { DEFAULT_CACHE_MIDDLEWARE_SECONDS } from './patch-response-headers.js';

const DELIMITER = /\s*,\s*/;

/** The hex md5 of `text` (UTF-8), as Django hashes URLs for page keys. */
function md5(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

// A cached page is looked up by the md5 of its URL on every request; node:crypto's per-call
// setup made that hash the largest cost of a cache hit (measured ~11 % of its CPU), and a site
// serves the same few URLs again and again. The keys built from the hash are kept with it: the
// same string objects each time, so the cache's own key memo finds them by their cached hash.
// They are found by the parts the absolute URI is built from — scheme, validated host, path,
// query string — not by the URI itself: building it (two IRI-encoding passes and the joins) was
// then a quarter of a hit. Nested maps, because a decoded path may hold any character, so no
// separator could join the parts unambiguously. Bounded in entries (a burst of one-off URLs
// empties it) and in the URL length kept.
interface UrlKeys {
  hash: string;
  prefix: string;
  headerKey: string;
  /** The page keys when the URL varies on no header, by method. */
  plain: Map<string, string>;
}
type ByQuery = Map<string, UrlKeys>;
type ByPath = Map<string, ByQuery>;
const URL_KEYS: Record<'http' | 'https', Map<string, ByPath>> = {
  http: new Map(),
  https: new Map(),
};
let urlKeysCount = 0;
const URL_KEYS_LIMIT = 1000;
const MEMO_URL_LENGTH = 2048;

function newUrlKeys(uri: string, keyPrefix: string): UrlKeys {
  const hash = md5(uri);
  return { hash, prefix: keyPrefix, headerKey: cacheHeaderKey(keyPrefix, hash), plain: new Map() };
}

function urlKeys(request: HttpRequest, keyPrefix: string): UrlKeys {
  const path = request.path;
  const query = request.queryString;
  if (path.length + query.length > MEMO_URL_LENGTH) {
    return newUrlKeys(request.buildAbsoluteUri(), keyPrefix);
  }
  // getHost() first: it validates the host, as buildAbsoluteUri() would, on a memo hit too.
  const host = request.getHost();
  const byHost = URL_KEYS[request.scheme];
  let byPath = byHost.get(host);
  if (byPath === undefined) byHost.set(host, (byPath = new Map<string, ByQuery>()));
  let byQuery = byPath.get(path);
  if (byQuery === undefined) byPath.set(path, (byQuery = new Map<string, UrlKeys>()));
  let keys = byQuery.get(query);
  if (keys === undefined) {
    keys = newUrlKeys(request.buildAbsoluteUri(), keyPrefix);
    if (urlKeysCount >= URL_KEYS_LIMIT) {
      URL_KEYS.http.clear();
      URL_KEYS.https.clear();
      urlKeysCount = 0;
      return keys;
    }
    urlKeysCount++;
    byQuery.set(query, keys);
  } else if (keys.prefix !== keyPrefix) {
    keys.prefix = keyPrefix;
    keys.headerKey = cacheHeaderKey(keyPrefix, keys.hash);
    keys.plain.clear();
  }
  return keys;
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
  keys: UrlKeys,
): string {
  if (headerList.length === 0) {
    let key = keys.plain.get(method);
    if (key === undefined) {
      key = `views.decorators.cache.cache_page.${keys.prefix}.${method}.${keys.hash}.${EMPTY_MD5}`;
      keys.plain.set(method, key);
    }
    return key;
  }
  const context = createHash('md5');
  const meta = request.META;
  for (const header of headerList) {
    const value = meta[header];
    context.update(value === undefined ? '-,' : value, 'utf8');
  }
  return `views.decorators.cache.cache_page.${keys.prefix}.${method}.${keys.hash}.${context.digest('hex')}`;
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
  const keys = urlKeys(request, keyPrefix);
  const headerList = await cache.get<string[]>(keys.headerKey);
  if (headerList === null) return null;
  return generateCacheKey(request, options.method ?? 'GET', headerList, keys);
}

/** @internal {@link getCacheKey} on a cache that answers at once: no promise on a page-cache hit. */
export function getCacheKeySync(
  request: HttpRequest,
  keyPrefix: string,
  method: string,
  cache: SyncCache,
): string | null {
  const keys = urlKeys(request, keyPrefix);
  const headerList = cache.getSync(keys.headerKey) as string[] | null;
  if (headerList === null) return null;
  return generateCacheKey(request, method, headerList, keys);
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
  const keys = urlKeys(request, keyPrefix);
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
  await cache.set(keys.headerKey, Object.freeze(headerList), timeout);
  return generateCacheKey(request, request.method, headerList, keys);
}
