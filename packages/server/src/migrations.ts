/**
 * What `reins migrate` runs: the project's database and its migration sets, one per app, in the
 * order they must apply (Django's INSTALLED_APPS order standing in for its dependency graph). A
 * package contributes its own set (`sessionsMigrations` from `@reins/sessions`); the project adds
 * one per app of its own. The app module exports it as `migrations` beside the app.
 */
import type { MaybePromise } from '@reins/core';

/**
 * One migration, as Kysely's `Migrator` runs it (structurally Kysely's `Migration`, so this
 * package's types do not need Kysely installed).
 *
 * @example
 * const initial: ReinsMigration = { up: (db) => db.schema.createTable('pages_page').addColumn('id', 'integer', (c) => c.primaryKey()).execute() };
 */
export interface ReinsMigration {
  /* eslint-disable @typescript-eslint/no-explicit-any -- Kysely's own Migration takes Kysely<any>: a project's schema is its own */
  up(db: any): Promise<void>;
  down?(db: any): Promise<void>;
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

/**
 * The project's database and migration sets, exported as `migrations` from the app module.
 * `apps` is ordered: a set applies after every set before it (put `sessions` and `auth` first).
 *
 * @example
 * export const migrations = defineMigrations({ db: database, apps: { sessions: sessionsMigrations, pages: pagesMigrations } });
 */
export interface MigrationsConfig {
  /** A Kysely instance (SQLite or PostgreSQL), or a function opening one; `migrate` closes it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Kysely<Schema>
  db: { destroy(): Promise<void> } | (() => MaybePromise<any>);
  /** Each app's migrations by name (`0001_initial`), the apps in the order they apply. */
  apps: Readonly<Record<string, Readonly<Record<string, ReinsMigration>>>>;
}

/**
 * Type the app module's `migrations` export (returns its argument).
 *
 * @example
 * export const migrations = defineMigrations({ db: () => database(), apps: { sessions: sessionsMigrations } });
 */
export function defineMigrations(config: MigrationsConfig): MigrationsConfig {
  return config;
}
