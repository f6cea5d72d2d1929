/**
 * `reins migrate` (Django's `migrate`): applies the migrations of each database of the
 * `databases` setting with Kysely's `Migrator`, printing Django's lines. Kysely records what ran
 * in its own `kysely_migration` table; migrations run in name order, and names from several apps
 * interleave (`articles.0001_…` before `sessions.0001_…`), so a new app's first migration may
 * sort before one already applied — allowed, as Django applies each app's chain on its own.
 */
import type { App } from '../../create-app.js';
import type { CommandIo } from './commands.js';

/** Options of `reins migrate`. */
export interface MigrateOptions {
  /** Only this alias of `databases` (Django's `--database`); default every one. */
  database?: string;
}

/** Run the migrations; returns the exit code. */
export async function migrateApp(
  app: App,
  options: MigrateOptions,
  io: CommandIo,
): Promise<number> {
  const databases = Object.entries(app.settings.databases).filter(
    ([alias]) => options.database === undefined || alias === options.database,
  );
  if (databases.length === 0) {
    io.err(
      options.database === undefined
        ? "CommandError: The app has no 'databases' setting. Add databases: { default: { kysely: () => db, migrations } } to its settings."
        : `CommandError: No database '${options.database}' in the 'databases' setting (configured: ${Object.keys(app.settings.databases).join(', ') || 'none'}).`,
    );
    return 1;
  }
  const { Migrator } = await import('kysely');
  for (const [alias, database] of databases) {
    const migrations = database.migrations ?? {};
    const apps = [...new Set(Object.keys(migrations).map((name) => name.split('.')[0]))].sort();
    io.out('Operations to perform:');
    io.out(
      `  Apply all migrations: ${apps.join(', ') || '(none)'}${databases.length > 1 ? ` (database '${alias}')` : ''}`,
    );
    io.out('Running migrations:');
    const migrator = new Migrator({
      db: database.kysely() as never,
      provider: { getMigrations: () => Promise.resolve(migrations as never) },
      allowUnorderedMigrations: true,
    });
    const { error, results = [] } = await migrator.migrateToLatest();
    for (const result of results) {
      io.out(
        `  Applying ${result.migrationName}...${result.status === 'Success' ? ' OK' : result.status === 'Error' ? ' FAILED' : ' not run'}`,
      );
    }
    if (results.length === 0 && error === undefined) io.out('  No migrations to apply.');
    if (error !== undefined) {
      io.err(
        `CommandError: migrating database '${alias}' failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      );
      return 1;
    }
  }
  return 0;
}
