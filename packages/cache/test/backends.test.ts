import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  caches,
  configureCaches,
  createCacheTable,
  createCacheTables,
  DatabaseCache,
  LocMemCache,
} from '../src/index.js';
import { runCacheContract } from './cache-contract.js';

let location = 0;
runCacheContract('local memory', (options) => {
  // A fresh store for each test's main cache; the caches a test builds with options share it, as
  // Django's LocMemCaches with one LOCATION do.
  if (Object.keys(options).length === 0) location += 1;
  return new LocMemCache({ location: `contract-${location}`, ...options });
});

const dir = mkdtempSync(join(tmpdir(), 'reins-cache-db-'));
const db = new Kysely({
  dialect: new SqliteDialect({ database: new Database(join(dir, 'cache.sqlite3')) }),
});
await createCacheTable(db, 'my_cache_table');
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});
runCacheContract(
  'database (SQLite)',
  (options) => new DatabaseCache({ db, location: 'my_cache_table', ...options }),
);

describe('createcachetable', () => {
  it("creates Django's table and index, reports an existing one, and prints the SQL on a dry run", async () => {
    const file = new Database(join(dir, 'tables.sqlite3'));
    const tablesDb = new Kysely({ dialect: new SqliteDialect({ database: file }) });
    configureCaches({
      default: { backend: 'locmem' },
      db: { backend: 'database', db: tablesDb, location: 'my_cache_table' },
    });
    try {
      expect(await createCacheTables({ dryRun: true })).toEqual([
        'create table "my_cache_table" ("cache_key" varchar(255) not null primary key, "value" text not null, "expires" datetime not null);',
        'create index "my_cache_table_expires" on "my_cache_table" ("expires");',
      ]);
      expect(await createCacheTables()).toEqual(["Cache table 'my_cache_table' created."]);
      expect(await createCacheTables()).toEqual(["Cache table 'my_cache_table' already exists."]);
      const columns = file.prepare(`PRAGMA table_info('my_cache_table')`).all() as {
        name: string;
        type: string;
        pk: number;
      }[];
      expect(columns.map((c) => [c.name, c.type.toLowerCase(), c.pk])).toEqual([
        ['cache_key', 'varchar(255)', 1],
        ['value', 'text', 0],
        ['expires', 'datetime', 0],
      ]);
      await caches.get('db').set('k', 'v', 60);
      const row = file.prepare('SELECT cache_key, expires FROM my_cache_table').get() as {
        cache_key: string;
        expires: string;
      };
      expect(row.cache_key).toBe(':1:k');
      // Django's SQLite datetime text, UTC.
      expect(row.expires).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);
    } finally {
      configureCaches({ default: { backend: 'locmem' } });
      await tablesDb.destroy();
    }
  });
});
