/**
 * The cache-backed session stores of @reins/sessions over real @reins/cache caches — the
 * local-memory cache and the Redis cache on a real Redis server — through the sessions store
 * contract. Here because @reins/sessions may not import @reins/cache, even in tests; the server
 * may use both.
 */
import { join } from 'node:path';
import { LocMemCache, RedisCache } from '@reins/cache';
import {
  CacheSessionStore,
  CachedDbSessionStore,
  DatabaseSessionStore,
  sessionsMigrations,
} from '@reins/sessions';
import { missingServer, startRedis, type TestServer } from '@reins/test-servers';
import { migrateToLatest, sqliteKysely, temporaryDirectory } from '@reins/test-servers/kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStoreContract } from '../../sessions/test/store-contract.js';

const SECRET_KEY = 'cache-session-stores-secret';
const dir = temporaryDirectory('reins-server-sessions-', afterAll);
let made = 0;

async function database(): Promise<DatabaseSessionStore> {
  const file = join(dir, `sessions-${made++}.sqlite3`);
  const db = sqliteKysely(file);
  await migrateToLatest(db, sessionsMigrations);
  await db.destroy();
  return new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
}

// Each store its own location: a fresh, empty cache per test.
const memory = () => new LocMemCache({ location: `sessions-${made++}` });

runStoreContract(
  'cache session store over @reins/cache LocMemCache',
  () => new CacheSessionStore({ cache: memory() }),
);
runStoreContract(
  'cached-db session store over @reins/cache LocMemCache and SQLite',
  async () => new CachedDbSessionStore({ cache: memory(), db: await database() }),
);

describe("the cache keys Django's session backends use, made by @reins/cache", () => {
  it("are ':1:django.contrib.sessions.cache<key>' and ':1:django.contrib.sessions.cached_db<key>'", async () => {
    const cache = memory();
    const store = new CacheSessionStore({ cache });
    const key = await store.save(
      null,
      { a: 1 },
      { expireDate: new Date(Date.now() + 60e3), expiryAge: 60, mustCreate: true },
    );
    expect(cache.makeKey(`django.contrib.sessions.cache${key}`)).toBe(
      `:1:django.contrib.sessions.cache${key}`,
    );
    expect(await cache.get(`django.contrib.sessions.cache${key}`)).toEqual({ a: 1 });
    const cachedDb = new CachedDbSessionStore({ cache, db: await database() });
    const other = await cachedDb.save(
      null,
      { b: 2 },
      { expireDate: new Date(Date.now() + 60e3), expiryAge: 60, mustCreate: true },
    );
    expect(await cache.get(`django.contrib.sessions.cached_db${other}`)).toEqual({ b: 2 });
    await cachedDb.close();
  });
});

const missing = missingServer('redis');
if (missing) console.warn(missing);

describe.skipIf(missing)('over @reins/cache RedisCache on a real Redis', () => {
  let server: TestServer;
  const opened: RedisCache[] = [];
  beforeAll(async () => {
    server = await startRedis();
  }, 30_000);
  afterAll(async () => {
    for (const cache of opened) await cache.close();
    await server?.stop();
  });
  // Each store its own key prefix: a fresh, empty cache per test on one server.
  const redis = (): RedisCache => {
    const cache = new RedisCache({ location: server.url, keyPrefix: `t${made++}` });
    opened.push(cache);
    return cache;
  };

  runStoreContract(
    'cache session store over RedisCache',
    () => new CacheSessionStore({ cache: redis() }),
  );
  runStoreContract(
    'cached-db session store over RedisCache and SQLite',
    async () => new CachedDbSessionStore({ cache: redis(), db: await database() }),
  );

  it('a Redis outage: the cache store reads an empty session, the cached-db store reads the database', async () => {
    const cache = redis();
    const cached = new CacheSessionStore({ cache });
    const cachedDb = new CachedDbSessionStore({ cache, db: await database() });
    const options = { expireDate: new Date(Date.now() + 60e3), expiryAge: 60, mustCreate: true };
    const one = await cached.save(null, { a: 1 }, options);
    const two = await cachedDb.save(null, { b: 2 }, options);
    await server.kill();
    try {
      expect(await cached.load(one)).toBeNull();
      expect(await cachedDb.load(two)).toEqual({ b: 2 });
      await expect(cached.save(null, { c: 3 }, options)).rejects.toThrow(
        /The cache session store failed to create a session/,
      );
    } finally {
      await server.restart();
    }
    await cachedDb.close();
  }, 30_000);
});
