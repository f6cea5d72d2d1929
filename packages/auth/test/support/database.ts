import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionsMigrations } from '@reins/sessions';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { authMigrations } from '../../src/index.js';

export const SECRET_KEY = 'django-insecure-auth-test-key-0123456789abcdefghijklmnopqrstuvwxyz';

/** A temporary directory removed after the file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reins-auth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Kysely on a SQLite file. */
export function sqliteKysely(file: string): Kysely<any> {
  return new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
}

/** A Kysely on a PostgreSQL URL. */
export function postgresKysely(url: string): Kysely<any> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
}

/** Run the sessions and auth migrations the way a project does, with Kysely's Migrator. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: () => Promise.resolve({ ...sessionsMigrations, ...authMigrations }),
    },
  });
  const { error, results } = await migrator.migrateToLatest();
  // The migrator's own error, rethrown as it reported it.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (error !== undefined) throw error;
  for (const result of results ?? []) {
    if (result.status === 'Error') throw new Error(`migration ${result.migrationName} failed`);
  }
}
