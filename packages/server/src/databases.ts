/**
 * The `databases` setting (Django's `DATABASES`): each alias names a Kysely instance the app
 * opens itself and how to close it at shutdown. reins does not open connections for you —
 * Kysely's dialects (SQLite, PostgreSQL with a `pg` pool, MySQL) are configured in the project —
 * but it pings them for readiness and closes them when a server drains. Migrations are not
 * listed here: `reins migrate` reads the app module's `migrations` export (`defineMigrations`),
 * the one list of them.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';

/**
 * What reins needs of a Kysely instance: the executor to run a ping through
 * (Kysely's own types stay the project's, so @reins/server does not depend on a Kysely version).
 */
export interface KyselyLike {
  getExecutor(): unknown;
  destroy(): Promise<void>;
}

/**
 * One database: `kysely()` returns the app's instance (the same one on every call, opened on
 * first use), `close()` ends its pool (default: `destroy()` of the instance, if it was asked for).
 *
 * @example
 * const databases: DatabasesSetting = {
 *   default: { kysely: database, close: closeDatabase },
 * };
 */
export interface DatabaseSetting {
  kysely(): KyselyLike;
  close?(): MaybePromise<void>;
}

/** Django's `DATABASES`: aliases (`default` first) to {@link DatabaseSetting}s. */
export type DatabasesSetting = Readonly<Record<string, DatabaseSetting>>;
