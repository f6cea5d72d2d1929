import { existsSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BadRequest,
  DisallowedHost,
  MultiPartParserError,
  RawPostDataException,
  RequestDataTooBig,
  TooManyFieldsSent,
  TooManyFilesSent,
  UnreadablePostError,
} from './errors.js';
import { HttpRequest, NODE_HEADERS, type HttpRequestInit } from './http-request.js';
import { TemporaryUploadedFile } from './uploaded-file.js';

function request(init: HttpRequestInit = {}): HttpRequest {
  return new HttpRequest({ options: { allowedHosts: ['example.com', '.example.org'] }, ...init });
}

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array> {
  await Promise.resolve(); // a source's chunks arrive asynchronously
  for (const part of parts) yield typeof part === 'string' ? new TextEncoder().encode(part) : part;
}

function multipart(
  parts: { name: string; value: string | Uint8Array; filename?: string; type?: string }[],
  boundary = 'XyZ',
): string | Uint8Array {
  const pieces: Uint8Array[] = [];
  const text = (s: string) => pieces.push(new TextEncoder().encode(s));
  for (const part of parts) {
    text(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`);
    if (part.filename !== undefined) text(`; filename="${part.filename}"`);
    text('\r\n');
    if (part.type !== undefined) text(`Content-Type: ${part.type}\r\n`);
    text('\r\n');
    if (typeof part.value === 'string') text(part.value);
    else pieces.push(part.value);
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  return Buffer.concat(pieces);
}

const MULTIPART = 'multipart/form-data; boundary=XyZ';

describe('HttpRequest basics', () => {
  it('upper-cases the method and defaults to GET /', () => {
    expect(request({ method: 'post' }).method).toBe('POST');
    const bare = new HttpRequest();
    expect(bare.method).toBe('GET');
    expect(bare.path).toBe('/');
    expect(bare.pathInfo).toBe('/');
  });

  it('decodes the path, keeping malformed escapes and re-encoding invalid UTF-8', () => {
    expect(request({ url: '/caf%C3%A9/x%20y' }).pathInfo).toBe('/café/x y');
    expect(request({ url: '/greetings/%FF/' }).pathInfo).toBe('/greetings/%FF/');
    expect(request({ url: '/greetings/%FF/x%E2%98/%zz%2F' }).pathInfo).toBe(
      '/greetings/%FF/x%E2%98/%zz/',
    );
    expect(request({ url: '/a%00b' }).pathInfo).toBe('/a\u0000b');
    expect(request({ url: '//x' }).pathInfo).toBe('//x');
    expect(request({ url: '' }).pathInfo).toBe('/');
    expect(request({ url: 'http://example.com/p?q=1' }).pathInfo).toBe('/p');
    expect(request({ url: 'http://example.com/p?q=1' }).GET.get('q')).toBe('1');
  });

  it('re-percent-encodes exactly the invalid bytes of any path (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 24 }).filter((b) => !b.includes(0x25)),
        (bytes) => {
          const raw = '/' + [...bytes].map((b) => '%' + b.toString(16).padStart(2, '0')).join('');
          const pathInfo = request({ url: raw }).pathInfo;
          expect(/[\uD800-\uDFFF]/u.test(pathInfo)).toBe(false);
          // Encoding the result back to bytes (literal characters as UTF-8, %XX as the byte)
          // gives the original bytes: nothing was lost or replaced.
          const back: number[] = [];
          for (let i = 0; i < pathInfo.length; i += 1) {
            if (pathInfo[i] === '%') {
              back.push(parseInt(pathInfo.slice(i + 1, i + 3), 16));
              i += 2;
            } else {
              const codePoint = pathInfo.codePointAt(i)!;
              const char = String.fromCodePoint(codePoint);
              back.push(...new TextEncoder().encode(char));
              i += char.length - 1;
            }
          }
          expect(back).toEqual([0x2f, ...bytes]);
          let valid = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            valid = false;
          }
          if (valid) expect(pathInfo).toBe('/' + new TextDecoder().decode(bytes));
        },
      ),
    );
  });

  it('reads any target the same whether or not it carries a query or fragment (property)', () => {
    // Plain paths take a shortcut (no split, no decode); a trailing '?' or '#' forces the
    // general route, and both must agree on the path, the query and the raw path.
    const char = fc.constantFrom(...'/aZ9-._~%2Fé?#=&;'.split(''), '%C3%A9', '%FF', '\u00ff', '😀');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 16 }), (chars) => {
        const target = '/' + chars.join('');
        const plain = request({ url: target });
        for (const suffix of ['?', '#', '#x?y']) {
          const general = request({ url: target + suffix });
          expect(plain.pathInfo).toBe(general.pathInfo);
          if (!/[?#]/.test(target)) expect(plain.getFullPath()).toBe(general.getFullPath());
        }
        const cut = target.search(/[?#]/);
        const query = cut === -1 || target[cut] === '#' ? '' : target.slice(cut + 1).split('#')[0];
        expect(plain.queryString).toBe(query);
      }),
    );
  });

  it('round-trips any path through getFullPath() (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (segment) => {
        const path = '/' + segment;
        const first = request({
          url: encodeURI(path).replaceAll('%25', '%2525').replace(/\?|#/g, encodeURIComponent),
        });
        const again = request({ url: first.getFullPath() });
        expect(again.pathInfo).toBe(first.pathInfo);
      }),
    );
  });

  it('parses GET lazily and applies the field limit on first access', () => {
    const limited = new HttpRequest({
      url: '/?a=1&b=2&c=3',
      options: { dataUploadMaxNumberFields: 2 },
    });
    expect(() => limited.GET).toThrow(TooManyFieldsSent);
    const ok = request({ url: '/?q=django&page=2&q=x' });
    expect(ok.GET.getList('q')).toEqual(['django', 'x']);
    expect(ok.GET.mutable).toBe(false);
    expect(ok.queryString).toBe('q=django&page=2&q=x');
  });

  it('reads cookies from the Cookie header', () => {
    expect({ ...request({ headers: { cookie: 'a=1; b="x y"' } }).COOKIES }).toEqual({
      a: '1',
      b: 'x y',
    });
    expect({ ...request().COOKIES }).toEqual({});
  });

  it('offers case-insensitive headers that also accept underscores, without underscored names', () => {
    const r = request({
      headers: {
        host: 'example.com',
        'x-custom-thing': 'v',
        'content-type': 'text/plain',
        x_sneaky: '1',
      },
    });
    expect(r.headers.get('X-Custom-Thing')).toBe('v');
    expect(r.headers.get('x_custom_thing')).toBe('v');
    expect(r.headers.get('CONTENT_TYPE')).toBe('text/plain');
    expect(r.headers.has('x-sneaky')).toBe(false);
    expect(r.headers.toJSON()).toEqual({
      Host: 'example.com',
      'X-Custom-Thing': 'v',
      'Content-Type': 'text/plain',
    });
  });

  it('lower-cases the names of a headers object written by hand', () => {
    const r = request({
      headers: { 'Content-Type': 'text/plain', Cookie: 'a=1', HOST: 'example.com' },
    });
    expect(r.contentType).toBe('text/plain');
    expect(r.COOKIES).toEqual({ a: '1' });
    expect(r.getHost()).toBe('example.com');
  });

  it('accepts a Fetch Headers object or pairs', () => {
    expect(request({ headers: new Headers({ 'X-A': '1' }) }).headers.get('x-a')).toBe('1');
    expect(
      request({
        headers: [
          ['Cookie', 'a=1'],
          ['Cookie', 'b=2'],
        ],
      }).COOKIES,
    ).toEqual({ a: '1', b: '2' });
  });

  it('builds META with CGI names', () => {
    const r = request({
      method: 'get',
      url: '/p?x=1',
      headers: {
        host: 'example.com',
        'user-agent': 'ua',
        'content-length': '0',
        x_forwarded_for: 'spoof',
      },
      connection: { remoteAddress: '10.0.0.1', localAddress: '127.0.0.1', localPort: 8000 },
    });
    expect(r.META).toMatchObject({
      HTTP_HOST: 'example.com',
      HTTP_USER_AGENT: 'ua',
      CONTENT_LENGTH: '0',
      // As sent (Django's WSGI environ); `method` is the upper-cased one.
      REQUEST_METHOD: 'get',
      QUERY_STRING: 'x=1',
      PATH_INFO: '/p',
      REMOTE_ADDR: '10.0.0.1',
      SERVER_NAME: '127.0.0.1',
      SERVER_PORT: '8000',
    });
    expect(r.META['HTTP_X_FORWARDED_FOR']).toBeUndefined();
  });

  it('has the mutable slots other layers set', () => {
    const r = request();
    expect(r.resolverMatch).toBeNull();
    expect(r.urlconf).toBeNull();
    expect(r.currentApp).toBeNull();
    r.state[Symbol.for('reins.csrfToken')] = 't';
    expect(r.state[Symbol.for('reins.csrfToken')]).toBe('t');
    expect(HttpRequest.isInstance(r)).toBe(true);
    expect(HttpRequest.isInstance({})).toBe(false);
    expect(String(request({ url: '/a b/?q=é' }))).toBe("<HttpRequest: GET '/a%20b/?q=%C3%A9'>");
  });
});

describe('HttpRequest host, scheme and URLs', () => {
  it('validates the host and reports why it failed', () => {
    expect(request({ headers: { host: 'Example.com:8000' } }).getHost()).toBe('Example.com:8000');
    expect(request({ headers: { host: 'a.example.org' } }).getHost()).toBe('a.example.org');
    expect(() => request({ headers: { host: 'evil.com' } }).getHost()).toThrow(
      "Invalid HTTP_HOST header: 'evil.com'. You may need to add 'evil.com' to ALLOWED_HOSTS.",
    );
    expect(() => request({ headers: { host: 'exa_mple.com' } }).getHost()).toThrow(
      "Invalid HTTP_HOST header: 'exa_mple.com'. The domain name provided is not valid according to RFC 1034/1035.",
    );
    expect(() => new HttpRequest({ headers: { host: 'example.com' } }).getHost()).toThrow(
      DisallowedHost,
    );
  });

  it("remembers the host it validated from an adapter's headers, and re-reads a headers record", () => {
    const options = { allowedHosts: ['example.com', 'a.example.org'] };
    // Node's raw list: read once, so the second call answers from the first.
    const incoming = { rawHeaders: ['Host', 'example.com'], headers: { host: 'example.com' } };
    const fromNode = new HttpRequest({ options, [NODE_HEADERS]: incoming } as HttpRequestInit);
    expect(fromNode.getHost()).toBe('example.com');
    incoming.rawHeaders = ['Host', 'a.example.org'];
    expect(fromNode.getHost()).toBe('example.com');
    // A host that fails is not remembered: every call raises.
    const refused = new HttpRequest({
      options,
      [NODE_HEADERS]: { rawHeaders: ['Host', 'evil.com'], headers: { host: 'evil.com' } },
    } as HttpRequestInit);
    expect(() => refused.getHost()).toThrow(DisallowedHost);
    expect(() => refused.getHost()).toThrow(DisallowedHost);
    // A record given to the constructor may be the caller's object: read again on every call.
    const headers: Record<string, string> = { host: 'example.com' };
    const fromRecord = new HttpRequest({ headers, options });
    expect(fromRecord.getHost()).toBe('example.com');
    headers['host'] = 'a.example.org';
    expect(fromRecord.getHost()).toBe('a.example.org');
  });

  it('allows localhost names in debug mode when no hosts are configured', () => {
    const r = new HttpRequest({ headers: { host: 'localhost:8000' }, options: { debug: true } });
    expect(r.getHost()).toBe('localhost:8000');
    expect(() =>
      new HttpRequest({ headers: { host: 'evil.com' }, options: { debug: true } }).getHost(),
    ).toThrow(DisallowedHost);
  });

  it('uses X-Forwarded-Host and X-Forwarded-Port only when told to', () => {
    const headers = {
      host: 'example.com',
      'x-forwarded-host': 'a.example.org',
      'x-forwarded-port': '8443',
    };
    expect(request({ headers }).getHost()).toBe('example.com');
    const trusting = new HttpRequest({
      headers,
      options: { allowedHosts: ['.example.org'], useXForwardedHost: true, useXForwardedPort: true },
    });
    expect(trusting.getHost()).toBe('a.example.org');
    expect(trusting.getPort()).toBe('8443');
  });

  it('falls back to the server name and port without a Host header', () => {
    const r = new HttpRequest({
      connection: { localAddress: '127.0.0.1', localPort: 8000 },
      options: { allowedHosts: ['127.0.0.1'] },
    });
    expect(r.getHost()).toBe('127.0.0.1:8000');
    expect(r.getPort()).toBe('8000');
  });

  it('honours secureProxySslHeader', () => {
    const options = {
      secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'] as [string, string],
    };
    expect(
      new HttpRequest({ headers: { 'x-forwarded-proto': 'https, http' }, options }).scheme,
    ).toBe('https');
    expect(new HttpRequest({ headers: { 'x-forwarded-proto': 'http' }, options }).isSecure()).toBe(
      false,
    );
    expect(new HttpRequest({ options }).scheme).toBe('http');
    expect(new HttpRequest({ connection: { encrypted: true } }).isSecure()).toBe(true);
    expect(() => new HttpRequest({ options: { secureProxySslHeader: ['X'] as never } })).toThrow(
      /secureProxySslHeader/,
    );
  });

  it('builds full paths and absolute URIs as Django does', () => {
    const r = request({
      url: '/app/caf%C3%A9/x%20y?a=1',
      headers: { host: 'Example.com:8000' },
      options: { allowedHosts: ['example.com'] },
    });
    expect(r.path).toBe('/app/café/x y');
    expect(r.getFullPath()).toBe('/app/caf%C3%A9/x%20y?a=1');
    expect(r.getFullPath(true)).toBe('/app/caf%C3%A9/x%20y/?a=1');
    expect(r.buildAbsoluteUri()).toBe('http://Example.com:8000/app/caf%C3%A9/x%20y?a=1');
    expect(r.buildAbsoluteUri('rel/p')).toBe('http://Example.com:8000/app/caf%C3%A9/rel/p');
    expect(r.buildAbsoluteUri('../up?x=1')).toBe('http://Example.com:8000/app/up?x=1');
    expect(r.buildAbsoluteUri('?q=1')).toBe('http://Example.com:8000/app/caf%C3%A9/x%20y?q=1');
    expect(r.buildAbsoluteUri('#f')).toBe('http://Example.com:8000/app/caf%C3%A9/x%20y#f');
    expect(r.buildAbsoluteUri('/a/./b')).toBe('http://Example.com:8000/a/b');
    expect(r.buildAbsoluteUri('//other.com/p')).toBe('http://other.com/p');
    expect(r.buildAbsoluteUri('https://z.com/é')).toBe('https://z.com/%C3%A9');
    expect(r.buildAbsoluteUri('/login/')).toBe('http://Example.com:8000/login/');
  });

  it("builds the request's own absolute URI as Django does from '//' + the full path", () => {
    // buildAbsoluteUri() takes a shortcut for the request's own URI; Django's rule is the split
    // of '//' + getFullPath(), which buildAbsoluteUri(location) follows step by step.
    const char = fc.constantFrom(...'/a.Z9-_~%?#=&;é '.split(''), '%2F', '/./', '/../', '//');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 14 }), (chars) => {
        const r = request({
          url: '/' + chars.join(''),
          headers: { host: 'example.com' },
          options: { allowedHosts: ['example.com'] },
        });
        expect(r.buildAbsoluteUri()).toBe(r.buildAbsoluteUri('//' + r.getFullPath()));
      }),
    );
  });

  it('answers accepts() like Django, refusing q=0 ranges', () => {
    const r = request({ headers: { accept: 'text/html;q=0.9, application/json, */*;q=0.1' } });
    expect(r.accepts('application/json')).toBe(true);
    expect(r.accepts('image/png')).toBe(true);
    const narrow = request({ headers: { accept: 'text/html;q=0, application/*' } });
    expect(narrow.accepts('text/html')).toBe(false);
    expect(narrow.accepts('application/xml')).toBe(true);
    expect(narrow.accepts('TEXT/PLAIN')).toBe(false);
    expect(request({ headers: { accept: 'text/html' } }).accepts('application/*')).toBe(false);
    expect(request().accepts('anything/at-all')).toBe(true);
  });

  it('parses the content type and its parameters', () => {
    const r = request({ headers: { 'content-type': 'text/plain; charset="latin1"; x=1' } });
    expect(r.contentType).toBe('text/plain');
    expect(r.contentParams).toEqual({ charset: 'latin1', x: '1' });
    expect(r.encoding).toBe('latin1');
    expect(
      request({ headers: { 'content-type': 'text/plain; charset=bogus' } }).encoding,
    ).toBeNull();
    expect(request().contentType).toBe('');
    expect(request().contentParams).toEqual({});
  });

  it('re-decodes GET when the encoding is changed', () => {
    const r = request({ url: '/?a=%E9' });
    expect(r.GET.get('a')).toBe('\ufffd');
    r.encoding = 'latin1';
    expect(r.GET.get('a')).toBe('é');
  });
});

describe('HttpRequest body', () => {
  it('has an empty body, POST and FILES when there is no body', () => {
    const r = request({ method: 'POST' });
    expect(r.body).toEqual(new Uint8Array(0));
    expect(r.POST.size).toBe(0);
    expect(r.FILES.size).toBe(0);
    expect(r.bodyLoaded).toBe(true);
  });

  it('parses a urlencoded POST given as bytes without loadBody()', () => {
    const r = request({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&a=2&b=%E2%98%83',
    });
    expect(r.POST.getList('a')).toEqual(['1', '2']);
    expect(r.POST.get('b')).toBe('☃');
  });

  it('requires loadBody() before reading a streamed body, and names it', async () => {
    const r = request({
      method: 'POST',
      body: chunks('a=1'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(() => r.body).toThrow(RawPostDataException);
    expect(() => r.POST).toThrow(/loadBody\(\)/);
    await r.loadBody();
    await r.loadBody();
    expect(new TextDecoder().decode(r.body)).toBe('a=1');
    expect(r.POST.get('a')).toBe('1');
  });

  it('leaves POST empty for other methods and content types, as Django', async () => {
    const put = request({
      method: 'PUT',
      body: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(put.POST.size).toBe(0);
    const json = request({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.POST.size).toBe(0);
    expect(await json.json()).toEqual({ a: 1 });
  });

  it('applies the field limit to urlencoded POST on access', () => {
    const r = new HttpRequest({
      method: 'POST',
      body: 'a=1&b=2&c=3',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      options: { dataUploadMaxNumberFields: 2 },
    });
    expect(() => r.POST).toThrow(TooManyFieldsSent);
  });

  it('refuses a body over the limit by Content-Length before reading, and by bytes read', async () => {
    let pulled = false;
    async function* never(): AsyncGenerator<Uint8Array> {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      pulled = true;
      yield new Uint8Array(10);
    }
    const declared = new HttpRequest({
      method: 'POST',
      headers: { 'content-length': '11' },
      body: never(),
      options: { dataUploadMaxMemorySize: 10 },
    });
    await expect(declared.loadBody()).rejects.toThrow(RequestDataTooBig);
    expect(pulled).toBe(false);
    expect(declared.connectionUnsafe).toBe(true);
    expect(() => declared.body).toThrow(RequestDataTooBig);
    const chunked = new HttpRequest({
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: chunks('12345', '67890', 'x'),
      options: { dataUploadMaxMemorySize: 10 },
    });
    const error = await chunked.loadBody().catch((e: unknown) => e);
    expect(RequestDataTooBig.isInstance(error)).toBe(true);
    expect((error as RequestDataTooBig).status).toBe(413);
    const unlimited = new HttpRequest({
      method: 'POST',
      body: chunks('x'.repeat(100)),
      options: { dataUploadMaxMemorySize: null },
    });
    await unlimited.loadBody();
    expect(unlimited.body.length).toBe(100);
  });

  it('reports a body cut short as UnreadablePostError (400)', async () => {
    const short = request({
      method: 'POST',
      headers: { 'content-length': '10' },
      body: chunks('12345'),
    });
    await expect(short.loadBody()).rejects.toThrow(UnreadablePostError);
    async function* broken(): AsyncGenerator<Uint8Array> {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      yield new Uint8Array(1);
      throw new Error('aborted');
    }
    const aborted = request({ method: 'POST', body: broken() });
    const error = await aborted.loadBody().catch((e: unknown) => e);
    expect(UnreadablePostError.isInstance(error)).toBe(true);
    expect((error as UnreadablePostError).status).toBe(400);
  });

  it('throws BadRequest for invalid JSON', async () => {
    const r = request({
      method: 'POST',
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    const error = await r.json().catch((e: unknown) => e);
    expect(BadRequest.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/not valid JSON/);
    await expect(request({ method: 'POST', body: chunks('[1,2]') }).json()).resolves.toEqual([
      1, 2,
    ]);
  });
});

describe('HttpRequest multipart', () => {
  it('parses fields and small files into POST and FILES', async () => {
    const r = request({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: chunks(
        multipart([
          { name: 'title', value: 'Hello ☃' },
          { name: 'tag', value: 'a' },
          { name: 'tag', value: 'b' },
          {
            name: 'doc',
            value: 'file body',
            filename: 'C:\\Users\\me\\notes.txt',
            type: 'text/plain',
          },
          { name: 'empty', value: '', filename: '' },
        ]),
      ),
    });
    await r.loadBody();
    expect(r.POST.get('title')).toBe('Hello ☃');
    expect(r.POST.getList('tag')).toEqual(['a', 'b']);
    expect(r.POST.mutable).toBe(false);
    const doc = r.FILES.get('doc')!;
    expect(doc.name).toBe('notes.txt');
    expect(doc.size).toBe(9);
    expect(doc.contentType).toBe('text/plain');
    expect(await doc.text()).toBe('file body');
    expect(r.FILES.has('empty')).toBe(false);
    expect(() => r.body).toThrow(/cannot access body after reading/);
  });

  it('spills large files to a temporary file removed by close()', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reins-http-test-'));
    const big = new Uint8Array(5000).fill(7);
    const r = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: chunks(multipart([{ name: 'f', value: big, filename: 'big.bin' }])),
      options: { fileUploadMaxMemorySize: 1000, fileUploadTempDir: dir },
    });
    await r.loadBody();
    const file = r.FILES.get('f')!;
    expect(file).toBeInstanceOf(TemporaryUploadedFile);
    const path = (file as TemporaryUploadedFile).temporaryFilePath();
    expect(existsSync(path)).toBe(true);
    expect(await file.read()).toEqual(big);
    let total = 0;
    for await (const chunk of file.chunks(1024)) total += chunk.length;
    expect(total).toBe(5000);
    expect(file.multipleChunks(1024)).toBe(true);
    await r.close();
    expect(existsSync(path)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes temporary files when parsing fails part-way', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reins-http-test-'));
    const body = multipart([
      { name: 'f', value: new Uint8Array(5000), filename: 'a.bin' },
    ]) as Uint8Array;
    const truncated = body.subarray(0, 3000);
    const r = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: chunks(truncated),
      options: { fileUploadMaxMemorySize: 1000, fileUploadTempDir: dir },
    });
    await expect(r.loadBody()).rejects.toThrow(MultiPartParserError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('counts fields and files against the limits', async () => {
    const tooManyFields = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: multipart([
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
        { name: 'c', value: '3' },
      ]),
      options: { dataUploadMaxNumberFields: 2 },
    });
    await expect(tooManyFields.loadBody()).rejects.toThrow(TooManyFieldsSent);
    const tooManyFiles = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: multipart([
        { name: 'a', value: '1', filename: 'a' },
        { name: 'b', value: '2', filename: 'b' },
      ]),
      options: { dataUploadMaxNumberFiles: 1 },
    });
    await expect(tooManyFiles.loadBody()).rejects.toThrow(TooManyFilesSent);
    const tooBig = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: multipart([{ name: 'a', value: 'x'.repeat(50) }]),
      options: { dataUploadMaxMemorySize: 20 },
    });
    await expect(tooBig.loadBody()).rejects.toThrow(RequestDataTooBig);
    // Files do not count toward the memory limit: they are streamed.
    const bigFile = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body: multipart([{ name: 'a', value: 'x'.repeat(50), filename: 'x.txt' }]),
      options: { dataUploadMaxMemorySize: 20 },
    });
    await bigFile.loadBody();
    expect(bigFile.FILES.get('a')!.size).toBe(50);
  });

  it('turns malformed multipart bodies into MultiPartParserError (400)', async () => {
    for (const [contentType, body] of [
      ['multipart/form-data', 'x'],
      [
        'multipart/form-data; boundary=XyZ',
        '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated',
      ],
      ['multipart/form-data; boundary=XyZ', 'garbage without any boundary'],
      ['multipart/form-data; boundary=é', 'x'],
    ] as const) {
      const r = request({
        method: 'POST',
        headers: { 'content-type': contentType },
        body: chunks(body),
      });
      const error = await r.loadBody().catch((e: unknown) => e);
      expect(MultiPartParserError.isInstance(error), `${contentType} ${body}`).toBe(true);
      expect((error as MultiPartParserError).status).toBe(400);
      expect(() => r.POST).toThrow(MultiPartParserError);
    }
  });
});

describe('HttpRequest multipart, Django 3.2 details', () => {
  const load = async (body: string) => {
    const r = new HttpRequest({ method: 'POST', headers: { 'content-type': MULTIPART }, body });
    await r.loadBody();
    return {
      post: r.POST.toJSON(),
      files: Object.fromEntries([...r.FILES.lists()].map(([k, v]) => [k, v.map((f) => f.name)])),
    };
  };
  const part = (name: string, value: string, extra = '') =>
    `--XyZ\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;

  it('treats a part with an empty filename as a field, and drops one named . or ..', async () => {
    expect(await load(part('f', 'x', '; filename=""') + '--XyZ--\r\n')).toEqual({
      post: { f: ['x'] },
      files: {},
    });
    expect(await load(part('f', 'x', '; filename=".."') + '--XyZ--\r\n')).toEqual({
      post: {},
      files: {},
    });
    expect(await load(part('f', 'x', '; filename="/"') + '--XyZ--\r\n')).toEqual({
      post: {},
      files: {},
    });
    expect(
      await load(part('f', 'x', '; filename="../../etc/pa&amp;sswd"') + '--XyZ--\r\n'),
    ).toEqual({
      post: {},
      files: { f: ['pa&sswd'] },
    });
  });

  it('treats an octet-stream part without filename as a field and reads filename*', async () => {
    expect(
      await load(
        '--XyZ\r\nContent-Disposition: form-data; name="a"\r\nContent-Type: application/octet-stream\r\n\r\nxx\r\n--XyZ--\r\n',
      ),
    ).toEqual({ post: { a: ['xx'] }, files: {} });
    expect(
      await load(
        '--XyZ\r\nContent-Disposition: form-data; name="f"; filename*=UTF-8\'\'caf%C3%A9.txt\r\n\r\nxx\r\n--XyZ--\r\n',
      ),
    ).toEqual({ post: {}, files: { f: ['café.txt'] } });
  });

  it('decodes base64 parts', async () => {
    const r = new HttpRequest({
      method: 'POST',
      headers: { 'content-type': MULTIPART },
      body:
        '--XyZ\r\nContent-Disposition: form-data; name="a"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n' +
        '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVs\r\nbG8=\r\n--XyZ--\r\n',
    });
    await r.loadBody();
    expect(r.POST.get('a')).toBe('hello');
    expect(await r.FILES.get('f')!.text()).toBe('hello');
  });

  it('reads an empty body or a bare closing boundary as an empty form', async () => {
    expect(await load('')).toEqual({ post: {}, files: {} });
    expect(await load('--XyZ--\r\n')).toEqual({ post: {}, files: {} });
  });
});

describe('HttpHeaders names', () => {
  it('title-cases names as Python does, letters after digits included', () => {
    const r = new HttpRequest({ headers: { 'x-1a2b-dnt-www-authenticate': 'v', dnt: '1' } });
    expect([...r.headers.keys()]).toEqual(['X-1A2B-Dnt-Www-Authenticate', 'Dnt']);
  });
});
