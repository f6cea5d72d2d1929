import { describe, expect, it } from 'vitest';
import { Http404 } from '@reins/http';
import { getListOr404 } from './get-list-or-404.js';
import { getObjectOr404 } from './get-object-or-404.js';
import { MultipleObjectsReturned } from './multiple-objects-returned.js';

const row = { id: 1 };

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

async function* rowsOf<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve(); // a source's rows arrive asynchronously
    yield item;
  }
}

/** `expect.stringContaining`, typed as the matcher object it is rather than `any`. */
const containing = (text: string): unknown => expect.stringContaining(text);

describe('getObjectOr404 over in-memory sources', () => {
  const none = { error: 'Http404', message: 'No object matches the given query.' };
  const cases: Array<[string, () => Promise<unknown>, unknown]> = [
    ['an array of one row', () => getObjectOr404([row]), { value: row }],
    ['an empty array', () => getObjectOr404([]), none],
    ['a promise of a row', () => getObjectOr404(Promise.resolve(row)), { value: row }],
    ['a promise of null', () => getObjectOr404(Promise.resolve(null)), none],
    ['a promise of undefined', () => getObjectOr404(Promise.resolve(undefined)), none],
    ['a function returning a row', () => getObjectOr404(() => row), { value: row }],
    ['an async function returning null', () => getObjectOr404(() => Promise.resolve(null)), none],
    ['a function returning an array', () => getObjectOr404(() => [row]), { value: row }],
    [
      'a function returning a query builder',
      () => getObjectOr404(() => ({ execute: () => Promise.resolve([row]) })),
      { value: row },
    ],
    [
      'a promise of a query builder',
      () => getObjectOr404(Promise.resolve({ execute: () => Promise.resolve([]) })),
      none,
    ],
    [
      'a thenable (not a Promise)',
      () =>
        getObjectOr404({ then: (resolve: (v: unknown) => void) => resolve(row) } as PromiseLike<
          typeof row
        >),
      { value: row },
    ],
    [
      'an executeTakeFirst-only builder result',
      () => getObjectOr404({ execute: () => Promise.resolve(undefined) }),
      none,
    ],
    ['a Set', () => getObjectOr404(new Set([row])), { value: row }],
    ['an async iterable', () => getObjectOr404(rowsOf([row])), { value: row }],
    [
      'a count/slice source',
      () => getObjectOr404({ count: () => 1, slice: (s: number, e: number) => [row].slice(s, e) }),
      { value: row },
    ],
    [
      'two rows',
      () => getObjectOr404([row, row], { model: 'Article' }),
      {
        error: 'MultipleObjectsReturned',
        message:
          'getObjectOr404() found more than one Article -- it returned 2! Look the row up by a unique key, or use getListOr404() when several rows are expected.',
      },
    ],
    [
      'a custom message',
      () => getObjectOr404([], { message: 'Nothing here.' }),
      { error: 'Http404', message: 'Nothing here.' },
    ],
    [
      'a message function',
      () => getObjectOr404([], { model: 'Poll', message: (name) => `No ${name}!` }),
      { error: 'Http404', message: 'No Poll!' },
    ],
    [
      'a class as model',
      () =>
        getObjectOr404([], {
          model: class Question {
            readonly id = 1;
          },
        }),
      { error: 'Http404', message: 'No Question matches the given query.' },
    ],
  ];
  it.each(cases)('%s', async (_name, run, expected) => {
    expect(await outcome(run())).toEqual(expected);
  });

  it('refuses what is not a data source, naming it (Django’s ValueError)', async () => {
    expect(await outcome(getObjectOr404(42 as never))).toEqual({
      error: 'TypeError',
      message:
        "First argument to getObjectOr404() must be an array, a promise, a function, a query builder (Kysely, Drizzle), a Prisma-style delegate or a { count, slice } source, not 'number'.",
    });
    expect(await outcome(getListOr404({ id: 1 } as never))).toMatchObject({
      message: containing("not 'Object'"),
    });
    expect(await outcome(getObjectOr404('abc' as never))).toMatchObject({
      message: containing("not 'string'"),
    });
  });

  it('refuses `where` for sources that are not delegates', async () => {
    expect(await outcome(getObjectOr404([row], { where: { id: 1 } }))).toMatchObject({
      error: 'TypeError',
      message: containing("'where' option applies to a Prisma-style delegate"),
    });
  });

  it('passes `where` and `args` to a delegate, bounded by take: 21', async () => {
    const calls: unknown[] = [];
    const delegate = {
      findMany: (args: unknown) => {
        calls.push(args);
        return Promise.resolve([row]);
      },
    };
    await getObjectOr404(delegate, { where: { id: 1 }, args: { include: { author: true } } });
    await getListOr404(delegate, { where: { id: 1 } });
    expect(calls).toEqual([
      { include: { author: true }, where: { id: 1 }, take: 21 },
      { where: { id: 1 } },
    ]);
  });

  it('falls back to findUnique, then findFirst', async () => {
    expect(
      await getObjectOr404(
        { findUnique: (args: { where: { id: number } }) => Promise.resolve({ ...args.where }) },
        { where: { id: 7 } },
      ),
    ).toEqual({ id: 7 });
    expect(
      await outcome(getObjectOr404({ findFirst: () => Promise.resolve(null), $name: 'Poll' })),
    ).toEqual({
      error: 'Http404',
      message: 'No Poll matches the given query.',
    });
    expect(await outcome(getListOr404({ findFirst: () => Promise.resolve(null) }))).toMatchObject({
      error: 'TypeError',
      message: containing('has no findMany()'),
    });
  });

  it('throws errors recognisable by brand, with the statuses Django gives them', async () => {
    const notFound = await getObjectOr404([]).catch((error: unknown) => error);
    expect(Http404.isInstance(notFound) && notFound.status).toBe(404);
    const multiple = await getObjectOr404([row, row]).catch((error: unknown) => error);
    expect(MultipleObjectsReturned.isInstance(multiple)).toBe(true);
    expect((multiple as MultipleObjectsReturned).status).toBeUndefined();
    expect((multiple as MultipleObjectsReturned).code).toBe('shortcuts.multiple_objects_returned');
  });
});

describe('getListOr404', () => {
  it.each([
    ['an array', () => getListOr404([row, row]), { value: [row, row] }],
    ['a function returning one row', () => getListOr404(() => row), { value: [row] }],
    [
      'a function returning null',
      () => getListOr404(() => null, { model: 'Article' }),
      { error: 'Http404', message: 'No Article matches the given query.' },
    ],
    [
      'a count/slice source',
      () =>
        getListOr404({
          count: () => Promise.resolve(3),
          slice: (s: number, e: number) => Promise.resolve([1, 2, 3, 4].slice(s, e)),
        }),
      { value: [1, 2, 3] },
    ],
    ['an async iterable', () => getListOr404(rowsOf([1, 2])), { value: [1, 2] }],
  ] as Array<[string, () => Promise<unknown>, unknown]>)('%s', async (_name, run, expected) => {
    expect(await outcome(run())).toEqual(expected);
  });
});
