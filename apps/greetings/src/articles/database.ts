/**
 * The articles' database, through Kysely as the typed query builder: by default an embedded
 * SQLite file (better-sqlite3: synchronous, in-process, no server to run), created and seeded on
 * first open, its location from `GREETINGS_DB` (or the `file` option), defaulting to the app's
 * git-ignored `data/` folder; with `DATABASE_URL` (`postgres://…`) PostgreSQL through Kysely's
 * Postgres dialect over a `pg` pool, whose tables `reins migrate` creates (src/migrations.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Generated, type Selectable } from 'kysely';
import pg from 'pg';
import { appRoot } from '../app-root.js';
import { seedArticles } from './seed.js';

export interface ArticleTable {
  id: Generated<number>;
  title: string;
  slug: string;
  body: string;
  published_at: string;
}

export interface GreetingsDatabase {
  article: ArticleTable;
}

export type ArticleRow = Selectable<ArticleTable>;

/** Where the database lives when neither `GREETINGS_DB` nor an explicit file is given. */
export const defaultDatabaseFile = join(appRoot, 'data', 'greetings.sqlite');

/**
 * Open (creating and seeding if needed) the articles database.
 *
 * @example
 * const db = openDatabase({ file: ':memory:' });
 * await db.selectFrom('article').selectAll().execute();
 */
export function openDatabase(
  options: { file?: string; url?: string } = {},
): Kysely<GreetingsDatabase> {
  const url = options.url ?? (options.file === undefined ? process.env.DATABASE_URL : undefined);
  if (url !== undefined && url !== '') return openPostgres(url);
  const file = options.file ?? process.env.GREETINGS_DB ?? defaultDatabaseFile;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec(`
    CREATE TABLE IF NOT EXISTS article (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL,
      slug TEXT NOT NULL UNIQUE,
      body TEXT NOT NULL,
      published_at TEXT NOT NULL
    )
  `);
  const { count } = sqlite.prepare('SELECT COUNT(*) AS count FROM article').get() as {
    count: number;
  };
  if (count === 0) seedArticles(sqlite);
  return new Kysely<GreetingsDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** PostgreSQL pool connections per process (`DATABASE_POOL_SIZE`, default 5). */
function poolSize(): number {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? '5');
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(
      `DATABASE_POOL_SIZE must be a whole number ≥ 1, got '${process.env.DATABASE_POOL_SIZE}'.`,
    );
  }
  return size;
}

/**
 * PostgreSQL through a `pg` pool. Nothing connects until the first query; the tables come from
 * `reins migrate`. Every `reins serve` worker has its own pool: workers × instances × size must
 * stay under the server's `max_connections` (100 by default).
 */
function openPostgres(url: string): Kysely<GreetingsDatabase> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    connectionTimeoutMillis: 5000,
    query_timeout: 5000,
  });
  // A connection dropped by the server (a restart) is replaced on the next query; without a
  // listener, pg's 'error' event would end the process.
  pool.on('error', () => {});
  return new Kysely<GreetingsDatabase>({ dialect: new PostgresDialect({ pool }) });
}
