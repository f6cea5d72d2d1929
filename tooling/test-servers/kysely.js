// @ts-check
/**
 * The databases the packages' tests run on, made the way a project makes them: Kysely over a
 * SQLite file (better-sqlite3) or a PostgreSQL URL (pg, e.g. a `startPostgres()` server), migrated
 * with Kysely's Migrator, in a temporary directory removed after the tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';

/**
 * @param {string} prefix
 * @param {(cleanup: () => void) => void} after
 */
export function temporaryDirectory(prefix, after) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** @param {string} file */
export function sqliteKysely(file) {
  return new Kysely({ dialect: new SqliteDialect({ database: new Database(file) }) });
}

/** @param {string} url */
export function postgresKysely(url) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An outage test kills the server under the idle pool too; pg reports it as an 'error' event,
  // which would otherwise end the test process. The queries' own errors still reach the tests.
  pool.on('error', () => {});
  return new Kysely({ dialect: new PostgresDialect({ pool }) });
}

/**
 * @param {import('kysely').Kysely<any>} db
 * @param {Record<string, import('kysely').Migration>} migrations
 */
export async function migrateToLatest(db, migrations) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrations }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  // The migrator's own error, rethrown as it reported it.
  if (error !== undefined) throw error;
  for (const result of results ?? []) {
    if (result.status === 'Error') throw new Error(`migration ${result.migrationName} failed`);
  }
}
