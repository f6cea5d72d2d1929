import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http404, HttpRequest } from '@reins/http';
import { MultipleObjectsReturned, setTemplates } from '@reins/shortcuts';
import type { DataSource, TemplateResponse } from '@reins/shortcuts';
import { Engine } from '@reins/templates';
import { DetailView } from './detail-view.js';
import type { ModelSource, ObjectLookup } from './model-source.js';
import { verboseNameOf } from './model-source.js';

interface Post {
  id: number;
  slug: string;
  title: string;
}
let sqlite: Database.Database;
let db: Kysely<{ blog_post: Post }>;

beforeAll(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(
    "CREATE TABLE blog_post (id INTEGER PRIMARY KEY, slug TEXT, title TEXT); INSERT INTO blog_post VALUES (1, 'one', 'One'), (2, 'two', 'Two'), (3, 'two', 'Two again');",
  );
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  setTemplates(
    new Engine({
      templates: {
        'blog/blogpost_detail.html': '{{ blogpost.title }}',
        'post.html': '{{ object.title }}',
      },
    }),
  );
});
afterAll(async () => {
  setTemplates(null);
  await db.destroy();
});

const BlogPost: ModelSource = {
  name: 'BlogPost',
  appLabel: 'blog',
  findByPk: (pk) => db.selectFrom('blog_post').selectAll().where('id', '=', Number(pk)),
  findBySlug: (slug) => db.selectFrom('blog_post').selectAll().where('slug', '=', String(slug)),
};

const show = async (
  view: (request: HttpRequest, params: never) => unknown,
  params: Record<string, unknown>,
): Promise<string> => {
  const response = (await view(
    new HttpRequest({ url: '/post/' }),
    params as never,
  )) as TemplateResponse;
  return (await response.render()).text();
};

describe('DetailView with a model’s finders (Kysely over SQLite)', () => {
  const view = DetailView.asView({ model: BlogPost });

  it('finds by pk and by slug, naming the template and context after the model', async () => {
    expect(await show(view, { pk: 2 })).toBe('Two');
    expect(await show(view, { slug: 'one' })).toBe('One');
  });

  it('404s with the model’s verbose name', async () => {
    await expect(show(view, { pk: 9 })).rejects.toThrow(
      new Http404('No blog post found matching the query'),
    );
    expect(verboseNameOf({ name: 'BlogPost' })).toBe('blog post');
    expect(verboseNameOf({ name: 'HTTPLog' })).toBe('http log');
    expect(verboseNameOf({ name: 'Article', verboseName: 'story' })).toBe('story');
  });

  it('raises MultipleObjectsReturned for an ambiguous slug', async () => {
    await expect(show(view, { slug: 'two' })).rejects.toThrow(MultipleObjectsReturned);
  });

  it('checks the slug against the pk’s row when queryPkAndSlug is set', async () => {
    const strict = DetailView.asView({ model: BlogPost, queryPkAndSlug: true });
    expect(await show(strict, { pk: 2, slug: 'two' })).toBe('Two');
    await expect(show(strict, { pk: 1, slug: 'two' })).rejects.toThrow(Http404);
    expect(await show(view, { pk: 1, slug: 'two' })).toBe('One');
  });

  it('prefers find(lookup) when the model has it', async () => {
    const lookups: ObjectLookup[] = [];
    const model: ModelSource = {
      name: 'BlogPost',
      appLabel: 'blog',
      find: (lookup) => {
        lookups.push(lookup);
        return db.selectFrom('blog_post').selectAll().where('id', '=', Number(lookup.pk));
      },
    };
    expect(
      await show(DetailView.asView({ model, queryPkAndSlug: true }), { pk: 3, slug: 'two' }),
    ).toBe('Two again');
    expect(lookups).toEqual([{ pk: 3, slug: 'two', slugField: 'slug', pkField: 'id' }]);
  });

  it('accepts finders that return promises of a row or null', async () => {
    const model: ModelSource = {
      name: 'BlogPost',
      appLabel: 'blog',
      findByPk: async (pk) =>
        (await db
          .selectFrom('blog_post')
          .selectAll()
          .where('id', '=', Number(pk))
          .executeTakeFirst()) ?? null,
    };
    expect(await show(DetailView.asView({ model }), { pk: 1 })).toBe('One');
    await expect(show(DetailView.asView({ model }), { pk: 7 })).rejects.toThrow(Http404);
  });
});

describe('DetailView with a queryset', () => {
  it('narrows a Kysely query with where(pkField, =, pk)', async () => {
    class Published extends DetailView<{ id: number }, Post> {
      override model = { name: 'BlogPost', appLabel: 'blog' };
      override pkUrlKwarg = 'id';
      override getQueryset() {
        return db.selectFrom('blog_post').selectAll().where('id', '<', 3);
      }
    }
    expect(await show(Published.asView(), { id: 2 })).toBe('Two');
    await expect(show(Published.asView(), { id: 3 })).rejects.toThrow(
      'No blog post found matching the query',
    );
  });

  it('narrows a model’s all() query in SQL rather than loading the table', async () => {
    const statements: string[] = [];
    const logged = new Kysely<{ blog_post: Post }>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        statements.push(event.query.sql);
      },
    });
    const model: ModelSource = {
      name: 'BlogPost',
      appLabel: 'blog',
      all: () => logged.selectFrom('blog_post').selectAll(),
    };
    expect(await show(DetailView.asView({ model }), { pk: 2 })).toBe('Two');
    expect(statements).toEqual(['select * from "blog_post" where "id" = ? limit ?']);
  });

  it('filters rows in memory, comparing 4 with "4"', async () => {
    const rows = [{ id: 4, slug: 'four', title: 'Four' }];
    expect(
      await show(DetailView.asView({ queryset: rows, templateName: 'post.html' }), { pk: '4' }),
    ).toBe('Four');
    await expect(
      show(DetailView.asView({ queryset: rows, templateName: 'post.html' }), { pk: 5 }),
    ).rejects.toThrow('No object found matching the query');
  });

  it('lets lookupSource() or getObject() be overridden', async () => {
    class Custom extends DetailView<{ pk: number }> {
      override templateName = 'post.html';
      override lookupSource(lookup: ObjectLookup): DataSource {
        return () => Promise.resolve({ id: lookup.pk, title: `custom ${String(lookup.pk)}` });
      }
    }
    expect(await show(Custom.asView(), { pk: 8 })).toBe('custom 8');
    class Direct extends DetailView<{ pk: number }> {
      override templateName = 'post.html';
      override getObject() {
        return Promise.resolve({ title: `direct ${String(this.kwargs.pk)}` });
      }
    }
    expect(await show(Direct.asView(), { pk: 9 })).toBe('direct 9');
  });
});
