/**
 * What `reins migrate` applies, in this order: the packages' tables first, then each app's.
 * A new app's set goes at the end (`reins startapp` prints the line).
 */
import { authMigrations } from '@reins/auth';
import { defineMigrations } from '@reins/server';
import { sessionsMigrations } from '@reins/sessions';
import { database } from './database.js';
import { migrations as blog } from './blog/migrations/index.js';
import { migrations as pages } from './pages/migrations/index.js';

export const migrations = defineMigrations({
  db: database,
  apps: {
    sessions: sessionsMigrations,
    auth: authMigrations,
    pages,
    blog,
  },
});
