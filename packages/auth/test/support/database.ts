import { sessionsMigrations } from '@reins/sessions';
import { migrateToLatest, temporaryDirectory } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import { afterAll } from 'vitest';
import { authMigrations } from '../../src/index.js';

export const SECRET_KEY = 'django-insecure-auth-test-key-0123456789abcdefghijklmnopqrstuvwxyz';

/** A temporary directory removed after the file's tests. */
export function tempDir(): string {
  return temporaryDirectory('reins-auth-', afterAll);
}

/** Run the sessions and auth migrations the way a project does, with Kysely's Migrator. */
export function migrate(db: Kysely<any>): Promise<void> {
  return migrateToLatest(db, { ...sessionsMigrations, ...authMigrations });
}
