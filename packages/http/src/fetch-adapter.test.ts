import { describe, expect, it } from 'vitest';
import { requestFromFetch, responseToFetch } from './fetch-adapter.js';
import { DisallowedHost } from './errors.js';
import { HttpRequest } from './http-request.js';
import { HttpResponse, HttpResponseNotModified } from './http-response.js';
import { JsonResponse } from './json-response.js';
import { StreamingHttpResponse } from './streaming-http-response.js';

/**
 * A Fetch Request counting reads of its `headers`: Bun builds a server request's `headers` from
 * the socket when the getter is first called.
 */
function counted(url: string, init: Record<string, string>) {
  const fetchRequest = new Request(url, { headers: init });
  const headers = fetchRequest.headers;
  const asked = { count: 0 };
  Object.defineProperty(fetchRequest, 'headers', {
    get: () => {
      asked.count++;
      return headers;
    },
  });
  return { fetchRequest, headers, asked };
}

describe('Fetch adapter', () => {
  it('builds an HttpRequest from a Fetch Request', async () => {
    const request = requestFromFetch(
      new Request('https://example.com/caf%C3%A9/?q=1&q=2', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'a=1' },
        body: 'x=1&y=%E2%98%83',
      }),
      { allowedHosts: ['example.com'] },
      { remoteAddress: '10.0.0.1' },
    );
    expect(request.method).toBe('POST');
    expect(request.scheme).toBe('https');
    expect(request.pathInfo).toBe('/café/');
    expect(request.GET.getList('q')).toEqual(['1', '2']);
    expect(request.COOKIES).toEqual({ a: '1' });
    expect(request.getHost()).toBe('example.com');
    expect(request.getPort()).toBe('443');
    expect(request.META['REMOTE_ADDR']).toBe('10.0.0.1');
    expect(() => request.POST).toThrow(/loadBody/);
    await request.loadBody();
    expect(request.POST.get('y')).toBe('☃');
  });

  it('reads a JSON body through json()', async () => {
    const request = requestFromFetch(
      new Request('http://localhost:8000/api', { method: 'PUT', body: JSON.stringify({ a: [1] }) }),
    );
    expect(await request.json()).toEqual({ a: [1] });
    expect(request.getPort()).toBe('8000');
    const ipv6 = requestFromFetch(new Request('http://[::1]:8000/'), { allowedHosts: ['[::1]'] });
    expect(ipv6.META['SERVER_NAME']).toBe('[::1]');
    expect(ipv6.getHost()).toBe('[::1]:8000');
  });

  it("reads the Request's headers when used, with the Host as sent", () => {
    const fetchRequest = new Request('http://localhost/a/', {
      headers: { host: 'Example.com:8000', 'x-trace': 'a' },
    });
    fetchRequest.headers.append('x-trace', 'b');
    const request = requestFromFetch(fetchRequest, { allowedHosts: ['example.com'] });
    expect(request.getHost()).toBe('Example.com:8000');
    expect(request.headers.get('X-Trace')).toBe('a, b');
    expect(request.META['HTTP_X_TRACE']).toBe('a, b');
    expect(request.META['HTTP_HOST']).toBe('Example.com:8000');
    expect(request.META['SERVER_NAME']).toBe('localhost');
    expect(request.META['SERVER_PORT']).toBe('80');
  });

  it('asks the Request for its headers only when a header is read, and sees them as they are then', () => {
    const { fetchRequest, headers, asked } = counted('http://example.com/a/?q=1', { 'x-a': '1' });
    const request = requestFromFetch(fetchRequest, { allowedHosts: ['example.com'] });
    expect([request.method, request.pathInfo, request.queryString]).toEqual(['GET', '/a/', 'q=1']);
    expect(asked.count).toBe(0);
    headers.set('x-a', '2');
    expect(request.headers.get('x-a')).toBe('2');
    expect(request.getHost()).toBe('example.com');
    expect(asked.count).toBeGreaterThan(0);
  });

  it('checks the host up front by the URL the runtime built from Host, without reading headers', () => {
    // What Bun does with `Host: EXAMPLE.com:80`: the URL carries it lower-cased, default port dropped.
    const { fetchRequest, asked } = counted('http://example.com/a/', { host: 'EXAMPLE.com:80' });
    const request = requestFromFetch(fetchRequest, { allowedHosts: ['example.com'] });
    request.checkHost();
    expect(asked.count).toBe(0);
    // getHost() still answers (and validates) the header as sent.
    expect(request.getHost()).toBe('EXAMPLE.com:80');
    expect(asked.count).toBeGreaterThan(0);

    const outside = requestFromFetch(new Request('http://evil.example/'), {
      allowedHosts: ['example.com'],
    });
    expect(() => outside.checkHost()).toThrow(
      "Invalid HTTP_HOST header: 'evil.example'. You may need to add 'evil.example' to ALLOWED_HOSTS.",
    );
    const debug = requestFromFetch(new Request('http://localhost:8000/'), { debug: true });
    expect(() => debug.checkHost()).not.toThrow();
  });

  it('checks the header up front when the host may come from X-Forwarded-Host', () => {
    const request = requestFromFetch(
      new Request('http://example.com/', { headers: { 'x-forwarded-host': 'evil.example' } }),
      { allowedHosts: ['example.com'], useXForwardedHost: true },
    );
    expect(() => request.checkHost()).toThrow(/'evil\.example'/);
  });

  it('checks the Host header up front for a request that has no URL host (Node, tests)', () => {
    const options = { allowedHosts: ['example.com'] };
    const outside = new HttpRequest({ headers: { host: 'evil.example' }, options });
    expect(() => outside.checkHost()).toThrow(DisallowedHost);
    expect(() =>
      new HttpRequest({ headers: { host: 'example.com' }, options }).checkHost(),
    ).not.toThrow();
  });

  it('gives a Request without a Host header the host of its URL', () => {
    const request = requestFromFetch(new Request('https://example.com:8443/?q=1#top'), {
      allowedHosts: ['example.com'],
    });
    expect(request.getHost()).toBe('example.com:8443');
    expect(request.META['HTTP_HOST']).toBe('example.com:8443');
    expect(request.getFullPath()).toBe('/?q=1');
    expect(request.isSecure()).toBe(true);
    // Listed before any single header is read: the URL's host is among the headers, last.
    const listed = requestFromFetch(
      new Request('http://example.com/', { headers: { 'x-a': '1' } }),
      { allowedHosts: ['example.com'] },
    );
    expect([...listed.headers.keys()]).toEqual(['X-A', 'Host']);
    expect(listed.headers.get('host')).toBe('example.com');
    expect(listed.getHost()).toBe('example.com');
  });

  it('gives each Fetch Response headers of its own when Content-Type is the only one', () => {
    const first = responseToFetch(new JsonResponse({ a: 1 }));
    first.headers.set('content-type', 'text/plain');
    first.headers.set('x-a', '1');
    const second = responseToFetch(new JsonResponse({ a: 2 }));
    expect([...second.headers]).toEqual([['content-type', 'application/json']]);
    // More content types than are kept: each still gets its own.
    for (let index = 0; index < 40; index++) {
      const contentType = `text/x-${index}`;
      const response = responseToFetch(new HttpResponse('', { contentType }));
      expect([...response.headers]).toEqual([['content-type', contentType]]);
    }
  });

  it('turns responses into Fetch Responses with headers and cookies', async () => {
    const response = new HttpResponse('<p>é</p>', { status: 201, headers: { 'X-A': '1' } });
    response.setCookie('a', '1');
    response.setCookie('b', '2');
    const fetchResponse = responseToFetch(response);
    expect(fetchResponse.status).toBe(201);
    expect(fetchResponse.statusText).toBe('Created');
    expect(fetchResponse.headers.get('x-a')).toBe('1');
    expect(fetchResponse.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await fetchResponse.text()).toBe('<p>é</p>');
    expect(await responseToFetch(new JsonResponse({ ok: true })).json()).toEqual({ ok: true });
    const odd = new HttpResponse('', {
      headers: [
        ['__proto__', 'x'],
        ['X-B', '2'],
      ],
    });
    const oddHeaders = responseToFetch(odd).headers;
    expect([oddHeaders.get('__proto__'), oddHeaders.get('x-b')]).toEqual(['x', '2']);
    const latin = responseToFetch(new HttpResponse('é', { charset: 'latin1' }));
    expect([...new Uint8Array(await latin.arrayBuffer())]).toEqual([0xe9]);
  });

  it('streams a streaming response and sends no body for HEAD and 304', async () => {
    async function* parts() {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      yield 'a';
      yield 'b';
    }
    const streamed = new StreamingHttpResponse(parts());
    expect(await responseToFetch(streamed).text()).toBe('ab');
    expect(await responseToFetch(new HttpResponseNotModified()).text()).toBe('');
    const head = requestFromFetch(new Request('http://x/', { method: 'HEAD' }));
    expect(await responseToFetch(new HttpResponse('body'), head).text()).toBe('');
  });

  it('closes the response when the stream is cancelled', async () => {
    let finished = false;
    async function* endless() {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      try {
        for (;;) yield 'x';
      } finally {
        finished = true;
      }
    }
    const response = new StreamingHttpResponse(endless());
    const fetchResponse = responseToFetch(response);
    const reader = fetchResponse.body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
    expect(response.closed).toBe(true);
  });
});
