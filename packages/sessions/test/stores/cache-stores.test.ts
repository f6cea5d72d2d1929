import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sqliteKysely } from '@reins/test-servers/kysely';
import { describe, expect, it } from 'vitest';
import { CacheSessionStore } from '../../src/stores/cache-session-store.js';
import { CachedDbSessionStore } from '../../src/stores/cached-db-session-store.js';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { ImproperlyConfigured } from '@reins/core';
import { runStoreContract } from '../store-contract.js';
import { MemoryCache } from '../support/memory-cache.js';
import { migrate, tempDir } from './support.js';

interface Entry {
  value: Record<string, unknown>;
  timeout: number;
}
const vectors = JSON.parse(
  readFileSync(new URL('../fixtures/django-cache-sessions.json', import.meta.url), 'utf8'),
) as {
  django: string;
  secretKey: string;
  data: Record<string, unknown>;
  cache: {
    sessionKey: string;
    cacheKey: string;
    entries: Record<string, Entry>;
    readsForeign: unknown;
  };
  cachedDb: {
    sessionKey: string;
    cacheKey: string;
    entries: Record<string, Entry>;
    row: { decoded: Record<string, unknown>; expiresIn: number };
    readThrough: { loaded: Record<string, unknown>; entries: Record<string, Entry> };
  };
};

const dir = tempDir();
let files = 0;
async function database(): Promise<DatabaseSessionStore> {
  const file = join(dir, `cached-db-${files++}.sqlite3`);
  const db = sqliteKysely(file);
  await migrate(db);
  await db.destroy();
  return new DatabaseSessionStore({ secretKey: vectors.secretKey, sqlite: file });
}

runStoreContract(
  'cache session store (a Map cache)',
  () => new CacheSessionStore({ cache: new MemoryCache() }),
);
runStoreContract(
  'cached-db session store (a Map cache over SQLite)',
  async () => new CachedDbSessionStore({ cache: new MemoryCache(), db: await database() }),
);

const future = (seconds: number) => ({
  expireDate: new Date(Date.now() + seconds * 1000),
  expiryAge: seconds,
  mustCreate: true,
});

describe(`the cache session store, as Django ${vectors.django}'s cache backend`, () => {
  it("stores the session's data under Django's key, with its expiry age as the timeout", async () => {
    const cache = new MemoryCache();
    const store = new CacheSessionStore({ cache });
    const key = await store.save(vectors.cache.sessionKey, vectors.data, future(1209600));
    expect(key).toBe(vectors.cache.sessionKey);
    const [entry] = Object.values(vectors.cache.entries);
    expect(cache.calls).toEqual([['add', vectors.cache.cacheKey, entry!.value, entry!.timeout]]);
  });

  it('reads a session Django put in the cache', async () => {
    const cache = new MemoryCache();
    const [entry] = Object.values(vectors.cache.entries);
    await cache.set(vectors.cache.cacheKey, entry!.value, entry!.timeout);
    const store = new CacheSessionStore({ cache });
    expect(await store.load(vectors.cache.sessionKey)).toEqual(vectors.data);
    expect(vectors.cache.readsForeign).toEqual({ from: 'reins' });
  });

  it('is an empty session when the cache fails on read (as Django), and names itself on write', async () => {
    const cache = new MemoryCache();
    const store = new CacheSessionStore({ cache });
    const key = await store.save(null, { a: 1 }, future(60));
    cache.down = true;
    expect(await store.load(key)).toBeNull();
    await expect(store.save(null, { a: 1 }, future(60))).rejects.toThrow(/cache session store/);
  });

  it('needs a cache', () => {
    expect(() => new CacheSessionStore({} as never)).toThrow(ImproperlyConfigured);
    expect(() => new CacheSessionStore({ cache: { get() {} } as never })).toThrow(
      /needs \{ cache \}: a cache with get, set, add and delete/,
    );
  });
});

describe(`the cached-db session store, as Django ${vectors.django}'s cached_db backend`, () => {
  it("writes the database row and the cache entry under Django's key", async () => {
    const cache = new MemoryCache();
    const db = await database();
    const store = new CachedDbSessionStore({ cache, db });
    const key = await store.save(
      vectors.cachedDb.sessionKey,
      vectors.cachedDb.row.decoded,
      future(3600),
    );
    expect(key).toBe(vectors.cachedDb.sessionKey);
    const [entry] = Object.values(vectors.cachedDb.entries);
    expect(cache.calls).toEqual([['set', vectors.cachedDb.cacheKey, entry!.value, entry!.timeout]]);
    expect(await db.load(key)).toEqual(vectors.cachedDb.row.decoded);
    await store.close();
  });

  it('reads through to the database on a miss and caches the row for the rest of its life', async () => {
    const cache = new MemoryCache();
    const store = new CachedDbSessionStore({ cache, db: await database() });
    const key = await store.save(null, vectors.cachedDb.row.decoded, future(3600));
    cache.entries.clear();
    cache.calls.length = 0;
    expect(await store.load(key)).toEqual(vectors.cachedDb.readThrough.loaded);
    const [entry] = Object.values(vectors.cachedDb.readThrough.entries);
    const set = cache.calls.find(([method]) => method === 'set')!;
    expect(set.slice(0, 3)).toEqual([
      'set',
      `django.contrib.sessions.cached_db${key}`,
      entry!.value,
    ]);
    expect(Math.abs((set[3] as number) - entry!.timeout)).toBeLessThanOrEqual(2);
    cache.calls.length = 0;
    expect(await store.load(key)).toEqual(vectors.cachedDb.readThrough.loaded);
    expect(cache.calls.map(([method]) => method)).toEqual(['get']); // a hit: no query
    await store.close();
  });

  it('falls back to the database when the cache fails on read (as Django)', async () => {
    const cache = new MemoryCache();
    const store = new CachedDbSessionStore({ cache, db: await database() });
    const key = await store.save(null, { kept: true }, future(60));
    cache.down = true;
    expect(await store.load(key)).toEqual({ kept: true });
    expect(await store.exists(key)).toBe(true);
    await store.close();
  });
});
