import type { Database } from 'better-sqlite3';

export const articles = [
  {
    title: 'Hello, reins',
    slug: 'hello-reins',
    published_at: '2026-11-01T09:00:00',
    body: 'reins rebuilds the request–response cycle of Django in TypeScript.\n\nA URL is resolved, a view runs, a response goes back: the same steps, the same names.',
  },
  {
    title: 'Routing with path()',
    slug: 'routing-with-path',
    published_at: '2026-11-08T09:00:00',
    body: "path('article/<int:pk>', view) captures pk as a number and hands it to the view.\n\nreverse('articles:detail', { args: [1] }) builds the URL back.",
  },
  {
    title: 'Templates that extend a base',
    slug: 'templates-that-extend',
    published_at: '2026-11-15T09:00:00',
    body: 'Every page of this site extends base.html and fills its content block.\n\nAutoescaping is on, as in Django: <script> stays text.',
  },
];

/** Fill an empty database with the demo's articles, in one transaction. */
export function seedArticles(sqlite: Database): void {
  const insert = sqlite.prepare(
    'INSERT INTO article (title, slug, body, published_at) VALUES (@title, @slug, @body, @published_at)',
  );
  sqlite.transaction(() => {
    for (const article of articles) insert.run(article);
  })();
}
