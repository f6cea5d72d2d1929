/**
 * The demo's migrations for `reins migrate` (Django's `migrate`), exported beside the app by
 * src/app.ts: the sessions package's `django_session`, the auth package's tables, then the
 * articles table and its three articles (a data migration, as Django's `RunPython`), in that
 * order, as Django's INSTALLED_APPS would list them. Written to be harmless on a SQLite file the
 * app already created and seeded on first open.
 */
import { authMigrations } from '@reins/auth';
import { sessionsMigrations } from '@reins/sessions';
import { defineMigrations, type ReinsMigration } from '@reins/server';
import { PostgresAdapter, type Kysely } from 'kysely';
import { articles } from './articles/seed.js';
import { database } from './database-handle.js';

const initial: ReinsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('article')
      .ifNotExists()
      .addColumn('id', postgres ? 'serial' : 'integer', (column) =>
        postgres ? column.primaryKey() : column.primaryKey().autoIncrement(),
      )
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('slug', 'text', (column) => column.notNull().unique())
      .addColumn('body', 'text', (column) => column.notNull())
      // Text, as in the SQLite schema: the views read an ISO date string either way.
      .addColumn('published_at', 'text', (column) => column.notNull())
      .execute();
  },
};

const seed: ReinsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const kysely = db as Kysely<{ article: { slug: string } }>;
    const present = await kysely.selectFrom('article').select('slug').execute();
    const have = new Set(present.map((row) => row.slug));
    const missing = articles.filter((article) => !have.has(article.slug));
    if (missing.length > 0) await kysely.insertInto('article').values(missing).execute();
  },
};

/** What `reins migrate` applies: the demo's database (closed by the command) and its sets. */
export const migrations = defineMigrations({
  db: database,
  apps: {
    sessions: sessionsMigrations,
    auth: authMigrations,
    articles: { '0001_initial': initial, '0002_seed': seed },
  },
});
