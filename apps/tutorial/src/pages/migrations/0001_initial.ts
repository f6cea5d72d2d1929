/** The pages app's first migration: its table, and a first page to show. */
import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they must keep working as the schema in database.ts moves on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pages_page')
    .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    .addColumn('title', 'varchar(200)', (column) => column.notNull())
    .addColumn('slug', 'varchar(50)', (column) => column.notNull().unique())
    .addColumn('body', 'text', (column) => column.notNull())
    .execute();
  await db
    .insertInto('pages_page')
    .values({
      title: 'About this site',
      slug: 'about',
      body: 'This page is a row of the pages_page table, made by the first migration.',
    })
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pages_page').execute();
}
