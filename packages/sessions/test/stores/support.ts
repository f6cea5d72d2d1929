import { fileURLToPath } from 'node:url';
import { runDjangoScript } from '@reins/test-servers/django';
import { migrateToLatest, temporaryDirectory } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { sessionsMigrations } from '../../src/stores/sessions-migrations.js';

export const SECRET_KEY = 'django-insecure-stores-test-key-0123456789abcdefghijklmnopqrstuvwxyz';

/** A temporary directory removed after the file's tests. */
export function tempDir(): string {
  return temporaryDirectory('reins-sessions-', afterAll);
}

/** Run the sessions migrations the way a project does, with Kysely's Migrator. */
export function migrate(db: Kysely<any>): Promise<void> {
  return migrateToLatest(db, sessionsMigrations);
}

const DB_ROWS = fileURLToPath(new URL('../django/db_rows.py', import.meta.url));

/** Run test/django/db_rows.py (Django's own SessionStore on a SQLite file); its JSON answer. */
export function djangoDbRows(...args: string[]): unknown {
  return runDjangoScript(DB_ROWS, args);
}
