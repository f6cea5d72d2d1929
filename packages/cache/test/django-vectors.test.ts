/**
 * Django 3.2's answers, recorded by test/django/record_vectors.py, replayed on reins.
 */
import { readFileSync } from 'node:fs';
import { HttpRequest, HttpResponse } from '@reins/http';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  addNeverCacheHeaders,
  cacheMiddleware,
  cachePage,
  caches,
  configureCaches,
  defaultKeyFunction,
  getCacheKey,
  getMaxAge,
  learnCacheKey,
  makeTemplateFragmentKey,
  memcacheKeyWarnings,
  patchCacheControl,
  patchResponseHeaders,
  patchVaryHeaders,
  type CacheControlDirectives,
} from '../src/index.js';

interface Vectors {
  patch_cache_control: { initial: string | null; kwargs: CacheControlDirectives; result: string }[];
  get_max_age: { header: string | null; result: number | null }[];
  patch_vary_headers: { initial: string | null; new: string[]; result: string }[];
  patch_response_headers: {
    initial: Record<string, string>;
    timeout: number | null;
    cache_control: string;
    expires_kept: boolean;
  }[];
  add_never_cache_headers: { cache_control: string };
  cache_keys: {
    method: string;
    path: string;
    host: string;
    secure: boolean;
    headers: Record<string, string>;
    vary: string | null;
    key_prefix: string;
    absolute_uri: string;
    learnt: string;
    get: string | null;
    head: string | null;
    header_key_value: string[];
  }[];
  cache_page: {
    name: string;
    method: string;
    status: number;
    headers: Record<string, string>;
    cookie: string | null;
    request_cookie: string | null;
    page_timeout: number | null;
    view_calls: number;
    cache_control: string | null;
    expires_set: boolean;
    second_body: string;
  }[];
  make_key: { key: string; prefix: string; version: number; result: string }[];
  key_warnings: { key: string; warnings: string[] }[];
  fragment_keys: { name: string; vary_on: unknown[] | null; result: string }[];
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/django-cache.json', import.meta.url), 'utf8'),
) as Vectors;

function request(
  method: string,
  path: string,
  host = 'testserver',
  secure = false,
  headers: Record<string, string> = {},
): HttpRequest {
  return new HttpRequest({
    method,
    url: encodeURI(decodeURI(path)),
    scheme: secure ? 'https' : 'http',
    headers: { ...headers, host },
    options: { allowedHosts: ['*'] },
  });
}

function response(headers: Record<string, string> = {}): HttpResponse {
  const result = new HttpResponse('body');
  for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
  return result;
}

describe('Django 3.2 vectors', () => {
  beforeEach(() => {
    configureCaches({ default: { backend: 'locmem', location: 'vectors' } });
  });

  it('records from Django 3.2', () => {
    expect((vectors as unknown as { django: string }).django).toMatch(/^3\.2/);
  });

  it.each(vectors.patch_cache_control)(
    'patchCacheControl($initial, $kwargs)',
    ({ initial, kwargs, result }) => {
      const res = response(initial === null ? {} : { 'Cache-Control': initial });
      patchCacheControl(res, kwargs);
      expect(res.headers.get('Cache-Control')).toBe(result);
    },
  );

  it.each(vectors.get_max_age)('getMaxAge($header)', ({ header, result }) => {
    expect(getMaxAge(response(header === null ? {} : { 'Cache-Control': header }))).toBe(result);
  });

  it.each(vectors.patch_vary_headers)(
    'patchVaryHeaders($initial, $new)',
    ({ initial, new: added, result }) => {
      const res = response(initial === null ? {} : { Vary: initial });
      patchVaryHeaders(res, added);
      expect(res.headers.get('Vary')).toBe(result);
    },
  );

  it.each(vectors.patch_response_headers)(
    'patchResponseHeaders($initial, $timeout)',
    ({ initial, timeout, cache_control, expires_kept }) => {
      const res = response(initial);
      patchResponseHeaders(res, timeout ?? undefined);
      expect(res.headers.get('Cache-Control')).toBe(cache_control);
      expect(res.headers.get('Expires') === initial['Expires']).toBe(expires_kept);
      expect(res.headers.get('Expires')).toMatch(
        /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
      );
    },
  );

  it('addNeverCacheHeaders', () => {
    const res = response();
    addNeverCacheHeaders(res);
    expect(res.headers.get('Cache-Control')).toBe(vectors.add_never_cache_headers.cache_control);
  });

  it.each(vectors.cache_keys)(
    'learnCacheKey/getCacheKey: $method $host$path Vary=$vary prefix=$key_prefix',
    async (v) => {
      const cache = caches.get();
      await cache.clear();
      const req = request(v.method, v.path, v.host, v.secure, v.headers);
      expect(req.buildAbsoluteUri()).toBe(v.absolute_uri);
      const learnt = await learnCacheKey(req, response(v.vary ? { Vary: v.vary } : {}), {
        cacheTimeout: 60,
        keyPrefix: v.key_prefix,
      });
      expect(learnt).toBe(v.learnt);
      expect(await getCacheKey(req, { keyPrefix: v.key_prefix, method: 'GET' })).toBe(v.get);
      expect(await getCacheKey(req, { keyPrefix: v.key_prefix, method: 'HEAD' })).toBe(v.head);
    },
  );

  it.each(vectors.cache_page)(
    'which responses are cached: $name (page timeout $page_timeout)',
    async (v) => {
      await caches.get().clear();
      let calls = 0;
      const view = () => {
        calls += 1;
        const res = new HttpResponse(`content ${calls}`, { status: v.status });
        for (const [name, value] of Object.entries(v.headers)) res.headers.set(name, value);
        if (v.cookie) res.setCookie(v.cookie, 'dark');
        return res;
      };
      const headers: Record<string, string> = v.request_cookie ? { Cookie: v.request_cookie } : {};
      let wrapped: (req: HttpRequest) => unknown;
      if (v.page_timeout === null) {
        wrapped = cacheMiddleware()(() => view());
      } else {
        wrapped = cachePage(v.page_timeout)(view);
      }
      const first = (await wrapped(
        request(v.method, '/page/', 'testserver', false, headers),
      )) as HttpResponse;
      const second = (await wrapped(
        request(v.method, '/page/', 'testserver', false, headers),
      )) as HttpResponse;
      expect(calls).toBe(v.view_calls);
      expect(first.headers.get('Cache-Control') ?? null).toBe(v.cache_control);
      expect(first.headers.has('Expires')).toBe(v.expires_set);
      expect(second.text()).toBe(v.second_body);
    },
  );

  it.each(vectors.make_key)(
    'defaultKeyFunction($key, $prefix, $version)',
    ({ key, prefix, version, result }) => {
      expect(defaultKeyFunction(key, prefix, version)).toBe(result);
    },
  );

  it.each(vectors.key_warnings)('memcacheKeyWarnings #%#', ({ key, warnings }) => {
    expect(memcacheKeyWarnings(key)).toEqual(warnings);
  });

  it.each(vectors.fragment_keys)(
    'makeTemplateFragmentKey($name, $vary_on)',
    ({ name, vary_on, result }) => {
      expect(makeTemplateFragmentKey(name, vary_on)).toBe(result);
    },
  );
});
