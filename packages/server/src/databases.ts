/**
 * The `databases` setting (Django's `DATABASES`): each alias names a Kysely instance the app
 * opens itself, the migrations `reins migrate` applies to it, and how to close it at shutdown.
 * reins does not open connections for you — Kysely's dialects (SQLite, PostgreSQL with a `pg`
 * pool, MySQL) are configured in the project — but it pings them for readiness, migrates them and
 * closes them when a server drains.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';

/**
 * What reins needs of a Kysely instance: the executor to run a ping and migrations through
 * (Kysely's own types stay the project's, so @reins/server does not depend on a Kysely version).
 */
export interface KyselyLike {
  getExecutor(): unknown;
  destroy(): Promise<void>;
}

/** A Kysely migration (`up`, optional `down`), as Kysely's `Migrator` takes it. */
export interface MigrationLike {
  up(db: never): Promise<void>;
  down?(db: never): Promise<void>;
}

/**
 * One database: `kysely()` returns the app's instance (the same one on every call, opened on
 * first use), `migrations` are applied by `reins migrate` in name order (name them
 * `'<app>.<NNNN_name>'`, as Django prints them), `close()` ends its pool (default: `destroy()` of
 * the instance, if it was asked for).
 *
 * @example
 * const databases: DatabasesSetting = {
 *   default: { kysely: database, close: closeDatabase, migrations: { 'sessions.0001_initial': sessionsMigrations['0001_initial']! } },
 * };
 */
export interface DatabaseSetting {
  kysely(): KyselyLike;
  migrations?: Readonly<Record<string, MigrationLike>>;
  close?(): MaybePromise<void>;
}

/** Django's `DATABASES`: aliases (`default` first) to {@link DatabaseSetting}s. */
export type DatabasesSetting = Readonly<Record<string, DatabaseSetting>>;
