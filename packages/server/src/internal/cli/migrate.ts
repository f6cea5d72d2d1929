/**
 * `reins migrate [--list]`: loads the app module, reads its `migrations` export and runs
 * `applyMigrations()` (or `showMigrations()` for `--list`, Django's `showmigrations` format), then
 * creates the caches' tables (`reins createcachetable`) when the app configures any, and closes
 * the database.
 */
import { ImproperlyConfigured } from '@reins/core';
import {
  applyMigrations,
  checkMigrationsConfig,
  migrationsDatabase,
  showMigrations,
} from '../../apply-migrations.js';
import { AppLoadError } from './app-load-error.js';
import type { CommandIo } from './commands.js';
import { processIo } from './commands.js';
import { importAppModule, locateApp } from './load-app.js';

/** Options of `reins migrate`. */
export interface MigrateOptions {
  app?: string;
  /** Print each app's migrations, applied `[X]` or not `[ ]`, and change nothing. */
  list?: boolean;
}

interface CacheRegistry {
  createCacheTables?: (options?: { dryRun?: boolean }) => Promise<string[]>;
}

/** `reins migrate [--list]`; exit code 1 when a migration fails. */
export async function migrate(options: MigrateOptions, io: CommandIo = processIo): Promise<number> {
  const location = await locateApp(options.app);
  const { module } = await importAppModule(location);
  let config;
  try {
    config = checkMigrationsConfig(module['migrations'], location.path);
  } catch (error) {
    if (error instanceof ImproperlyConfigured) throw new AppLoadError(error.message);
    throw error;
  }
  const db = await migrationsDatabase(config);
  try {
    if (options.list === true) {
      const states = await showMigrations(config);
      for (const app of Object.keys(config.apps)) {
        io.out(app);
        const mine = states.filter((state) => state.app === app);
        if (mine.length === 0) io.out(' (no migrations)');
        for (const state of mine) io.out(` [${state.applied ? 'X' : ' '}] ${state.name}`);
      }
      return 0;
    }
    io.out('Operations to perform:');
    io.out(`  Apply all migrations: ${Object.keys(config.apps).sort().join(', ')}`);
    io.out('Running migrations:');
    const result = await applyMigrations(config, { log: (line) => io.out(line) });
    if (result.failed !== undefined) {
      const { error, migration } = result.failed;
      io.err(
        `CommandError: ${migration} failed: ${error instanceof Error ? error.message : JSON.stringify(error)} (rolled back where the database allows it; fix the migration and run reins migrate again).`,
      );
      return 1;
    }
    if (result.applied.length === 0) io.out('  No migrations to apply.');
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
