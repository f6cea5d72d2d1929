/**
 * What `reins migrate` applies, in this order: the packages' tables first, then each app's.
 * A new app's set goes at the end (`reins startapp` prints the line).
 */
import { defineMigrations } from '@reins/server';
// __MIGRATION_IMPORTS__
import { database } from './database.js';
import { migrations as pages } from './pages/migrations/index.js';

export const migrations = defineMigrations({
  db: database,
  apps: {
    // __MIGRATION_APPS__
    pages,
  },
});
