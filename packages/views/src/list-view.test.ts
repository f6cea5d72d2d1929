import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http404, HttpRequest } from '@reins/http';
import { setTemplates } from '@reins/shortcuts';
import type { TemplateResponse } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { ListView } from './list-view.js';
import { Page } from './page.js';
import type { SliceSource } from './paginator.js';
import type { Context } from './template-response-mixin.js';

interface Article {
  id: number;
  title: string;
}
let sqlite: Database.Database;
let db: Kysely<{ article: Article }>;
const statements: string[] = [];

beforeAll(() => {
  sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO article (id, title) VALUES (?, ?)');
  for (let id = 1; id <= 23; id++) insert.run(id, `Article ${id}`);
  db = new Kysely({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  setTemplates(
    new Engine({
      templates: {
        'articles.html':
          '{% for a in article_list %}{{ a.id }} {% endfor %}|{{ page_obj.number }} of {{ paginator.num_pages }}' +
          '{% if page_obj.has_next %} next={{ page_obj.next_page_number }}{% endif %}|{{ page_obj.start_index }}-{{ page_obj.end_index }}',
      },
    }),
  );
});
afterAll(async () => {
  setTemplates(null);
  await db.destroy();
});

/** The Kysely recipe from the README: one COUNT query and one LIMIT/OFFSET query per page. */
function articlePages(): SliceSource<Article> {
  return {
    count: async () => {
      const { n } = await db
        .selectFrom('article')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
    slice: (start, end) =>
      db
        .selectFrom('article')
        .selectAll()
        .orderBy('id')
        .offset(start)
        .limit(end - start)
        .execute(),
  };
}

class ArticleList extends ListView<Record<string, never>, Article> {
  override model = { name: 'Article' };
  override templateName = 'articles.html';
  override paginateBy = 10;
  override getQueryset() {
    return articlePages();
  }
}

const get = async (
  view: (request: HttpRequest, params: never) => unknown,
  query = '',
): Promise<TemplateResponse> =>
  (await view(new HttpRequest({ url: `/articles/${query}` }), {} as never)) as TemplateResponse;

describe('ListView over a database', () => {
  it('paginates with one COUNT and one LIMIT/OFFSET query, never loading the table', async () => {
    statements.length = 0;
    const response = await (await get(ArticleList.asView(), '?page=2')).render();
    expect(response.text()).toBe('11 12 13 14 15 16 17 18 19 20 |2 of 3 next=3|11-20');
    expect(statements).toEqual([
      'select count(*) as "n" from "article"',
      'select * from "article" order by "id" limit ? offset ?',
    ]);
  });

  it('serves ?page=last and 404s past the end, as Django', async () => {
    expect((await (await get(ArticleList.asView(), '?page=last')).render()).text()).toBe(
      '21 22 23 |3 of 3|21-23',
    );
    await expect(get(ArticleList.asView(), '?page=4')).rejects.toThrow(
      new Http404('Invalid page (4): That page contains no results'),
    );
  });

  it('paginates a plain Kysely query in SQL by itself', async () => {
    class Plain extends ListView<Record<string, never>, Article> {
      override model = {
        name: 'Article',
        all: () => db.selectFrom('article').selectAll().where('id', '>', 2),
      };
      override templateName = 'articles.html';
      override paginateBy = 5;
      override ordering = ['-id'];
    }
    statements.length = 0;
    const response = await (await get(Plain.asView(), '?page=2')).render();
    expect(response.text()).toBe('18 17 16 15 14 |2 of 5 next=3|6-10');
    expect(statements).toEqual([
      'select count(*) as "count" from "article" where "id" > ?',
      'select * from "article" where "id" > ? order by "id" desc limit ? offset ?',
    ]);
  });

  it('reads a grouped or limited Kysely query whole instead', async () => {
    class Limited extends ListView<Record<string, never>, Article> {
      override model = {
        name: 'Article',
        all: () => db.selectFrom('article').selectAll().orderBy('id').limit(7),
      };
      override templateName = 'articles.html';
      override paginateBy = 5;
    }
    statements.length = 0;
    const response = await (await get(Limited.asView(), '?page=2')).render();
    expect(response.text()).toBe('6 7 |2 of 2|6-7');
    expect(statements).toEqual(['select * from "article" order by "id" limit ?']);
  });

  it('checks allowEmpty with the count alone', async () => {
    class Empty extends ArticleList {
      override allowEmpty = false;
      override getQueryset(): SliceSource<Article> {
        return { count: () => 0, slice: () => [] };
      }
    }
    await expect(get(Empty.asView())).rejects.toThrow(
      'Empty list and “Empty.allowEmpty” is False.',
    );
  });

  it('lists a Kysely query whole when not paginating, sorted by `ordering`', async () => {
    class Everything extends ListView<Record<string, never>, Article> {
      override model = {
        name: 'Article',
        all: () => db.selectFrom('article').selectAll().where('id', '<=', 4).orderBy('id'),
      };
      override templateName = 'articles.html';
      override ordering = '-id';
    }
    const response = await (await get(Everything.asView())).render();
    expect(response.text()).toBe('4 3 2 1 | of |-');
    expect(response.contextData!['is_paginated']).toBe(false);
  });

  it('puts a Page and a Paginator in the context', async () => {
    const context = (await get(ArticleList.asView())).contextData!;
    expect(context['page_obj']).toBeInstanceOf(Page);
    expect((context['page_obj'] as Page<Article>).objectList.map((row) => row.id)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(context['object_list']).toBe(context['article_list']);
  });
});

describe('ListView in memory', () => {
  const rows = [
    { id: 1, title: 'b', n: 2 },
    { id: 2, title: 'a', n: 2 },
    { id: 3, title: 'c', n: 1 },
  ];

  it('sorts arrays by several fields, stable, with - for descending', async () => {
    const view = ListView.asView({
      queryset: rows,
      templateName: 'articles.html',
      ordering: ['n', '-title'],
      contextObjectName: 'article_list',
    });
    expect(
      ((await get(view)).contextData!['object_list'] as typeof rows).map((row) => row.id),
    ).toEqual([3, 1, 2]);
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('takes data from promises and functions, and extra context from an override', async () => {
    class WithStats extends ListView {
      override templateName = 'articles.html';
      override getQueryset() {
        return Promise.resolve(rows);
      }
      override async getContextData(kwargs: Context = {}) {
        return { ...(await super.getContextData(kwargs)), total: rows.length };
      }
    }
    const context = (await get(WithStats.asView())).contextData!;
    expect([context['total'], (context['object_list'] as unknown[]).length]).toEqual([3, 3]);
  });

  it('refuses to sort a { count, slice } source, saying where to sort', async () => {
    const view = ListView.asView({
      queryset: articlePages(),
      ordering: 'title',
      templateName: 'articles.html',
    });
    await expect(get(view)).rejects.toThrow(/sort inside its slice\(\) query/);
  });
});
