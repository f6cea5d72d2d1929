/**
 * The kinds of data source `getObjectOr404()`, `getListOr404()` and the views of `@reins/views`
 * accept, and `RowOf<S>`, the row type a source yields. A TypeScript app fetches rows in many
 * ways; each of these is recognised by its shape, never by importing the library:
 *
 * - an array, a promise (or any thenable, such as a Drizzle query or a Prisma call) of an array
 *   or of a row / `null` / `undefined`, or a function returning any of these;
 * - a Kysely-style query builder (`execute()`; `limit()` is used to fetch at most 21 rows);
 * - a Prisma-style delegate (`findMany` / `findUnique` / `findFirst`) or Drizzle's relational
 *   `db.query.<table>`, called with the `where` option;
 * - a `{ count(), slice(start, end) }` source (see `Paginator`), an iterable or an async iterable.
 *
 * @module
 */

/**
 * A query builder that runs when `execute()` is called (Kysely, Drizzle).
 *
 * @example
 * const query: ExecutableQuery = db.selectFrom('article').selectAll();
 */
export interface ExecutableQuery<R = unknown> {
  execute(): PromiseLike<R>;
}

/**
 * A Prisma-style model delegate, or Drizzle's relational query builder (`db.query.article`).
 *
 * @example
 * const delegate: FinderDelegate = prisma.article;
 */
export type FinderDelegate =
  | { findMany(...args: never[]): PromiseLike<unknown> }
  | { findFirst(...args: never[]): PromiseLike<unknown> }
  | { findUnique(...args: never[]): PromiseLike<unknown> };

/**
 * A source that counts itself and fetches one slice, as `Paginator` pages it.
 *
 * @example
 * const source: CountSliceSource = { count: () => rows.length, slice: (s, e) => rows.slice(s, e) };
 */
export interface CountSliceSource<R = unknown> {
  count(): number | PromiseLike<number>;
  slice(start: number, end: number): readonly R[] | PromiseLike<readonly R[]>;
}

/**
 * Anything `getObjectOr404()` and `getListOr404()` can read rows from.
 *
 * @example
 * const sources: DataSource[] = [
 *   [article],
 *   db.selectFrom('article').selectAll().where('id', '=', 1),
 *   () => repository.findById(1),
 *   prisma.article,
 * ];
 */
export type DataSource =
  | readonly unknown[]
  | PromiseLike<unknown>
  | ((...args: never[]) => unknown)
  | ExecutableQuery
  | FinderDelegate
  | CountSliceSource
  | Iterable<unknown>
  | AsyncIterable<unknown>;

type RowOfResult<V> = V extends readonly (infer R)[] ? R : NonNullable<V>;

type RowOfResolved<V> = V extends
  ExecutableQuery | FinderDelegate | CountSliceSource | ((...args: never[]) => unknown)
  ? RowOf<V>
  : RowOfResult<V>;

/**
 * The row type a data source yields: `RowOf<Promise<Article | null>>` is `Article`.
 *
 * @example
 * type Row = RowOf<typeof query>; // what getObjectOr404(query) resolves to
 */
export type RowOf<S> = S extends readonly (infer R)[]
  ? R
  : S extends (...args: never[]) => infer V
    ? RowOfResolved<Awaited<V>>
    : S extends PromiseLike<infer V>
      ? RowOfResolved<V>
      : S extends ExecutableQuery<infer V>
        ? RowOfResult<V>
        : S extends { findMany(...args: never[]): PromiseLike<infer V> }
          ? RowOfResult<V>
          : S extends { findFirst(...args: never[]): PromiseLike<infer V> }
            ? RowOfResult<V>
            : S extends { findUnique(...args: never[]): PromiseLike<infer V> }
              ? RowOfResult<V>
              : S extends CountSliceSource<infer R>
                ? R
                : S extends Iterable<infer R>
                  ? R
                  : S extends AsyncIterable<infer R>
                    ? R
                    : never;

/**
 * How a lookup names its model in messages: a name (`'Article'`), or anything with a `name`
 * (a class, a model descriptor).
 *
 * @example
 * getObjectOr404(query, { model: 'Article' });
 */
export type ModelName = string | { readonly name: string };

/**
 * Options of `getObjectOr404()` and `getListOr404()`.
 *
 * @example
 * getObjectOr404(prisma.article, { where: { id: 1 }, model: 'Article' });
 */
export interface LookupOptions {
  /**
   * The model named in the 404 message (`No Article matches the given query.`). Defaults to the
   * table of a Kysely or Drizzle query, a Prisma delegate's `$name`, or `object`.
   */
  model?: ModelName;
  /** For a Prisma-style delegate or Drizzle's `db.query.<table>`: the `where` of the finder call. */
  where?: unknown;
  /** For a delegate: more finder arguments (`include`, `select`, `with`, `orderBy`…). */
  args?: Record<string, unknown>;
  /** The `Http404` message instead of Django's; a function receives the model name. */
  message?: string | ((modelName: string) => string);
}
