import { HttpRequest, HttpResponse, StreamingHttpResponse } from '@reins/http';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cachePage } from './cache-page.js';
import { getCacheKey } from './cache-key.js';
import { caches, configureCaches } from './caches.js';

function get(
  path = '/articles/',
  headers: Record<string, string> = {},
  method = 'GET',
): HttpRequest {
  return new HttpRequest({
    method,
    url: path,
    headers: { host: 'testserver', ...headers },
    options: { allowedHosts: ['*'] },
  });
}

describe('cachePage', () => {
  beforeEach(async () => {
    configureCaches({
      default: { backend: 'locmem', location: 'cache-page-default' },
      pages: { backend: 'locmem', location: 'cache-page-pages' },
    });
    await caches.get('default').clear();
    await caches.get('pages').clear();
  });

  it("serves the second request from the cache, with the first response's status, headers and cookies", async () => {
    let calls = 0;
    const view = cachePage(60)((_request: HttpRequest, params: { page: number }) => {
      calls += 1;
      const response = new HttpResponse(`page ${params.page}, call ${calls}`, { status: 200 });
      response.headers.set('X-Custom', 'yes');
      response.setCookie('seen', '1', { httpOnly: true });
      return response;
    });
    const first = await view(get(), { page: 1 });
    const second = await view(get(), { page: 1 });
    expect(calls).toBe(1);
    expect(second.text()).toBe('page 1, call 1');
    expect(second.headers.get('X-Custom')).toBe('yes');
    expect(second.headers.get('Cache-Control')).toBe('max-age=60');
    expect(second.headers.get('Expires')).toBe(first.headers.get('Expires'));
    expect(String(second.cookies.get('seen'))).toBe(String(first.cookies.get('seen')));
  });

  it('gives every hit headers of its own: what one response changes, the next hit does not see', async () => {
    const view = cachePage(60)((_request: HttpRequest) => {
      const response = new HttpResponse('x');
      response.headers.set('X-Custom', 'yes');
      return response;
    });
    await view(get('/own/'));
    const first = await view(get('/own/'));
    first.headers.set('X-Custom', 'changed');
    first.headers.set('X-Added', '1');
    first.headers.delete('Cache-Control');
    const second = await view(get('/own/'));
    expect([...second.headers.keys()]).toEqual([
      'Content-Type',
      'X-Custom',
      'Expires',
      'Cache-Control',
    ]);
    expect(second.headers.get('X-Custom')).toBe('yes');
    second.headers.set('X-Custom', 'again');
    expect(first.headers.get('X-Custom')).toBe('changed');
    expect((await view(get('/own/'))).headers.get('X-Custom')).toBe('yes');
  });

  it('keys by the URL, including the query string, and by the headers named in Vary', async () => {
    let calls = 0;
    const view = cachePage(60)((_request: HttpRequest) => {
      calls += 1;
      const response = new HttpResponse(`call ${calls}`);
      response.headers.set('Vary', 'Accept-Language');
      return response;
    });
    await view(get('/a/?x=1', { 'Accept-Language': 'fr' }));
    await view(get('/a/?x=1', { 'Accept-Language': 'fr' }));
    expect(calls).toBe(1);
    await view(get('/a/?x=2', { 'Accept-Language': 'fr' }));
    expect(calls).toBe(2);
    await view(get('/a/?x=1', { 'Accept-Language': 'de' }));
    expect(calls).toBe(3);
  });

  it('answers a hit in the local-memory cache at once, without a promise (as Django does)', async () => {
    const view = cachePage(60)((_request: HttpRequest) => new HttpResponse('x'));
    expect(view(get())).toBeInstanceOf(Promise);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const hit = view(get());
    expect(hit).toBeInstanceOf(HttpResponse);
    expect((hit as HttpResponse).text()).toBe('x');
  });

  it("keeps a custom reason phrase, and leaves the status's own implicit", async () => {
    const custom = cachePage(60)(
      (_request: HttpRequest) => new HttpResponse('x', { reason: 'Fine Indeed' }),
    );
    await custom(get('/custom/'));
    expect((await custom(get('/custom/'))).reasonPhrase).toBe('Fine Indeed');
    const plain = cachePage(60)((_request: HttpRequest) => new HttpResponse('x'));
    await plain(get('/plain/'));
    const hit = await plain(get('/plain/'));
    hit.status = 404;
    expect(hit.reasonPhrase).toBe('Not Found');
  });

  it('keeps apart URLs that differ only in host, scheme, or a `?` in the path against the query', async () => {
    let calls = 0;
    const view = cachePage(60)((_request: HttpRequest) => new HttpResponse(`call ${++calls}`));
    const text = async (request: HttpRequest): Promise<string> => (await view(request)).text();
    const secure = (url: string): HttpRequest =>
      new HttpRequest({
        method: 'GET',
        url,
        headers: { host: 'testserver', 'x-forwarded-proto': 'https' },
        options: { allowedHosts: ['*'], secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'] },
      });
    expect(await text(get('/a?b'))).toBe('call 1');
    expect(await text(get('/a%3Fb'))).toBe('call 2');
    expect(await text(get('/a?b', { host: 'other.example' }))).toBe('call 3');
    expect(await text(secure('/a?b'))).toBe('call 4');
    expect(await text(get('/a?b'))).toBe('call 1');
    expect(await text(get('/a%3Fb'))).toBe('call 2');
    expect(await text(get('/a?b', { host: 'other.example' }))).toBe('call 3');
    expect(await text(secure('/a?b'))).toBe('call 4');
    expect(secure('/a?b').scheme).toBe('https');
  });

  it('uses the cache alias and key prefix given', async () => {
    let calls = 0;
    const view = cachePage(60, { cache: 'pages', keyPrefix: 'v2' })((_request: HttpRequest) => {
      calls += 1;
      return new HttpResponse('x');
    });
    await view(get());
    await view(get());
    expect(calls).toBe(1);
    const key = await getCacheKey(get(), { cache: caches.get('pages'), keyPrefix: 'v2' });
    expect(key).toMatch(/^views\.decorators\.cache\.cache_page\.v2\.GET\./);
    expect(await caches.get('pages').has(key!)).toBe(true);
    expect(await getCacheKey(get(), { cache: caches.get('default'), keyPrefix: 'v2' })).toBeNull();
  });

  it('keeps apart one URL cached under two key prefixes and caches, asked in turn', async () => {
    const calls = { a: 0, b: 0 };
    const a = cachePage(60, { keyPrefix: 'a' })((_request: HttpRequest) => {
      calls.a += 1;
      return new HttpResponse(`a${calls.a}`);
    });
    const b = cachePage(60, { cache: 'pages', keyPrefix: 'b' })((_request: HttpRequest) => {
      calls.b += 1;
      return new HttpResponse(`b${calls.b}`);
    });
    for (let round = 0; round < 3; round++) {
      expect((await a(get())).text()).toBe('a1');
      expect((await b(get())).text()).toBe('b1');
    }
    // The page gone from one cache: that view computes again, the other still hits.
    await caches.get('default').delete((await getCacheKey(get(), { keyPrefix: 'a' }))!);
    expect((await a(get())).text()).toBe('a2');
    expect((await b(get())).text()).toBe('b1');
    expect(calls).toEqual({ a: 2, b: 1 });
  });

  it("runs a cache's own key function on every hit, as Django makes each key on each get", async () => {
    const made: string[] = [];
    configureCaches({
      default: {
        backend: 'locmem',
        location: 'cache-page-key-function',
        keyFunction: (key, prefix, version) => {
          made.push(key.split('.')[3]!);
          return `${prefix}:${version}:${key}`;
        },
      },
    });
    await caches.get('default').clear();
    const view = cachePage(60)((_request: HttpRequest) => new HttpResponse('x'));
    await view(get());
    made.length = 0;
    await view(get());
    await view(get());
    // The header list, then the page, on each request.
    expect(made).toEqual(['cache_header', 'cache_page', 'cache_header', 'cache_page']);
  });

  it('computes the page again once its timeout has passed', async () => {
    let calls = 0;
    const view = cachePage(1)((_request: HttpRequest) => new HttpResponse(`call ${++calls}`));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await view(get());
      vi.advanceTimersByTime(999);
      expect((await view(get())).text()).toBe('call 1');
      vi.advanceTimersByTime(1);
      expect((await view(get())).text()).toBe('call 2');
      expect((await view(get('/articles/', {}, 'HEAD'))).text()).toBe('call 2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not cache streaming responses', async () => {
    let calls = 0;
    const view = cachePage(60)((_request: HttpRequest) => {
      calls += 1;
      return new StreamingHttpResponse(['a', 'b']);
    });
    await view(get());
    await view(get());
    expect(calls).toBe(2);
  });

  it('stores a response that renders later once it is rendered (a TemplateResponse)', async () => {
    class LateResponse extends HttpResponse {
      isRendered = false;
      #callbacks: ((response: HttpResponse) => unknown)[] = [];
      addPostRenderCallback(callback: (response: HttpResponse) => unknown): void {
        this.#callbacks.push(callback);
      }
      render(): Promise<this> {
        this.content = 'rendered';
        this.isRendered = true;
        for (const callback of this.#callbacks) callback(this);
        return Promise.resolve(this);
      }
    }
    let calls = 0;
    const view = cachePage(60)((_request: HttpRequest) => {
      calls += 1;
      return new LateResponse('');
    });
    const first = await view(get());
    await first.render();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const second = await view(get());
    expect(calls).toBe(1);
    expect(second.text()).toBe('rendered');
  });
});
