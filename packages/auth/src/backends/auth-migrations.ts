/**
 * The migration that creates Django's auth tables for a new database, for Kysely's `Migrator`:
 * the tables, columns, constraints and index names Django 3.2's `contenttypes` and `auth`
 * migrations end with, so a database made by either one is the other's. Tables that exist are
 * left alone (a database Django's `migrate` made).
 *
 * @module
 */
import type { Migration } from 'kysely';
import { isPostgres, type AnyKysely } from '../internal/sql.js';

// Django 3.2's final schema (`manage.py migrate` on SQLite, printed from sqlite_master); on
// PostgreSQL the same with serial keys, real booleans, timestamptz and plain foreign keys.
function statements(postgres: boolean): string[] {
  const id = postgres
    ? '"id" serial NOT NULL PRIMARY KEY'
    : '"id" integer NOT NULL PRIMARY KEY AUTOINCREMENT';
  const bool = postgres ? 'boolean' : 'bool';
  const datetime = postgres ? 'timestamp with time zone' : 'datetime';
  const fk = (table: string) => `REFERENCES "${table}" ("id") DEFERRABLE INITIALLY DEFERRED`;
  const list = [
    `CREATE TABLE IF NOT EXISTS "django_content_type" (${id}, "app_label" varchar(100) NOT NULL, "model" varchar(100) NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "django_content_type_app_label_model_76bd3d3b_uniq" ON "django_content_type" ("app_label", "model")`,
    `CREATE TABLE IF NOT EXISTS "auth_permission" (${id}, "content_type_id" integer NOT NULL ${fk('django_content_type')}, "codename" varchar(100) NOT NULL, "name" varchar(255) NOT NULL)`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "auth_permission_content_type_id_codename_01ab375a_uniq" ON "auth_permission" ("content_type_id", "codename")`,
    `CREATE INDEX IF NOT EXISTS "auth_permission_content_type_id_2f476e4b" ON "auth_permission" ("content_type_id")`,
    `CREATE TABLE IF NOT EXISTS "auth_group" (${id}, "name" varchar(150) NOT NULL UNIQUE)`,
    `CREATE TABLE IF NOT EXISTS "auth_group_permissions" (${id}, "group_id" integer NOT NULL ${fk('auth_group')}, "permission_id" integer NOT NULL ${fk('auth_permission')})`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "auth_group_permissions_group_id_permission_id_0cd325b0_uniq" ON "auth_group_permissions" ("group_id", "permission_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_group_permissions_group_id_b120cbf9" ON "auth_group_permissions" ("group_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_group_permissions_permission_id_84c5c92e" ON "auth_group_permissions" ("permission_id")`,
    `CREATE TABLE IF NOT EXISTS "auth_user" (${id}, "password" varchar(128) NOT NULL, "last_login" ${datetime} NULL, "is_superuser" ${bool} NOT NULL, "username" varchar(150) NOT NULL UNIQUE, "last_name" varchar(150) NOT NULL, "email" varchar(254) NOT NULL, "is_staff" ${bool} NOT NULL, "is_active" ${bool} NOT NULL, "date_joined" ${datetime} NOT NULL, "first_name" varchar(150) NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS "auth_user_groups" (${id}, "user_id" integer NOT NULL ${fk('auth_user')}, "group_id" integer NOT NULL ${fk('auth_group')})`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "auth_user_groups_user_id_group_id_94350c0c_uniq" ON "auth_user_groups" ("user_id", "group_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_user_groups_user_id_6a12ed8b" ON "auth_user_groups" ("user_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_user_groups_group_id_97559544" ON "auth_user_groups" ("group_id")`,
    `CREATE TABLE IF NOT EXISTS "auth_user_user_permissions" (${id}, "user_id" integer NOT NULL ${fk('auth_user')}, "permission_id" integer NOT NULL ${fk('auth_permission')})`,
    `CREATE UNIQUE INDEX IF NOT EXISTS "auth_user_user_permissions_user_id_permission_id_14a6b632_uniq" ON "auth_user_user_permissions" ("user_id", "permission_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_user_user_permissions_user_id_a95ead1b" ON "auth_user_user_permissions" ("user_id")`,
    `CREATE INDEX IF NOT EXISTS "auth_user_user_permissions_permission_id_1fbb5f2c" ON "auth_user_user_permissions" ("permission_id")`,
  ];
  if (postgres) {
    // Django adds a varchar_pattern_ops index to every indexed varchar on PostgreSQL.
    list.push(
      `CREATE INDEX IF NOT EXISTS "auth_user_username_6821ab7c_like" ON "auth_user" ("username" varchar_pattern_ops)`,
      `CREATE INDEX IF NOT EXISTS "auth_group_name_a6ea08ec_like" ON "auth_group" ("name" varchar_pattern_ops)`,
    );
  }
  return list;
}

const initial: Migration = {
  async up(db: AnyKysely): Promise<void> {
    // Imported here, not at the top: importing @reins/auth never loads Kysely.
    const { sql } = await import('kysely');
    for (const statement of statements(isPostgres(db))) await sql.raw(statement).execute(db);
  },
  async down(db: AnyKysely): Promise<void> {
    for (const table of [
      'auth_user_user_permissions',
      'auth_user_groups',
      'auth_user',
      'auth_group_permissions',
      'auth_group',
      'auth_permission',
      'django_content_type',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};

/**
 * The auth package's migrations, by name, for Kysely's `Migrator` (prefixed `auth.` so they sit
 * beside `sessionsMigrations` in one provider).
 *
 * @example
 * import { Migrator } from 'kysely';
 * const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...sessionsMigrations, ...authMigrations }) } });
 * await migrator.migrateToLatest();
 */
export const authMigrations: Readonly<Record<string, Migration>> = Object.freeze({
  'auth.0001_initial': initial,
});
