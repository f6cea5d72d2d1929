/**
 * The migration runner behind `reins migrate`, also for tests: Django's `migrate` and
 * `showmigrations` on Kysely's `Migrator`. Every app's set shares one history table,
 * `reins_migration`, each migration recorded as `<app>.<name>`; the apps apply in the order they
 * are listed and each app's migrations by name, as Django applies an app after those it depends
 * on. An app listed later in front of others (auth landing in a project that already migrated its
 * pages) still applies: unordered migrations are allowed, as Django allows them.
 */
import { ImproperlyConfigured } from '@reins/core';
import type { Kysely } from 'kysely';
import type { MigrationsConfig, ReinsMigration } from './migrations.js';

/** Kysely's history table for reins' migrations (and its lock table, with `_lock`). */
const MIGRATION_TABLE = 'reins_migration';
const MIGRATION_LOCK_TABLE = 'reins_migration_lock';

/** One migration of {@link showMigrations}: its app, name and whether it is applied. */
export interface MigrationState {
  app: string;
  name: string;
  applied: boolean;
}

/** What {@link applyMigrations} did: the migrations applied (`app.name`), and the error if one failed. */
export interface MigrateResult {
  applied: string[];
  failed?: { migration: string; error: unknown };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any project schema
type AnyKysely = Kysely<any>;

/**
 * A migration's name within its app: a package's set may already carry its label
 * (`authMigrations` is keyed `auth.0001_initial`, to share a plain Kysely provider), which is
 * dropped so it is recorded once as `auth.0001_initial`, not `auth.auth.0001_initial`.
 */
function localName(app: string, name: string): string {
  return name.startsWith(`${app}.`) ? name.slice(app.length + 1) : name;
}

/** Check the shape of a `migrations` export, naming what is wrong. */
export function checkMigrationsConfig(value: unknown, where: string): MigrationsConfig {
  const config = value as Partial<MigrationsConfig> | undefined;
  if (
    typeof config !== 'object' ||
    config === null ||
    config.db === undefined ||
    typeof config.apps !== 'object'
  ) {
    throw new ImproperlyConfigured(
      `The module '${where}' exports no database migrations. Export them beside the app: \`export const migrations = defineMigrations({ db, apps: { sessions: sessionsMigrations, pages: pagesMigrations } })\`.`,
    );
  }
  for (const [app, set] of Object.entries(config.apps)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(app)) {
      throw new ImproperlyConfigured(
        `The migrations app label '${app}' is not an identifier; use letters, digits and underscores, as Django's app labels.`,
      );
    }
    for (const [name, migration] of Object.entries(set)) {
      if (typeof (migration as Partial<ReinsMigration> | undefined)?.up !== 'function') {
        throw new ImproperlyConfigured(
          `The migration '${app}.${localName(app, name)}' has no up() function; export { up(db) { … } } for it.`,
        );
      }
    }
  }
  return config as MigrationsConfig;
}

/** The Kysely instance of a config (opening it when `db` is a function). */
export async function migrationsDatabase(config: MigrationsConfig): Promise<AnyKysely> {
  return (typeof config.db === 'function' ? await config.db() : config.db) as AnyKysely;
}

async function appliedNames(db: AnyKysely): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === MIGRATION_TABLE)) return [];
  const rows = await db.selectFrom(MIGRATION_TABLE).select('name').execute();
  return rows.map((row) => String(row.name));
}

/**
 * Every migration of every app, in the order they apply, applied or not (Django's `showmigrations`).
 *
 * @example
 * for (const { app, name, applied } of await showMigrations(migrations)) console.log(app, name, applied);
 */
export async function showMigrations(config: MigrationsConfig): Promise<MigrationState[]> {
  const applied = new Set(await appliedNames(await migrationsDatabase(config)));
  return Object.entries(config.apps).flatMap(([app, set]) =>
    Object.keys(set)
      .map((name) => localName(app, name))
      .sort()
      .map((name) => ({ app, name, applied: applied.has(`${app}.${name}`) })),
  );
}

/**
 * Apply every unapplied migration, app by app in the listed order (Django's `migrate`); the
 * database stays open. Applying twice applies nothing the second time.
 *
 * @example
 * beforeAll(async () => { await applyMigrations(migrations); });
 */
export async function applyMigrations(
  config: MigrationsConfig,
  options: { log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const { Migrator } = await import('kysely');
  const db = await migrationsDatabase(config);
  const applied: string[] = [];
  const noop: ReinsMigration = { up: () => Promise.resolve() };
  for (const [app, set] of Object.entries(config.apps)) {
    // One Migrator per app: Kysely runs pending migrations sorted by name, so a single one would
    // interleave the apps alphabetically. Each sees every migration already applied (so none is
    // "missing") plus its own app's, and applies only its app's pending ones.
    const provided: Record<string, ReinsMigration> = {};
    for (const name of await appliedNames(db)) provided[name] = noop;
    for (const [name, migration] of Object.entries(set))
      provided[`${app}.${localName(app, name)}`] = migration;
    const { error, results = [] } = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(provided) },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      allowUnorderedMigrations: true,
    }).migrateToLatest();
    for (const result of results) {
      if (result.status === 'Success') {
        applied.push(result.migrationName);
        options.log?.(`  Applying ${result.migrationName}... OK`);
      } else if (result.status === 'Error') {
        options.log?.(`  Applying ${result.migrationName}... FAILED`);
        return { applied, failed: { migration: result.migrationName, error } };
      }
    }
    if (error !== undefined) return { applied, failed: { migration: app, error } };
  }
  return { applied };
}
