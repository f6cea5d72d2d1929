import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expectTypeOf, it } from 'vitest';
import type { RowOf } from './data-source.js';
import { getListOr404 } from './get-list-or-404.js';
import { getObjectOr404 } from './get-object-or-404.js';

interface Article {
  id: number;
  title: string;
}
const table = sqliteTable('article', {
  id: integer('id').primaryKey(),
  title: text('title').notNull(),
});
const kysely = new Kysely<{ article: Article }>({
  dialect: new SqliteDialect({ database: new Database(':memory:') }),
});
const orm = drizzle({ client: new Database(':memory:'), schema: { article: table } });
declare const _delegate: {
  findMany(args?: { where?: Partial<Article>; take?: number }): Promise<Article[]>;
  findUnique(args: { where: { id: number } }): Promise<Article | null>;
};

describe('RowOf / getObjectOr404 types', () => {
  it('infers the row from every kind of source', () => {
    expectTypeOf<RowOf<Article[]>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<Promise<Article | null>>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<Promise<Article[]>>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<() => Article | undefined>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<() => Promise<Article[]>>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<typeof _delegate>>().toEqualTypeOf<Article>();
    expectTypeOf<RowOf<Set<Article>>>().toEqualTypeOf<Article>();
    expectTypeOf<
      RowOf<{ count(): number; slice(s: number, e: number): Promise<Article[]> }>
    >().toEqualTypeOf<Article>();
  });

  it('types real Kysely and Drizzle queries', () => {
    expectTypeOf(
      getObjectOr404(kysely.selectFrom('article').selectAll()),
    ).resolves.toEqualTypeOf<Article>();
    expectTypeOf(
      getObjectOr404(() => kysely.selectFrom('article').select('title')),
    ).resolves.toEqualTypeOf<{ title: string }>();
    expectTypeOf(getObjectOr404(orm.select().from(table))).resolves.toEqualTypeOf<{
      id: number;
      title: string;
    }>();
    expectTypeOf(getObjectOr404(orm.query.article.findFirst())).resolves.toEqualTypeOf<{
      id: number;
      title: string;
    }>();
    expectTypeOf(getListOr404(kysely.selectFrom('article').select(['id']))).resolves.toEqualTypeOf<
      Array<{ id: number }>
    >();
  });

  it('refuses a value that is not a data source', () => {
    // @ts-expect-error a bare number is not a source
    void getObjectOr404(42);
    // @ts-expect-error the `model` option is a name, not a number
    void getObjectOr404([1], { model: 3 });
  });
});
