/**
 * The migration that creates Django's `django_session` table, for Kysely's `Migrator`: the
 * columns, types and index names Django 3.2's `sessions/0001_initial` creates, so that a table
 * made by either one is the other's.
 *
 * @module
 */
import type { Migration } from 'kysely';
import type { AnyKysely } from './internal/any-client.js';
import { sqlDialectOf } from './internal/sql-dialect.js';

// Django's index names: `<table>_<column>_<names_digest(table, column, length=8)>`.
const EXPIRE_DATE_INDEX = 'django_session_expire_date_a5c62663';
const SESSION_KEY_LIKE_INDEX = 'django_session_session_key_c0390e0f_like';

const initial: Migration = {
  async up(db: AnyKysely): Promise<void> {
    // Imported here, not at the top: a site without the database store never loads Kysely.
    const { sql } = await import('kysely');
    const dialect = sqlDialectOf(db);
    await db.schema
      .createTable('django_session')
      .ifNotExists()
      .addColumn('session_key', 'varchar(40)', (column) => column.notNull().primaryKey())
      .addColumn('session_data', 'text', (column) => column.notNull())
      // Django: `datetime` on SQLite, `timestamp with time zone` on PostgreSQL.
      .addColumn(
        'expire_date',
        dialect === 'postgres' ? sql`timestamp with time zone` : sql`datetime`,
        (column) => column.notNull(),
      )
      .execute();
    await db.schema
      .createIndex(EXPIRE_DATE_INDEX)
      .ifNotExists()
      .on('django_session')
      .column('expire_date')
      .execute();
    if (dialect === 'postgres') {
      // Django adds a varchar_pattern_ops index to every indexed varchar on PostgreSQL.
      await db.schema
        .createIndex(SESSION_KEY_LIKE_INDEX)
        .ifNotExists()
        .on('django_session')
        .expression(sql`"session_key" varchar_pattern_ops`)
        .execute();
    }
  },
  async down(db: AnyKysely): Promise<void> {
    await db.schema.dropTable('django_session').ifExists().execute();
  },
};

/**
 * The sessions package's migrations, by name, for Kysely's `Migrator` (the name is Django's,
 * `0001_initial`; the table is `django_session`, left alone when Django created it already).
 *
 * @example
 * import { Migrator } from 'kysely';
 * const migrator = new Migrator({ db, provider: { getMigrations: async () => sessionsMigrations } });
 * await migrator.migrateToLatest();
 */
export const sessionsMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001_initial': initial,
});
