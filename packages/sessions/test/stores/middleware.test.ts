// SessionMiddleware over a real socket on the database (SQLite) and Redis stores: a visitor's
// visits are counted in the store, logout removes the session from it, and a Redis outage is a
// 500 naming the store (never a silent logout), after which the visitor's session comes back.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { HttpResponse, requestFromNode, writeNodeResponse } from '@reins/http';
import type { TestServer } from '@reins/test-servers';
import { missingServer, startRedis } from '@reins/test-servers';
import { sqliteKysely } from '@reins/test-servers/kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionStoreError } from '../../src/session-errors.js';
import type { SessionStore } from '../../src/session-store.js';
import { sessionMiddleware } from '../../src/session-middleware.js';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { RedisSessionStore } from '../../src/stores/redis-session-store.js';
import { migrate, SECRET_KEY, tempDir } from './support.js';

async function serve(
  store: SessionStore,
): Promise<{ url: string; server: Server; errors: unknown[] }> {
  const errors: unknown[] = [];
  const handler = sessionMiddleware({ sessionStore: store })(
    (request) => {
      if (request.path === '/logout/') {
        request.session.flush();
        return new HttpResponse('bye');
      }
      const visits = (request.session.get<number>('visits') ?? 0) + 1;
      request.session.set('visits', visits);
      return new HttpResponse(`You have been here ${visits} times`);
    },
    { secretKey: SECRET_KEY },
  );
  const server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming);
    void Promise.resolve(handler(request)).then(
      (response) => writeNodeResponse(response, outgoing, request),
      (error: unknown) => {
        errors.push(error);
        outgoing.statusCode = 500;
        outgoing.end(String((error as Error).message));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, errors };
}

class Browser {
  cookie = '';
  async get(url: string): Promise<{ status: number; text: string }> {
    const response = await fetch(url, { headers: this.cookie ? { cookie: this.cookie } : {} });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null)
      this.cookie = /Max-Age=0/.test(setCookie) ? '' : setCookie.split(';')[0]!;
    return { status: response.status, text: await response.text() };
  }
  get key(): string {
    return this.cookie.replace(/^sessionid=/, '');
  }
}

const redisMissing = missingServer('redis');
if (redisMissing !== undefined) console.warn(`Redis middleware tests skipped: ${redisMissing}`);

async function countsAndForgets(url: string, store: SessionStore): Promise<void> {
  const alice = new Browser();
  const bob = new Browser();
  expect((await alice.get(`${url}/`)).text).toBe('You have been here 1 times');
  expect((await alice.get(`${url}/`)).text).toBe('You have been here 2 times');
  expect((await bob.get(`${url}/`)).text).toBe('You have been here 1 times');
  expect(alice.key).toMatch(/^[a-z0-9]{32}$/);
  expect(await store.load(alice.key)).toEqual({ visits: 2 });
  const key = alice.key;
  await alice.get(`${url}/logout/`);
  expect(alice.cookie).toBe('');
  expect(await store.exists(key)).toBe(false);
  expect(await store.load(bob.key)).toEqual({ visits: 1 });
}

describe('SessionMiddleware on the SQLite database store, over a socket', () => {
  const dir = tempDir();
  let site: Awaited<ReturnType<typeof serve>>;
  let store: DatabaseSessionStore;
  beforeAll(async () => {
    const file = join(dir, 'db.sqlite3');
    const db = sqliteKysely(file);
    await migrate(db);
    await db.destroy();
    store = new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
    site = await serve(store);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => site.server.close(() => resolve()));
    await store.close();
  });

  it('counts visits in django_session and deletes the row on logout', async () => {
    await countsAndForgets(site.url, store);
    expect(site.errors).toEqual([]);
  });
});

describe.skipIf(redisMissing !== undefined)(
  'SessionMiddleware on the Redis store, over a socket',
  () => {
    let redis: TestServer;
    let site: Awaited<ReturnType<typeof serve>>;
    let store: RedisSessionStore;
    beforeAll(async () => {
      redis = await startRedis();
      store = new RedisSessionStore({ url: redis.url, timeout: 5000 });
      site = await serve(store);
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => site.server.close(() => resolve()));
      await store.close();
      await redis?.stop();
    });

    it('counts visits in Redis and deletes the key on logout', async () => {
      await countsAndForgets(site.url, store);
    });

    it('answers 500 naming the store while Redis is down, then serves the visitor again', async () => {
      const carol = new Browser();
      await carol.get(`${site.url}/`);
      const cookie = carol.cookie;
      await redis.kill();
      const down = await carol.get(`${site.url}/`);
      expect(down.status).toBe(500);
      expect(down.text).toMatch(
        /^The redis session store \(127\.0\.0\.1:\d+\) failed to load a session/,
      );
      expect(SessionStoreError.isInstance(site.errors.at(-1))).toBe(true);
      // Not logged out: the cookie is kept for when the store is back.
      expect(carol.cookie).toBe(cookie);
      await redis.restart();
      let back = down;
      for (let tries = 0; tries < 100 && back.status !== 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        back = await carol.get(`${site.url}/`);
      }
      // The killed Redis kept nothing (no persistence): a fresh session starts.
      expect(back).toEqual({ status: 200, text: 'You have been here 1 times' });
    });
  },
);
