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
import { READ_MADE, STABLE_KEY, type SyncCache } from './internal/sync-cache.js';
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
  /** The cache the `made…` keys were made by (see READ_MADE), or null. */
  madeBy: BaseCache | null;
  madeHeaderKey: string;
  /** The made page keys of GET and HEAD when the URL varies on no header, once known. */
  madeGet: string | null;
  madeHead: string | null;
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
  return {
    hash,
    prefix: keyPrefix,
    headerKey: cacheHeaderKey(keyPrefix, hash),
    plain: new Map(),
    madeBy: null,
    madeHeaderKey: '',
    madeGet: null,
    madeHead: null,
  };
}

// The URL asked for last, compared part by part before the maps: a site's hits mostly repeat a
// few pages, and comparing four short strings touches less memory than three hash lookups.
let lastScheme = '';
let lastHost = '';
let lastPath = '';
let lastQuery = '';
let lastKeys: UrlKeys | null = null;

function urlKeys(request: HttpRequest, keyPrefix: string): UrlKeys {
  const path = request.path;
  const query = request.queryString;
  if (path.length + query.length > MEMO_URL_LENGTH) {
    return newUrlKeys(request.buildAbsoluteUri(), keyPrefix);
  }
  // getHost() first: it validates the host, as buildAbsoluteUri() would, on a memo hit too.
  const host = request.getHost();
  const scheme = request.scheme;
  if (
    lastKeys !== null &&
    lastKeys.prefix === keyPrefix &&
    path === lastPath &&
    query === lastQuery &&
    host === lastHost &&
    scheme === lastScheme
  ) {
    return lastKeys;
  }
  const keys = mappedUrlKeys(request, keyPrefix, scheme, host, path, query);
  lastScheme = scheme;
  lastHost = host;
  lastPath = path;
  lastQuery = query;
  lastKeys = keys;
  return keys;
}

function mappedUrlKeys(
  request: HttpRequest,
  keyPrefix: string,
  scheme: 'http' | 'https',
  host: string,
  path: string,
  query: string,
): UrlKeys {
  const byHost = URL_KEYS[scheme];
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
    keys.madeBy = null;
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

/** What {@link readPageSync} returns when the URL's header list is not in the cache. */
export const NOT_LEARNT = Symbol('reins.cache.notLearnt');

/**
 * @internal The page stored for `request` under `method` in a cache that answers at once, as
 * at `now`: `getCacheKey` then `get`, reading the same keys in the same order, through
 * keys made once per URL when the cache allows it (see READ_MADE). `NOT_LEARNT` when the header
 * list is missing, `null` when the page is.
 */
export function readPageSync(
  request: HttpRequest,
  keyPrefix: string,
  method: 'GET' | 'HEAD',
  cache: BaseCache & SyncCache,
  now: number,
): unknown {
  const keys = urlKeys(request, keyPrefix);
  const read = cache[READ_MADE];
  if (read === undefined) return readByKey(request, method, cache, keys);
  if (keys.madeBy !== cache) {
    const made = cache[STABLE_KEY](keys.headerKey);
    if (made === null) return readByKey(request, method, cache, keys);
    keys.madeBy = cache;
    keys.madeHeaderKey = made;
    keys.madeGet = null;
    keys.madeHead = null;
  }
  const headerList = read.call(cache, keys.madeHeaderKey, now) as string[] | null;
  if (headerList === null) return NOT_LEARNT;
  if (headerList.length > 0) {
    return cache.getSync(generateCacheKey(request, method, headerList, keys));
  }
  let page = method === 'GET' ? keys.madeGet : keys.madeHead;
  if (page === null) {
    page = cache[STABLE_KEY](generateCacheKey(request, method, headerList, keys))!;
    if (method === 'GET') keys.madeGet = page;
    else keys.madeHead = page;
  }
  return read.call(cache, page, now);
}

function readByKey(request: HttpRequest, method: string, cache: SyncCache, keys: UrlKeys): unknown {
  const headerList = cache.getSync(keys.headerKey) as string[] | null;
  if (headerList === null) return NOT_LEARNT;
  return cache.getSync(generateCacheKey(request, method, headerList, keys));
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
