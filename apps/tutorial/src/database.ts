/**
 * The database: SQLite through Kysely (a typed SQL query builder). `Database` lists the tables
 * the migrations create, so queries are checked by TypeScript. The file is DATABASE_PATH
 * (default db.sqlite3 in the project folder); `:memory:` gives the tests their own.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Generated } from 'kysely';

/** The tables, as the migrations in src/*\/migrations/ create them. */
export interface Database {
  pages_page: {
    id: Generated<number>;
    title: string;
    slug: string;
    body: string;
  };
  blog_post: {
    id: Generated<number>;
    title: string;
    slug: string;
    body: string;
    published_at: string;
  };
}

let handle: Kysely<Database> | undefined;

/** The connection of this process, opened on first use. */
export function database(): Kysely<Database> {
  handle ??= new Kysely<Database>({
    dialect: new SqliteDialect({
      database: new SQLite(process.env.DATABASE_PATH ?? 'db.sqlite3'),
    }),
  });
  return handle;
}
