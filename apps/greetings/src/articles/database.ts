/**
 * The articles' embedded SQLite database: better-sqlite3 as the driver (synchronous, in-process,
 * no server to run) and Kysely as the typed query builder. The file is created and seeded on first
 * open; its location comes from `GREETINGS_DB` (or the `file` option), defaulting to the app's
 * git-ignored `data/` folder.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type Generated, type Selectable } from 'kysely';
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
export function openDatabase(options: { file?: string } = {}): Kysely<GreetingsDatabase> {
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
