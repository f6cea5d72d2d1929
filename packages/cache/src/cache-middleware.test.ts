import { HttpRequest, HttpResponse, type HttpResponseBase } from '@reins/http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchFromCacheMiddleware, updateCacheMiddleware } from './cache-middleware.js';
import { caches, configureCaches } from './caches.js';

function get(method = 'GET'): HttpRequest {
  return new HttpRequest({
    method,
    url: '/articles/',
    headers: { host: 'testserver' },
    options: { allowedHosts: ['*'] },
  });
}

describe('UpdateCacheMiddleware + FetchFromCacheMiddleware (the per-site cache)', () => {
  let calls = 0;
  let site: (request: HttpRequest) => Promise<HttpResponseBase>;

  beforeEach(async () => {
    configureCaches({ default: { backend: 'locmem', location: 'cache-middleware-site' } });
    await caches.get('default').clear();
    calls = 0;
    const view = (): HttpResponse => new HttpResponse(`call ${++calls}`);
    const options = { cacheMiddlewareSeconds: 60 };
    const handler = updateCacheMiddleware(options)(fetchFromCacheMiddleware(options)(view));
    site = async (request) => await handler(request);
    vi.useFakeTimers({ toFake: ['Date'] });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('serves a page from the cache until its timeout, and a hit does not store it again', async () => {
    expect(((await site(get())) as HttpResponse).text()).toBe('call 1');
    vi.advanceTimersByTime(30_000);
    expect(((await site(get())) as HttpResponse).text()).toBe('call 1');
    expect(((await site(get('HEAD'))) as HttpResponse).text()).toBe('call 1');
    // Stored again by the hits, the page would live until 90 s: it expires at 60 s, as in Django.
    vi.advanceTimersByTime(30_000);
    expect(((await site(get())) as HttpResponse).text()).toBe('call 2');
  });

  it('neither answers nor stores other methods', async () => {
    await site(get('POST'));
    await site(get('POST'));
    expect(calls).toBe(2);
    expect(((await site(get())) as HttpResponse).text()).toBe('call 3');
  });
});
