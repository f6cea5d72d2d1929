import type { Kysely, Migration } from 'kysely';

/**
 * A temporary directory, removed by the cleanup handed to `after` (vitest's `afterAll`).
 *
 * @example
 * const dir = temporaryDirectory('reins-auth-', afterAll);
 */
export function temporaryDirectory(prefix: string, after: (cleanup: () => void) => void): string;

/**
 * A Kysely on a SQLite file (better-sqlite3).
 *
 * @example
 * const db = sqliteKysely(join(dir, 'db.sqlite3'));
 */
export function sqliteKysely(file: string): Kysely<any>;

/**
 * A Kysely on a PostgreSQL URL (a pool of two; an idle client's error, as when a test kills the
 * server, is ignored).
 *
 * @example
 * const db = postgresKysely((await startPostgres()).url);
 */
export function postgresKysely(url: string): Kysely<any>;

/**
 * Run `migrations` with Kysely's Migrator, as a project's `reins migrate` does; throws the first
 * failure.
 *
 * @example
 * await migrateToLatest(db, { ...sessionsMigrations, ...authMigrations });
 */
export function migrateToLatest(
  db: Kysely<any>,
  migrations: Record<string, Migration>,
): Promise<void>;
