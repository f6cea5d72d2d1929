/**
 * The demo's migrations for `reins migrate` (Django's `migrate`), by Django's `app.NNNN_name`:
 * the articles table and its three articles (a data migration, as Django's `RunPython`), and the
 * sessions package's `django_session`. Written to be harmless on a SQLite file the app already
 * created and seeded on first open.
 */
import { sessionsMigrations } from '@reins/sessions';
import type { MigrationLike } from '@reins/server';
import { PostgresAdapter, type Kysely } from 'kysely';
import { articles } from './articles/seed.js';

const initial = {
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

const seed = {
  async up(db: Kysely<unknown>): Promise<void> {
    const kysely = db as Kysely<{ article: { slug: string } }>;
    const present = await kysely.selectFrom('article').select('slug').execute();
    const have = new Set(present.map((row) => row.slug));
    const missing = articles.filter((article) => !have.has(article.slug));
    if (missing.length > 0) await kysely.insertInto('article').values(missing).execute();
  },
};

/** Every migration of the demo, by name. */
export const migrations: Readonly<Record<string, MigrationLike>> = {
  'articles.0001_initial': initial,
  'articles.0002_seed': seed,
  'sessions.0001_initial': sessionsMigrations['0001_initial']!,
};
