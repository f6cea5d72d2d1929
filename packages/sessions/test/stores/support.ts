import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll } from 'vitest';
import { sessionsMigrations } from '../../src/stores/sessions-migrations.js';

export const SECRET_KEY = 'django-insecure-stores-test-key-0123456789abcdefghijklmnopqrstuvwxyz';

/** A temporary directory removed after the file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reins-sessions-'));
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
  // The outage tests kill the server under this idle pool too.
  pool.on('error', () => {});
  return new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
}

/** Run the sessions migrations the way a project does, with Kysely's Migrator. */
export async function migrate(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...sessionsMigrations }) },
  });
  const { error, results } = await migrator.migrateToLatest();
  // The migrator's own error, rethrown as it reported it.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (error !== undefined) throw error;
  for (const result of results ?? []) {
    if (result.status === 'Error') throw new Error(`migration ${result.migrationName} failed`);
  }
}

const PYTHON = '/usr/bin/python3';

/**
 * Why Django 3.2 can't be run here, or `undefined` when it can. Under CI it throws instead:
 * CI installs Debian's python3-django, and a compatibility test must not skip there.
 */
export function missingDjango(): string | undefined {
  let version: string | undefined;
  try {
    version = execFileSync(PYTHON, ['-c', 'import django; print(django.get_version())'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    version = undefined;
  }
  if (version?.startsWith('3.2')) return undefined;
  const message = `Django 3.2 is not installed for ${PYTHON} (found ${version ?? 'none'}); install Debian's python3-django (apt-get install python3-django) to run the Django compatibility tests.`;
  if (process.env['CI']) throw new Error(`${message} CI must install it (.ci/run).`);
  return message;
}

const DB_ROWS = fileURLToPath(new URL('../django/db_rows.py', import.meta.url));

/** Run test/django/db_rows.py (Django's own SessionStore on a SQLite file); its JSON answer. */
export function djangoDbRows(...args: string[]): unknown {
  return JSON.parse(execFileSync(PYTHON, [DB_ROWS, ...args], { encoding: 'utf8' }));
}
