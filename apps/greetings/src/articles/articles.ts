/**
 * The Article model as the views see it: rows from SQLite with `published_at` turned into a
 * `Date` (so the templates' `|date` filter formats it), and the queries the views run.
 */
import type { Kysely } from 'kysely';
import type { ArticleRow, GreetingsDatabase } from './database.js';

/** An article as the templates and the JSON endpoint receive it. */
export interface Article extends Omit<ArticleRow, 'published_at'> {
  published_at: Date;
}

/** Turn a database row into an Article (SQLite stores the date as ISO text). */
export function toArticle(row: ArticleRow): Article {
  return { ...row, published_at: new Date(row.published_at) };
}

/** Every article, newest first, as Articles. */
export async function allArticles(db: Kysely<GreetingsDatabase>): Promise<Article[]> {
  const rows = await db.selectFrom('article').selectAll().orderBy('published_at', 'desc').execute();
  return rows.map(toArticle);
}

/** The query selecting one article by primary key (run by getObjectOr404). */
export function articleByPk(db: Kysely<GreetingsDatabase>, pk: number) {
  return db.selectFrom('article').selectAll().where('id', '=', pk);
}
