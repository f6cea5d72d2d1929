/**
 * `reins migrate [--list]`: Django's `migrate` (and `showmigrations`) on Kysely's `Migrator`. The
 * app module exports `migrations` (see migrations.ts): the database and one set per app. All sets
 * share one history table, `reins_migration`, each migration recorded as `<app>.<name>`, and run
 * in the order the apps are listed, then by name, as Django runs an app's migrations after those
 * it depends on. An app added later in front of others (auth landing in a project that already
 * migrated its pages) still applies: unordered migrations are allowed, as Django allows them.
 * The caches' tables (`reins createcachetable`) are created after, when the app configures any.
 */
import type { MigrationsConfig, ReinsMigration } from '../../migrations.js';
import { AppLoadError } from './app-load-error.js';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';
import { importAppModule, locateApp } from './load-app.js';

/** Kysely's history tables for reins' migrations. */
export const MIGRATION_TABLE = 'reins_migration';
const MIGRATION_LOCK_TABLE = 'reins_migration_lock';

/** Options of `reins migrate`. */
export interface MigrateOptions {
  app?: string;
  /** Print each app's migrations, applied `[X]` or not `[ ]`, and change nothing. */
  list?: boolean;
}

interface CacheRegistry {
  createCacheTables?: (options?: { dryRun?: boolean }) => Promise<string[]>;
}

function validate(value: unknown, path: string): MigrationsConfig {
  const config = value as Partial<MigrationsConfig> | undefined;
  if (
    typeof config !== 'object' ||
    config === null ||
    config.db === undefined ||
    typeof config.apps !== 'object'
  ) {
    throw new AppLoadError(
      `The module '${path}' exports no database migrations. Export them beside the app: \`export const migrations = defineMigrations({ db, apps: { sessions: sessionsMigrations, pages: pagesMigrations } })\`.`,
    );
  }
  for (const [app, set] of Object.entries(config.apps)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(app)) {
      throw new AppLoadError(
        `The migrations app label '${app}' is not an identifier; use letters, digits and underscores, as Django's app labels.`,
      );
    }
    for (const [name, migration] of Object.entries(set)) {
      if (typeof (migration as Partial<ReinsMigration> | undefined)?.up !== 'function') {
        throw new AppLoadError(
          `The migration '${app}.${name}' has no up() function; export { up(db) { … } } for it.`,
        );
      }
    }
  }
  return config as MigrationsConfig;
}

/** `reins migrate [--list]`; exit code 1 when a migration fails. */
export async function migrate(options: MigrateOptions, io: CommandIo = processIo): Promise<number> {
  const location = await locateApp(options.app);
  const { module } = await importAppModule(location);
  const config = validate(module['migrations'], location.path);
  const { Migrator } = await import('kysely');
  const db = (
    typeof config.db === 'function' ? await config.db() : config.db
  ) as ConstructorParameters<typeof Migrator>[0]['db'];
  const labels = Object.keys(config.apps);
  const nameOf = (app: string, name: string): string => `${app}.${name}`;
  // One Migrator per app, in the apps' order: Kysely runs pending migrations sorted by name, so
  // a single one would interleave the apps alphabetically. Each sees every migration already
  // applied (so none is "missing") plus its own app's, and applies only its app's pending ones.
  const migratorFor = (own: Record<string, ReinsMigration>, applied: readonly string[]) => {
    const noop: ReinsMigration = { up: () => Promise.resolve() };
    const provided: Record<string, ReinsMigration> = {};
    for (const name of applied) provided[name] = noop;
    Object.assign(provided, own);
    return new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(provided) },
      migrationTableName: MIGRATION_TABLE,
      migrationLockTableName: MIGRATION_LOCK_TABLE,
      allowUnorderedMigrations: true,
    });
  };
  const ownMigrations = (app: string): Record<string, ReinsMigration> =>
    Object.fromEntries(
      Object.entries(config.apps[app] ?? {}).map(([name, migration]) => [
        nameOf(app, name),
        migration,
      ]),
    );
  const appliedNames = async (): Promise<string[]> => {
    const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
    if (!tables.some((table) => table.name === MIGRATION_TABLE)) return [];
    const rows = await db
      .selectFrom(MIGRATION_TABLE as never)
      .select('name' as never)
      .execute();
    return rows.map((row) => (row as { name: string }).name);
  };
  try {
    const applied = await appliedNames();
    if (options.list === true) {
      for (const app of labels) {
        io.out(app);
        const names = Object.keys(config.apps[app] ?? {}).sort();
        if (names.length === 0) io.out(' (no migrations)');
        for (const name of names) {
          io.out(` [${applied.includes(nameOf(app, name)) ? 'X' : ' '}] ${name}`);
        }
      }
      return 0;
    }
    io.out('Operations to perform:');
    io.out(`  Apply all migrations: ${[...labels].sort().join(', ')}`);
    io.out('Running migrations:');
    let ran = 0;
    for (const app of labels) {
      const { error, results = [] } = await migratorFor(
        ownMigrations(app),
        await appliedNames(),
      ).migrateToLatest();
      for (const result of results) {
        if (result.status === 'Success') {
          ran++;
          io.out(`  Applying ${result.migrationName}... OK`);
        } else if (result.status === 'Error') {
          io.err(`  Applying ${result.migrationName}... FAILED`);
        }
      }
      if (error !== undefined) {
        io.err(
          `CommandError: ${error instanceof Error ? error.message : JSON.stringify(error)} (the failed migration was rolled back where the database allows it; fix it and run reins migrate again).`,
        );
        return 1;
      }
    }
    if (ran === 0) io.out('  No migrations to apply.');
    const registry = (globalThis as Record<symbol, CacheRegistry | undefined>)[
      Symbol.for('reins.cache.registry')
    ];
    if (registry?.createCacheTables !== undefined) {
      for (const line of await registry.createCacheTables()) io.out(line);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
