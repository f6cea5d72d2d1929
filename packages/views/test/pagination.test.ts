/**
 * Django's pagination behaviour, recorded from Django 3.2 by fixtures/generate-pagination.py over
 * the inputs of Django's tests/pagination/tests.py. Every case runs; none is skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmptyPage, InvalidPage, PageNotAnInteger, Paginator } from '../src/index.js';

type Outcome<T> = { value: T } | { error: string; message: string };
interface PageInfo {
  str: string;
  object_list: number[];
  len: number;
  has_next: boolean;
  has_previous: boolean;
  has_other_pages: boolean;
  start_index: number;
  end_index: number;
  next_page_number: Outcome<number>;
  previous_page_number: Outcome<number>;
}
interface Fixture {
  generated_by: string;
  ellipsis: string;
  paginators: Array<{
    object_list: number[];
    per_page: number | string;
    orphans: number | string;
    allow_empty_first_page: boolean;
    count: number;
    num_pages: number;
    page_range: number[];
    pages: Record<string, Outcome<PageInfo>>;
  }>;
  validate_number: Array<
    {
      object_list: number[];
      per_page: number;
      allow_empty_first_page: boolean;
      number: unknown;
    } & Outcome<number>
  >;
  get_page: Array<
    {
      object_list: number[];
      per_page: number;
      allow_empty_first_page: boolean;
      number: unknown;
    } & Outcome<{
      number: number;
      object_list: number[];
    }>
  >;
  elided_page_range: Array<
    {
      count: number;
      per_page: number;
      number: number;
      on_each_side: number;
      on_ends: number;
    } & Outcome<Array<number | string>>
  >;
}

const fixture = JSON.parse(
  readFileSync(new URL('fixtures/pagination.json', import.meta.url), 'utf8'),
) as Fixture;
const errorClasses = { EmptyPage, PageNotAnInteger, InvalidPage } as const;

function expectOutcome<T>(
  run: () => T,
  outcome: Outcome<unknown>,
  map: (value: T) => unknown = (v) => v,
): void {
  if ('value' in outcome) {
    expect(map(run())).toEqual(outcome.value);
    return;
  }
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  const errorClass = errorClasses[outcome.error as keyof typeof errorClasses];
  expect(errorClass, `Django raised ${outcome.error}`).toBeDefined();
  expect(errorClass.isInstance(thrown), `expected ${outcome.error}, got ${String(thrown)}`).toBe(
    true,
  );
  expect((thrown as Error).message).toBe(outcome.message);
}

function describePage(page: ReturnType<Paginator<number>['page']>): unknown {
  const attempt = (fn: () => unknown): Outcome<unknown> => {
    try {
      return { value: fn() };
    } catch (error) {
      return { error: (error as Error).name, message: (error as Error).message };
    }
  };
  return {
    str: String(page),
    object_list: page.objectList,
    len: page.length,
    has_next: page.hasNext(),
    has_previous: page.hasPrevious(),
    has_other_pages: page.hasOtherPages(),
    start_index: page.startIndex(),
    end_index: page.endIndex(),
    next_page_number: attempt(() => page.nextPageNumber()),
    previous_page_number: attempt(() => page.previousPageNumber()),
  };
}

describe(`Paginator conformance (${fixture.generated_by})`, () => {
  describe.each(
    fixture.paginators.map(
      (c) =>
        [
          JSON.stringify([c.object_list.length, c.per_page, c.orphans, c.allow_empty_first_page]),
          c,
        ] as const,
    ),
  )('Paginator(list of %s: [length, perPage, orphans, allowEmptyFirstPage])', (_name, c) => {
    const make = (): Paginator<number> =>
      new Paginator(c.object_list, c.per_page, {
        orphans: c.orphans,
        allowEmptyFirstPage: c.allow_empty_first_page,
      });

    it('has Django’s count, numPages and pageRange', () => {
      const paginator = make();
      expect([paginator.count, paginator.numPages, paginator.pageRange]).toEqual([
        c.count,
        c.num_pages,
        c.page_range,
      ]);
    });

    it.each(Object.entries(c.pages))('page(%s) answers as Django', (number, outcome) => {
      expectOutcome(() => make().page(Number(number)), outcome, describePage);
    });

    it.each(Object.entries(c.pages))(
      'apage(%s) over an async source answers as page()',
      async (number, outcome) => {
        const source = {
          count: () => Promise.resolve(c.object_list.length),
          slice: (start: number, end: number) => Promise.resolve(c.object_list.slice(start, end)),
        };
        const paginator = new Paginator(source, c.per_page, {
          orphans: c.orphans,
          allowEmptyFirstPage: c.allow_empty_first_page,
        });
        let page: Awaited<ReturnType<typeof paginator.apage>> | undefined;
        let thrown: unknown;
        try {
          page = await paginator.apage(Number(number));
        } catch (error) {
          thrown = error;
        }
        if ('value' in outcome) expect(describePage(page!)).toEqual(outcome.value);
        else expect((thrown as Error).message).toBe(outcome.message);
      },
    );
  });

  it.each(
    fixture.validate_number.map(
      (c) => [JSON.stringify(c.number), c.object_list.length, c.allow_empty_first_page, c] as const,
    ),
  )('validateNumber(%s) on %i items (allowEmptyFirstPage %s)', (_n, _l, _a, c) => {
    const paginator = new Paginator(c.object_list, c.per_page, {
      allowEmptyFirstPage: c.allow_empty_first_page,
    });
    expectOutcome(() => paginator.validateNumber(c.number), c);
  });

  it.each(
    fixture.get_page.map(
      (c) => [JSON.stringify(c.number), c.object_list.length, c.allow_empty_first_page, c] as const,
    ),
  )('getPage(%s) on %i items (allowEmptyFirstPage %s)', async (_n, _l, _a, c) => {
    const paginator = new Paginator(c.object_list, c.per_page, {
      allowEmptyFirstPage: c.allow_empty_first_page,
    });
    expectOutcome(
      () => paginator.getPage(c.number),
      c,
      (page) => ({ number: page.number, object_list: page.objectList }),
    );
    const asyncPaginator = new Paginator(
      {
        count: () => Promise.resolve(c.object_list.length),
        slice: (s: number, e: number) => Promise.resolve(c.object_list.slice(s, e)),
      },
      c.per_page,
      { allowEmptyFirstPage: c.allow_empty_first_page },
    );
    if ('value' in c) {
      const page = await asyncPaginator.agetPage(c.number);
      expect({ number: page.number, object_list: page.objectList }).toEqual(c.value);
    } else {
      await expect(asyncPaginator.agetPage(c.number)).rejects.toThrow(c.message);
    }
  });

  it.each(
    fixture.elided_page_range.map(
      (c) => [c.count, c.per_page, c.number, c.on_each_side, c.on_ends, c] as const,
    ),
  )(
    'getElidedPageRange over %i items / %i per page at %i (onEachSide %i, onEnds %i)',
    (count, perPage, number, onEachSide, onEnds, c) => {
      const paginator = new Paginator({ length: count }, perPage);
      expectOutcome(() => paginator.getElidedPageRange(number, { onEachSide, onEnds }), c);
    },
  );

  it('uses Django’s ellipsis', () => {
    expect(Paginator.ELLIPSIS).toBe(fixture.ellipsis);
  });
});
