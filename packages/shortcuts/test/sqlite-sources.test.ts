/**
 * getObjectOr404 / getListOr404 against a real SQLite database (better-sqlite3), read through
 * Kysely and Drizzle exactly as an application would, plus a Prisma-shaped delegate. Prisma's
 * query engine cannot be downloaded in this environment, so the delegate is a thin adapter
 * (findUnique/findFirst/findMany with `where` and `take`) over the same SQLite database: it
 * checks the shape getObjectOr404 relies on, not Prisma itself.
 */
import Database from 'better-sqlite3';
import { eq, gt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http404 } from '@reins/http';
import { getListOr404, getObjectOr404, MultipleObjectsReturned } from '../src/index.js';

/** A synchronous driver's answer as an async ORM gives it: a throw becomes the rejection. */
const later = <T>(run: () => T): Promise<T> => new Promise((resolve) => resolve(run()));

interface ArticleRow {
  id: number;
  title: string;
  slug: string;
  section: string;
}
interface Schema {
  article: ArticleRow;
}

const article = sqliteTable('article', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
  slug: text('slug').notNull(),
  section: text('section').notNull(),
});

let sqlite: Database.Database;
let kysely: Kysely<Schema>;
let orm: ReturnType<typeof drizzle<{ article: typeof article }>>;
const statements: string[] = [];

/** A Prisma-shaped delegate over SQLite: enough of findUnique/findFirst/findMany for the shortcuts. */
function prismaLikeArticle(db: Database.Database) {
  type Args = { where?: Partial<ArticleRow>; take?: number };
  const query = ({ where = {}, take }: Args): ArticleRow[] => {
    const keys = Object.keys(where) as Array<keyof ArticleRow>;
    for (const key of keys)
      if (!(key in { id: 1, title: 1, slug: 1, section: 1 })) throw new Error(`bad column ${key}`);
    const sql =
      `SELECT * FROM article` +
      (keys.length ? ` WHERE ${keys.map((key) => `${key} = ?`).join(' AND ')}` : '') +
      ` ORDER BY id` +
      (take === undefined ? '' : ` LIMIT ${Number(take)}`);
    return db.prepare(sql).all(...keys.map((key) => where[key])) as ArticleRow[];
  };
  return {
    $name: 'Article',
    findUnique: (args: Args & { where: { id: number } | { slug: string } }) =>
      later(() => query(args)[0] ?? null),
    findFirst: (args: Args = {}) => later(() => query({ ...args, take: 1 })[0] ?? null),
    findMany: (args: Args = {}) => later(() => query(args)),
  };
}

beforeAll(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(
    `CREATE TABLE article (id INTEGER PRIMARY KEY, title TEXT NOT NULL, slug TEXT NOT NULL, section TEXT NOT NULL)`,
  );
  const insert = sqlite.prepare(
    'INSERT INTO article (id, title, slug, section) VALUES (?, ?, ?, ?)',
  );
  insert.run(1, 'Hello', 'hello', 'news');
  insert.run(2, 'World', 'world', 'news');
  insert.run(3, 'Only one', 'only', 'sport');
  for (let id = 10; id < 35; id++) insert.run(id, `Bulk ${id}`, `bulk-${id}`, 'bulk');
  kysely = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  });
  orm = drizzle({ client: sqlite, schema: { article } });
});
afterAll(async () => {
  await kysely.destroy();
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the lookup to fail');
}

const prisma = () => prismaLikeArticle(sqlite);
type Lookup = () => Promise<unknown>;
const cases: Array<{
  library: string;
  one: Lookup;
  none: Lookup;
  noneNamed: Lookup;
  two: Lookup;
  many: Lookup;
  list: Lookup;
  emptyList: Lookup;
  defaultName: string;
}> = [
  {
    library: 'Kysely',
    one: () => getObjectOr404(kysely.selectFrom('article').selectAll().where('id', '=', 3)),
    none: () =>
      getObjectOr404(kysely.selectFrom('article').selectAll().where('id', '=', 999), {
        model: 'Article',
      }),
    noneNamed: () => getObjectOr404(kysely.selectFrom('article').selectAll().where('id', '=', 999)),
    two: () =>
      getObjectOr404(kysely.selectFrom('article').selectAll().where('section', '=', 'news'), {
        model: 'Article',
      }),
    many: () =>
      getObjectOr404(kysely.selectFrom('article').selectAll().where('section', '=', 'bulk'), {
        model: 'Article',
      }),
    list: () =>
      getListOr404(
        kysely.selectFrom('article').selectAll().where('section', '=', 'news').orderBy('id'),
      ),
    emptyList: () =>
      getListOr404(kysely.selectFrom('article').selectAll().where('section', '=', 'none'), {
        model: 'Article',
      }),
    defaultName: 'article',
  },
  {
    library: 'Drizzle (select builder)',
    one: () => getObjectOr404(orm.select().from(article).where(eq(article.id, 3))),
    none: () =>
      getObjectOr404(orm.select().from(article).where(eq(article.id, 999)), { model: 'Article' }),
    noneNamed: () => getObjectOr404(orm.select().from(article).where(eq(article.id, 999))),
    two: () =>
      getObjectOr404(orm.select().from(article).where(eq(article.section, 'news')), {
        model: 'Article',
      }),
    many: () =>
      getObjectOr404(orm.select().from(article).where(eq(article.section, 'bulk')), {
        model: 'Article',
      }),
    list: () =>
      getListOr404(
        orm.select().from(article).where(eq(article.section, 'news')).orderBy(article.id),
      ),
    emptyList: () =>
      getListOr404(orm.select().from(article).where(eq(article.section, 'none')), {
        model: 'Article',
      }),
    defaultName: 'article',
  },
  {
    library: 'Drizzle (relational db.query)',
    one: () => getObjectOr404(orm.query.article.findFirst({ where: eq(article.id, 3) })),
    none: () =>
      getObjectOr404(orm.query.article.findFirst({ where: eq(article.id, 999) }), {
        model: 'Article',
      }),
    noneNamed: () => getObjectOr404(orm.query.article, { where: eq(article.id, 999) }),
    two: () =>
      getObjectOr404(orm.query.article, { where: eq(article.section, 'news'), model: 'Article' }),
    many: () =>
      getObjectOr404(orm.query.article, { where: eq(article.section, 'bulk'), model: 'Article' }),
    list: () => getListOr404(orm.query.article, { where: eq(article.section, 'news') }),
    emptyList: () =>
      getListOr404(orm.query.article.findMany({ where: eq(article.section, 'none') }), {
        model: 'Article',
      }),
    defaultName: 'article',
  },
  {
    library: 'Prisma-shaped delegate (adapter over SQLite)',
    one: () => getObjectOr404(prisma(), { where: { id: 3 } }),
    none: () => getObjectOr404(prisma().findUnique({ where: { id: 999 } }), { model: 'Article' }),
    noneNamed: () => getObjectOr404(prisma(), { where: { id: 999 } }),
    two: () => getObjectOr404(prisma(), { where: { section: 'news' } }),
    many: () => getObjectOr404(prisma(), { where: { section: 'bulk' } }),
    list: () => getListOr404(prisma(), { where: { section: 'news' } }),
    emptyList: () =>
      getListOr404(prisma().findMany({ where: { section: 'none' } }), { model: 'Article' }),
    defaultName: 'Article',
  },
  {
    library: 'plain functions and promises over better-sqlite3',
    one: () =>
      getObjectOr404(
        () => sqlite.prepare('SELECT * FROM article WHERE id = ?').get(3) as ArticleRow | undefined,
      ),
    none: () =>
      getObjectOr404(
        () =>
          later(
            () =>
              sqlite.prepare('SELECT * FROM article WHERE id = ?').get(999) as
                ArticleRow | undefined,
          ),
        { model: 'Article' },
      ),
    noneNamed: () =>
      getObjectOr404(
        Promise.resolve(sqlite.prepare('SELECT * FROM article WHERE id = ?').get(999) ?? null),
      ),
    two: () =>
      getObjectOr404(() => sqlite.prepare("SELECT * FROM article WHERE section = 'news'").all(), {
        model: 'Article',
      }),
    many: () =>
      getObjectOr404(sqlite.prepare("SELECT * FROM article WHERE section = 'bulk'").all(), {
        model: { name: 'Article' },
      }),
    list: () =>
      getListOr404(
        Promise.resolve(
          sqlite.prepare("SELECT * FROM article WHERE section = 'news' ORDER BY id").all(),
        ),
      ),
    emptyList: () =>
      getListOr404(() => sqlite.prepare("SELECT * FROM article WHERE section = 'none'").all(), {
        model: 'Article',
      }),
    defaultName: 'object',
  },
];

describe.each(cases)('getObjectOr404 / getListOr404 through $library', (c) => {
  it('returns the one matching row', async () => {
    expect(await c.one()).toMatchObject({
      id: 3,
      title: 'Only one',
      slug: 'only',
      section: 'sport',
    });
  });

  it('throws Http404 with Django’s message when no row matches', async () => {
    const error = await failure(c.none());
    expect(Http404.isInstance(error)).toBe(true);
    expect(error.message).toBe('No Article matches the given query.');
    expect((error as Http404).status).toBe(404);
  });

  it(`names the model from the source when not told (${c.defaultName})`, async () => {
    expect((await failure(c.noneNamed())).message).toBe(
      `No ${c.defaultName} matches the given query.`,
    );
  });

  it('throws MultipleObjectsReturned when two rows match', async () => {
    const error = await failure(c.two());
    expect(MultipleObjectsReturned.isInstance(error)).toBe(true);
    expect(error.message).toMatch(
      /^getObjectOr404\(\) found more than one Article -- it returned 2!/,
    );
    expect((error as MultipleObjectsReturned).count).toBe(2);
    expect(Http404.isInstance(error)).toBe(false);
  });

  it('reports “more than 20” past Django’s MAX_GET_RESULTS', async () => {
    const error = await failure(c.many());
    expect((error as MultipleObjectsReturned).count).toBe(
      c.library.startsWith('plain') ? 25 : 'more than 20',
    );
  });

  it('getListOr404 returns every row, and Http404 for none', async () => {
    expect(((await c.list()) as ArticleRow[]).map((row) => row.id)).toEqual([1, 2]);
    const error = await failure(c.emptyList());
    expect(Http404.isInstance(error) && error.message).toBe('No Article matches the given query.');
  });
});

describe('query bounds', () => {
  it('asks SQLite for at most 21 rows for a Kysely lookup, and keeps a limit the query set itself', async () => {
    statements.length = 0;
    await failure(
      getObjectOr404(kysely.selectFrom('article').selectAll().where('section', '=', 'bulk')),
    );
    expect(statements.at(-1)).toMatch(/limit \?$/);
    const first = await getObjectOr404(
      kysely.selectFrom('article').selectAll().where('section', '=', 'bulk').orderBy('id').limit(1),
    );
    expect(first.id).toBe(10);
  });

  it('keeps a Drizzle query’s own limit', async () => {
    const first = await getObjectOr404(
      orm.select().from(article).where(gt(article.id, 11)).orderBy(article.id).limit(1),
    );
    expect(first.id).toBe(12);
  });
});
