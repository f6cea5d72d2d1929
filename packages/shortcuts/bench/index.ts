/**
 * `pnpm bench`: what the shortcuts add over doing the same thing by hand, in process.
 * `getObjectOr404` against Kysely's own `executeTakeFirst()` on an in-memory SQLite table (the
 * shortcut bounds the query with `limit(21)` and checks for duplicates), and `render()` /
 * `TemplateResponse` against calling the template directly.
 */
import { benchGroups } from '@reins/bench-tools';
import Database from 'better-sqlite3';
import { HttpRequest, HttpResponse } from '@reins/http';
import { Engine } from '@reins/templates';
import { Kysely, SqliteDialect } from 'kysely';
import { getObjectOr404, render, setTemplates, TemplateResponse } from '../src/index.js';

const sqlite = new Database(':memory:');
sqlite.exec('CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO article (id, title) VALUES (?, ?)');
for (let id = 1; id <= 1000; id++) insert.run(id, `Article ${id}`);
const db = new Kysely<{ article: { id: number; title: string } }>({
  dialect: new SqliteDialect({ database: sqlite }),
});
const articles = Array.from({ length: 1000 }, (_, index) => ({
  id: index + 1,
  title: `Article ${index + 1}`,
}));

const engine = new Engine({ templates: { 'hello.html': '<p>Hello, {{ name }}!</p>' } });
setTemplates(engine);
const template = engine.getTemplate('hello.html');
const request = new HttpRequest({ url: '/' });

const groups: Array<[string, Array<[string, () => unknown]>]> = [
  [
    'one row by primary key (SQLite, Kysely)',
    [
      [
        'executeTakeFirst()',
        () => db.selectFrom('article').selectAll().where('id', '=', 500).executeTakeFirst(),
      ],
      [
        'getObjectOr404(query)',
        () => getObjectOr404(db.selectFrom('article').selectAll().where('id', '=', 500)),
      ],
    ],
  ],
  [
    'one row from an array',
    [
      ['rows.find()', () => Promise.resolve(articles.find((row) => row.id === 500))],
      [
        'getObjectOr404(() => rows.find())',
        () => getObjectOr404(() => articles.find((row) => row.id === 500)),
      ],
    ],
  ],
  [
    'render a template into a response',
    [
      [
        'new HttpResponse(template.render())',
        () => Promise.resolve(new HttpResponse(template.render({ name: 'ann' }, request))),
      ],
      ['render(request, name, context)', () => render(request, 'hello.html', { name: 'ann' })],
      [
        'new TemplateResponse(...).render()',
        () => new TemplateResponse(request, 'hello.html', { name: 'ann' }).render(),
      ],
    ],
  ],
];
await benchGroups('@reins/shortcuts — in process (lower is better)', groups);
await db.destroy();
