import { ImproperlyConfigured } from '@reins/core';
import { HttpRequest, HttpResponse, HttpResponseServerError } from '@reins/http';
import type { GetResponse } from '@reins/middleware';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../test/support/memory-store.js';
import { SessionCookieTooLarge, SessionInterrupted, SessionStoreError } from './session-errors.js';
import { SessionMiddleware, sessionMiddleware } from './session-middleware.js';
import type { SessionMiddlewareOptions } from './session-middleware.js';
import { SignedCookieStore } from './signed-cookie-store.js';

const secretKey = 'middleware-test-secret';
const settings = { secretKey };
const cookieStore = new SignedCookieStore({ secretKey, maxAge: 1209600 });

function request(cookie?: string): HttpRequest {
  return new HttpRequest({
    url: '/',
    headers: cookie === undefined ? {} : { cookie: `sessionid=${cookie}` },
  });
}

function run(
  view: GetResponse,
  req: HttpRequest,
  options: SessionMiddlewareOptions = {},
): HttpResponse | Promise<HttpResponse> {
  return sessionMiddleware(options)(view, settings)(req) as HttpResponse | Promise<HttpResponse>;
}

const ok = () => new HttpResponse('ok');

describe('SessionMiddleware with the signed-cookie store', () => {
  it('leaves a request that never touches the session alone: no cookie, no Vary, sync', () => {
    const response = run(ok, request());
    expect(response).toBeInstanceOf(HttpResponse);
    const sync = response as HttpResponse;
    expect(sync.cookies.size).toBe(0);
    expect(sync.headers.has('Vary')).toBe(false);
  });

  it("sets Django's cookie when the view modified the session", () => {
    const response = run((req) => {
      req.session.set('visits', 1);
      return ok();
    }, request()) as HttpResponse;
    const cookie = response.cookies.get('sessionid')!;
    expect(cookieStore.load(cookie.value)).toEqual({ visits: 1 });
    const header = cookie.toString();
    expect(header).toMatch(/; HttpOnly; Max-Age=1209600; Path=\/; SameSite=Lax$/);
    expect(header).toMatch(/expires=\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT/);
    expect(response.headers.get('Vary')).toBe('Cookie');
  });

  it('reads the cookie back on the next request, adds Vary: Cookie, sets no cookie', () => {
    const key = cookieStore.save(null, { visits: 4 });
    let seen: unknown;
    const response = run((req) => {
      seen = req.session.get('visits');
      return ok();
    }, request(key)) as HttpResponse;
    expect(seen).toBe(4);
    expect(response.cookies.size).toBe(0);
    expect(response.headers.get('Vary')).toBe('Cookie');
  });

  it('adds Cookie to an existing Vary without repeating it', () => {
    const response = run((req) => {
      req.session.get('a');
      const res = ok();
      res.headers.set('Vary', 'Accept-Encoding');
      return res;
    }, request()) as HttpResponse;
    expect(response.headers.get('Vary')).toBe('Accept-Encoding, Cookie');
  });

  it('deletes the cookie of a flushed session', () => {
    const key = cookieStore.save(null, { userId: 1 });
    const response = run((req) => {
      req.session.flush();
      return ok();
    }, request(key)) as HttpResponse;
    expect(response.cookies.get('sessionid')!.toString()).toBe(
      'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    );
    expect(response.headers.get('Vary')).toBe('Cookie');
  });

  it('deletes a tampered cookie once the session is read, never failing', () => {
    const key = cookieStore.save(null, { userId: 1 });
    const tampered = key.slice(0, -3) + 'abc';
    let seen: unknown = 'unset';
    const response = run((req) => {
      seen = req.session.get('userId');
      return ok();
    }, request(tampered)) as HttpResponse;
    expect(seen).toBeUndefined();
    expect(response.cookies.get('sessionid')!.value).toBe('');
  });

  it('does not save on a 500, but still says Vary: Cookie', () => {
    const response = run((req) => {
      req.session.set('half', 'done');
      return new HttpResponseServerError('boom');
    }, request()) as HttpResponse;
    expect(response.cookies.size).toBe(0);
    expect(response.headers.get('Vary')).toBe('Cookie');
  });

  it('resends the cookie on every request with sessionSaveEveryRequest', () => {
    const key = cookieStore.save(null, { a: 1 });
    const response = run(ok, request(key), { sessionSaveEveryRequest: true }) as HttpResponse;
    expect(cookieStore.load(response.cookies.get('sessionid')!.value)).toEqual({ a: 1 });
    // Not for a visitor without a session: an empty session is never saved.
    expect(
      (run(ok, request(), { sessionSaveEveryRequest: true }) as HttpResponse).cookies.size,
    ).toBe(0);
  });

  it('writes a browser-session cookie for sessionExpireAtBrowserClose and for setExpiry(0)', () => {
    const atClose = run(
      (req) => {
        req.session.set('a', 1);
        return ok();
      },
      request(),
      { sessionExpireAtBrowserClose: true },
    ) as HttpResponse;
    expect(atClose.cookies.get('sessionid')!.toString()).not.toMatch(/Max-Age|expires/);
    const zero = run((req) => {
      req.session.setExpiry(0);
      return ok();
    }, request()) as HttpResponse;
    expect(zero.cookies.get('sessionid')!.toString()).not.toMatch(/Max-Age|expires/);
    const short = run((req) => {
      req.session.setExpiry(60);
      return ok();
    }, request()) as HttpResponse;
    expect(short.cookies.get('sessionid')!.toString()).toContain('Max-Age=60;');
  });

  it('uses the cookie settings, from the project settings or its own options', () => {
    const view: GetResponse = (req) => {
      req.session.set('a', 1);
      return ok();
    };
    const handler = SessionMiddleware(view, {
      secretKey,
      sessionCookieName: 'sid',
      sessionCookieDomain: '.example.com',
      sessionCookiePath: '/app/',
      sessionCookieSecure: true,
      sessionCookieHttpOnly: false,
      sessionCookieSameSite: 'None',
      sessionCookieAge: 60,
    });
    const header = (handler(request()) as HttpResponse).cookies.get('sid')!.toString();
    expect(header).toMatch(
      /^sid=\S+; Domain=\.example\.com; expires=.*; Max-Age=60; Path=\/app\/; SameSite=None; Secure$/,
    );
    const own = SessionMiddleware.with({ sessionCookieName: 'mine' })(view, {
      secretKey,
      sessionCookieName: 'sid',
    });
    expect((own(request()) as HttpResponse).cookies.has('mine')).toBe(true);
  });

  it('refuses a session cookie over 4093 bytes at write time, naming the store and setting', () => {
    const big = () =>
      run((req) => {
        for (let i = 0; i < 400; i++) req.session.set(`k${i}`, Math.random().toString(36));
        return ok();
      }, request());
    expect(big).toThrow(SessionCookieTooLarge);
    expect(big).toThrow(/signed-cookie session store.*'sessionStore'/);
  });
});

describe('SessionMiddleware settings', () => {
  it('needs secretKey, at start-up, naming it', () => {
    let error: unknown;
    try {
      SessionMiddleware(ok, {});
    } catch (e) {
      error = e;
    }
    expect(ImproperlyConfigured.isInstance(error)).toBe(true);
    expect((error as ImproperlyConfigured).setting).toBe('secretKey');
    expect((error as Error).message).toMatch(/needs the 'secretKey' setting/);
  });

  it.each([
    ['sessionCookieName', 'bad name;'],
    ['sessionCookieAge', '2 weeks'],
    ['sessionCookieSecure', 'yes'],
    ['sessionCookieSameSite', 'lax-ish'],
    ['sessionStore', { name: 'half a store' }],
    ['secretKey', ''],
  ])('refuses a malformed %s, naming it', (setting, value) => {
    let error: unknown;
    try {
      SessionMiddleware(ok, { secretKey, [setting]: value });
    } catch (e) {
      error = e;
    }
    expect((error as ImproperlyConfigured).setting).toBe(setting);
  });
});

describe('SessionMiddleware with an async store', () => {
  const future = { expireDate: new Date(Date.now() + 1e7), expiryAge: 1e4, mustCreate: true };

  it('never touches the store for a request without the cookie, even when the view reads', async () => {
    const store = new MemoryStore({ async: true });
    const response = await run(
      (req) => {
        req.session.get('anything');
        return ok();
      },
      request(),
      { sessionStore: store },
    );
    expect(store.calls).toEqual([]);
    expect(response.headers.get('Vary')).toBe('Cookie');
  });

  it('loads once before the view, so the view reads synchronously; saves on the way out', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { visits: 1 }, future);
    store.calls.length = 0;
    const response = await run(
      (req) => {
        req.session.set('visits', req.session.get<number>('visits')! + 1);
        return ok();
      },
      request(key),
      { sessionStore: store },
    );
    expect(store.calls).toEqual(['load', 'save']);
    expect(response.cookies.get('sessionid')!.value).toBe(key);
    expect(await store.load(key)).toEqual({ visits: 2 });
  });

  it('a new session gets a fresh Django key in the cookie', async () => {
    const store = new MemoryStore({ async: true });
    const response = await run(
      (req) => {
        req.session.set('a', 1);
        return ok();
      },
      request(),
      { sessionStore: store },
    );
    expect(response.cookies.get('sessionid')!.value).toMatch(/^[a-z0-9]{32}$/);
  });

  it('cycleKey() keeps the data under a new key and deletes the old one', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { cart: ['a'] }, future);
    const response = await run(
      (req) => {
        req.session.cycleKey();
        req.session.set('userId', 7);
        return ok();
      },
      request(key),
      { sessionStore: store },
    );
    const newKey = response.cookies.get('sessionid')!.value;
    expect(newKey).not.toBe(key);
    expect(await store.load(newKey)).toEqual({ cart: ['a'], userId: 7 });
    expect(await store.exists(key)).toBe(false);
  });

  it('flush() deletes the session from the store even when the response is a 500', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { userId: 1 }, future);
    await run(
      (req) => {
        req.session.flush();
        return new HttpResponseServerError('boom');
      },
      request(key),
      { sessionStore: store },
    );
    expect(await store.exists(key)).toBe(false);
  });

  it('an outage is an error naming the store (a 500), not an empty session', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { userId: 1 }, future);
    store.down = true;
    let viewRan = false;
    const error = await Promise.resolve(
      run(
        () => {
          viewRan = true;
          return ok();
        },
        request(key),
        { sessionStore: store },
      ),
    ).catch((e: unknown) => e);
    expect(viewRan).toBe(false);
    expect(SessionStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(
      /^The async memory session store failed to load a session/,
    );
  });

  it('a session deleted while the request ran is SessionInterrupted, not recreated', async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { userId: 1 }, future);
    const error = await Promise.resolve(
      run(
        async (req) => {
          req.session.set('more', 1);
          await store.delete(key); // a logout in another tab
          return ok();
        },
        request(key),
        { sessionStore: store },
      ),
    ).catch((e: unknown) => e);
    expect(SessionInterrupted.isInstance(error)).toBe(true);
    expect(await store.exists(key)).toBe(false);
  });

  it("with load: 'explicit' the view loads it, and only then", async () => {
    const store = new MemoryStore({ async: true });
    const key = await store.save(null, { visits: 1 }, future);
    store.calls.length = 0;
    const handler = sessionMiddleware({ sessionStore: store, load: 'explicit' })(async (req) => {
      expect(() => req.session.get('visits')).toThrow(/load: 'explicit'/);
      await req.session.load();
      return new HttpResponse(String(req.session.get('visits')));
    }, settings);
    const response = (await handler(request(key))) as HttpResponse;
    expect(new TextDecoder().decode(response.content)).toBe('1');
    expect(store.calls).toEqual(['load']);
    const untouched = (await handler(request())) as HttpResponse;
    expect(untouched.status).toBe(200);
  });
});

describe('SessionMiddleware cookie lookup', () => {
  it("finds only the request's own cookie, even for a name such as 'constructor'", () => {
    // COOKIES set by code (a test client, an adapter) may be a plain object with a prototype.
    const req = request();
    req.COOKIES = {};
    const response = SessionMiddleware(
      (req) => {
        req.session.get('a');
        return ok();
      },
      { secretKey, sessionCookieName: 'constructor' },
    )(req) as HttpResponse;
    // No cookie was sent, so there is none to delete.
    expect(response.cookies.size).toBe(0);
  });
});
