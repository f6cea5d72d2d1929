import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createCacheTable, DatabaseCache, LocMemCache } from '../src/index.js';
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
