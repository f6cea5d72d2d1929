import fc from 'fast-check';
import { HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseRedirect } from '@reins/http';
import { describe, expect, it } from 'vitest';
import {
  AppendSlashError,
  CommonMiddleware,
  commonMiddleware,
  noAppendSlash,
} from './common-middleware.js';
import type { GetResponse } from './middleware.js';

const routes = new Set(['/hello/', '/']);
const urlconf = {
  resolve(path: string) {
    if (!routes.has(path)) throw Object.assign(new Error('404'), { code: 'urls.resolver404' });
    return { view: () => null };
  },
};

function request(method: string, url: string, debug = false): HttpRequest {
  const req = new HttpRequest({
    method,
    url,
    headers: { host: 'testserver' },
    options: { allowedHosts: ['testserver'], debug },
  });
  req.urlconf = urlconf;
  return req;
}

const inner: GetResponse = (req) =>
  routes.has(req.pathInfo) ? new HttpResponse('ok') : new HttpResponseNotFound('nope');

describe('commonMiddleware settings', () => {
  it('takes appendSlash from the project settings when the option is left out', () => {
    const off = commonMiddleware()(inner, { appendSlash: false });
    expect((off(request('GET', '/hello')) as HttpResponse).status).toBe(404);
    const on = commonMiddleware()(inner, { appendSlash: true });
    expect((on(request('GET', '/hello')) as HttpResponse).status).toBe(301);
  });

  it('lets its own option win over the project settings', () => {
    const handler = commonMiddleware({ appendSlash: true })(inner, { appendSlash: false });
    expect((handler(request('GET', '/hello')) as HttpResponse).status).toBe(301);
  });

  it('takes debug from the settings, else from the request options', () => {
    expect(() => commonMiddleware()(inner, { debug: true })(request('POST', '/hello'))).toThrow(
      AppendSlashError,
    );
    expect(() => CommonMiddleware(inner)(request('POST', '/hello', true))).toThrow(
      /You called this URL via POST.*Change your form to point to testserver\/hello\/ \(note the trailing slash\)/,
    );
    expect((CommonMiddleware(inner)(request('POST', '/hello')) as HttpResponse).status).toBe(301);
  });

  it('AppendSlashError is branded and carries the method and URL', () => {
    try {
      void commonMiddleware({ debug: true })(inner)(request('PATCH', '/hello?x=1'));
      expect.unreachable();
    } catch (error) {
      expect(AppendSlashError.isInstance(error)).toBe(true);
      expect((error as AppendSlashError).code).toBe('middleware.append_slash_with_body');
      expect((error as AppendSlashError).method).toBe('PATCH');
      expect((error as AppendSlashError).url).toBe('testserver/hello/?x=1');
    }
  });

  it('redirects a 404 on the way out when the slashed path resolves by then (processResponse)', () => {
    routes.delete('/hello/');
    try {
      // At request time '/hello/' does not resolve; a later layer (say, one that loads routes
      // lazily) makes it resolve and answers 404 for '/hello'.
      const handler = commonMiddleware()(() => {
        routes.add('/hello/');
        return new HttpResponseNotFound('nope');
      });
      const response = handler(request('GET', '/hello?q=1')) as HttpResponse;
      expect(response.status).toBe(301);
      expect(response.headers.get('Location')).toBe('/hello/?q=1');
      // Returned as is, like Django: this redirect gets no Content-Length.
      expect(response.headers.has('Content-Length')).toBe(false);
    } finally {
      routes.add('/hello/');
    }
  });

  it('uses a custom redirect class (Django: response_redirect_class)', () => {
    const handler = commonMiddleware({ responseRedirectClass: HttpResponseRedirect })(inner);
    const response = handler(request('GET', '/hello')) as HttpResponse;
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/hello/');
  });

  it('does nothing about slashes without a urlconf on the request', () => {
    const req = request('GET', '/hello');
    req.urlconf = null;
    expect((commonMiddleware()(inner)(req) as HttpResponse).status).toBe(404);
  });

  it('lets a resolver failure other than Resolver404 propagate', () => {
    const req = request('GET', '/hello');
    req.urlconf = {
      resolve() {
        throw new TypeError('broken urlconf');
      },
    };
    expect(() => commonMiddleware()(inner)(req)).toThrow('broken urlconf');
  });

  it('matches disallowed user agents given as strings or global regexps, every time', () => {
    const handler = commonMiddleware({ disallowedUserAgents: ['^Bad', /evil/gi] })(inner);
    const withAgent = (agent: string) => {
      const req = new HttpRequest({
        url: '/',
        headers: { host: 'testserver', 'user-agent': agent },
        options: { allowedHosts: ['testserver'] },
      });
      req.urlconf = urlconf;
      return req;
    };
    for (let i = 0; i < 3; i++) {
      expect(() => handler(withAgent('an EVIL bot'))).toThrow('Forbidden user agent');
    }
    expect(() => handler(withAgent('Badbot'))).toThrow('Forbidden user agent');
    expect((handler(withAgent('a Badbot')) as HttpResponse).status).toBe(200);
  });
});

describe('commonMiddleware Content-Length', () => {
  it('is the UTF-8 byte length of every text body, whatever came before', () => {
    // Bodies repeat, and equal-length ASCII and non-ASCII texts follow each other; a large one
    // is measured too.
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom('abcd', 'é', 'ab', '€', 'é'.repeat(20_000)),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), (bodies) => {
        for (const body of bodies) {
          const handler = commonMiddleware()(() => new HttpResponse(body), {});
          const response = handler(request('GET', '/hello/')) as HttpResponse;
          expect(response.headers.get('Content-Length')).toBe(String(Buffer.byteLength(body)));
        }
      }),
    );
  });
});

describe('noAppendSlash', () => {
  it('marks a copy of the view, keeps its name and behaviour, leaves the original alone', () => {
    function items() {
      return 'items';
    }
    const marked = noAppendSlash(items);
    expect(marked.name).toBe('items');
    expect(marked()).toBe('items');
    expect((marked as { shouldAppendSlash?: boolean }).shouldAppendSlash).toBe(false);
    expect((items as { shouldAppendSlash?: boolean }).shouldAppendSlash).toBeUndefined();
  });
});

describe('commonMiddleware redirects (property)', () => {
  it('never produce a scheme-relative Location, whatever the path', () => {
    const everything = {
      resolve(path: string) {
        if (!path.endsWith('/'))
          throw Object.assign(new Error('404'), { code: 'urls.resolver404' });
        return { view: () => null };
      },
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('/', '\\', 'a', '.', '%2F', 'evil.com', '@', ':'), {
          maxLength: 8,
        }),
        fc.string({ maxLength: 5 }),
        (parts, query) => {
          const req = new HttpRequest({
            url: `/${parts.join('')}x${query ? `?${encodeURIComponent(query)}` : ''}`,
            headers: { host: 'testserver' },
            options: { allowedHosts: ['testserver'] },
          });
          req.urlconf = everything;
          const response = commonMiddleware()(inner)(req) as HttpResponse;
          expect(response.status).toBe(301);
          const location = response.headers.get('Location')!;
          expect(location.startsWith('//')).toBe(false);
          expect(location.startsWith('/')).toBe(true);
        },
      ),
    );
  });
});
