// Sessions through the whole stack (createApp, the handler's error responses and logging): the
// secret key checked at start-up, and a store outage answered with a 500 whose log names the store.
import { HttpResponse, type HttpRequest } from '@reins/http';
import { createApp, ImproperlyConfigured, type LogRecord } from '@reins/server';
import { SessionMiddleware, SessionStoreError, type SessionStore } from '@reins/sessions';
import { path } from '@reins/urls';
import { describe, expect, it } from 'vitest';

const view = (request: HttpRequest) =>
  new HttpResponse(`visits: ${String(request.session.get('visits', 0))}`);
const rootUrlconf = [path('', view)];

/** A server-side store whose backend is down: every call fails, as a refused connection does. */
const downStore: SessionStore = {
  name: 'redis session store',
  sync: false,
  load: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  save: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  exists: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  delete: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
  clearExpired: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
};

describe('sessions in an app', () => {
  it('refuse to start without secretKey, naming it', () => {
    let error: unknown;
    try {
      createApp({ rootUrlconf, middleware: [SessionMiddleware] });
    } catch (e) {
      error = e;
    }
    expect(ImproperlyConfigured.isInstance(error)).toBe(true);
    expect((error as ImproperlyConfigured).setting).toBe('secretKey');
  });

  it('answer a store outage with a 500 whose log names the store, not with a logout', async () => {
    const records: LogRecord[] = [];
    const app = createApp({
      rootUrlconf,
      allowedHosts: ['127.0.0.1'],
      secretKey: 'greetings-test-secret-key',
      sessionStore: downStore,
      middleware: [SessionMiddleware],
      logger: { log: (record) => records.push(record) },
    });
    const response = await app.fetch(
      new Request('http://127.0.0.1/', {
        headers: { cookie: 'sessionid=abcdefghijklmnopqrstuvwxyz012345' },
      }),
    );
    expect(response.status).toBe(500);
    const logged = records.find((record) => record.level === 'error');
    expect(SessionStoreError.isInstance(logged?.error)).toBe(true);
    // Django's "Internal Server Error: /" line, then the error (its message and stack) naming the store.
    expect(logged?.message).toBe('Internal Server Error: /');
    expect((logged?.error as Error).message).toMatch(
      /^The redis session store failed to load a session: connect ECONNREFUSED/,
    );
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('never touch the store for a visitor without the cookie', async () => {
    const app = createApp({
      rootUrlconf,
      allowedHosts: ['127.0.0.1'],
      secretKey: 'greetings-test-secret-key',
      sessionStore: downStore,
      middleware: [SessionMiddleware],
    });
    const response = await app.fetch(new Request('http://127.0.0.1/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('visits: 0');
  });
});
