// Open-ended inputs: any JSON object survives a save and a load on each store, and any string as
// a key (what a cookie can carry) loads as no session without an error.
import { join } from 'node:path';
import type { TestServer } from '@reins/test-servers';
import { missingServer, startRedis } from '@reins/test-servers';
import { sqliteKysely } from '@reins/test-servers/kysely';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionStore } from '../../src/session-store.js';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { RedisSessionStore } from '../../src/stores/redis-session-store.js';
import { migrate, SECRET_KEY, tempDir } from './support.js';

const data = fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 });
const later = () => ({ expireDate: new Date(Date.now() + 60_000), expiryAge: 60 });

function properties(name: string, store: () => SessionStore): void {
  it(`${name}: any JSON object loads back as it was saved`, async () => {
    await fc.assert(
      fc.asyncProperty(data, async (value) => {
        const key = await store().save(null, value, { ...later(), mustCreate: true });
        expect(await store().load(key)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 30 },
    );
  });

  it(`${name}: any string as a key loads as no session, never an error`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (key) => {
        expect(await store().load(key)).toBeNull();
        expect(await store().exists(key)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
}

describe('SQLite database session store', () => {
  const dir = tempDir();
  let store: DatabaseSessionStore;
  beforeAll(async () => {
    const file = join(dir, 'properties.sqlite3');
    const db = sqliteKysely(file);
    await migrate(db);
    await db.destroy();
    store = new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
  });
  afterAll(() => store.close());
  properties('SQLite', () => store);
});

const redisMissing = missingServer('redis');
if (redisMissing !== undefined) console.warn(`Redis property tests skipped: ${redisMissing}`);

describe.skipIf(redisMissing !== undefined)('redis session store', () => {
  let redis: TestServer;
  let store: RedisSessionStore;
  beforeAll(async () => {
    redis = await startRedis();
    store = new RedisSessionStore({ url: redis.url });
  });
  afterAll(async () => {
    await store.close();
    await redis?.stop();
  });
  properties('Redis', () => store);
});
