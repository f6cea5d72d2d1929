/**
 * Django's `Paginator`: splits a list, or a data source that can count and slice itself, into
 * numbered pages. The sync API (`count`, `numPages`, `page()`) works for arrays and sources whose
 * `count()` answers synchronously; `acount()`, `apage()` and `agetPage()` work for every source,
 * including a database query that counts and fetches one slice with `LIMIT`/`OFFSET`, so a long
 * table is never loaded whole.
 *
 * @module
 */
import { isThenable } from '@reins/core';
import { EmptyPage, PageNotAnInteger } from './invalid-page.js';
import { Page } from './page.js';
import { defineTemplateAliases } from './internal/template-aliases.js';
import { toInteger } from './internal/python-int.js';

/**
 * A data source that counts its rows and fetches one slice (`start` inclusive, `end` exclusive,
 * like `Array.prototype.slice`); either method may be async.
 *
 * @example
 * const source: SliceSource<Article> = {
 *   count: async () => Number((await db.selectFrom('article').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
 *   slice: (start, end) => db.selectFrom('article').selectAll().orderBy('id').offset(start).limit(end - start).execute(),
 * };
 */
export interface SliceSource<T> {
  count(): number | PromiseLike<number>;
  slice(start: number, end: number): readonly T[] | PromiseLike<readonly T[]>;
}

/**
 * What a `Paginator` pages through: an array (or any array-like, such as a string), an object with
 * a synchronous `count()` (Django's `CountContainer`), or a `SliceSource`.
 *
 * @example
 * new Paginator(['a', 'b', 'c'], 2);
 */
export type PaginationSource<T> =
  ArrayLike<T> | SliceSource<T> | { count(): number | PromiseLike<number> };

/**
 * Options of `new Paginator()`, Django's keyword arguments.
 *
 * @example
 * new Paginator(items, 10, { orphans: 2, allowEmptyFirstPage: false });
 */
export interface PaginatorOptions {
  /** Let the last page absorb up to this many extra items instead of making a tiny page. */
  orphans?: number | string;
  /** Whether an empty list still has page 1 (default `true`). */
  allowEmptyFirstPage?: boolean;
}

/**
 * Options of `getElidedPageRange()`.
 *
 * @example
 * paginator.getElidedPageRange(10, { onEachSide: 2, onEnds: 1 });
 */
export interface ElidedPageRangeOptions {
  onEachSide?: number;
  onEnds?: number;
}

type Thenable<T> = PromiseLike<T>;

function hasCount(source: unknown): source is { count(): number | Thenable<number> } {
  return typeof (source as { count?: unknown }).count === 'function';
}

function toPositiveSetting(name: string, value: number | string, minimum: number): number {
  const integer = toInteger(value);
  if (integer === undefined || integer < minimum) {
    throw new RangeError(
      `Paginator ${name} must be an integer of at least ${minimum}, got ${JSON.stringify(value)}. ` +
        `Pass a whole number such as 10.`,
    );
  }
  return integer;
}

/**
 * Splits a list or a data source into pages of `perPage` items, as Django's `Paginator`.
 *
 * @example
 * const paginator = new Paginator(['a', 'b', 'c', 'd', 'e'], 2);
 * paginator.numPages; // 3
 * paginator.page(2).objectList; // ['c', 'd']
 * const page = await new Paginator(sliceSource, 20).apage(request.GET.get('page') ?? 1);
 */
export class Paginator<T = unknown> {
  /** The text `getElidedPageRange()` puts where pages are left out. */
  static readonly ELLIPSIS: string = '…';

  readonly objectList: PaginationSource<T>;
  readonly perPage: number;
  readonly orphans: number;
  readonly allowEmptyFirstPage: boolean;
  #count: number | undefined;
  #pendingCount: Thenable<number> | undefined;

  constructor(
    objectList: PaginationSource<T>,
    perPage: number | string,
    options: PaginatorOptions = {},
  ) {
    this.objectList = objectList;
    this.perPage = toPositiveSetting('perPage', perPage, 1);
    this.orphans = toPositiveSetting('orphans', options.orphans ?? 0, 0);
    this.allowEmptyFirstPage = options.allowEmptyFirstPage ?? true;
  }

  /**
   * Check a page number (a number, or a string as Python's `int()` reads it) and return it as an
   * integer; throws `PageNotAnInteger` or `EmptyPage` with Django's messages.
   *
   * @example
   * new Paginator([1, 2, 3], 2).validateNumber('2'); // 2
   */
  validateNumber(number: unknown): number {
    const integer = toInteger(number);
    if (integer === undefined) throw new PageNotAnInteger('That page number is not an integer');
    if (integer < 1) throw new EmptyPage('That page number is less than 1');
    if (integer > this.numPages && !(integer === 1 && this.allowEmptyFirstPage)) {
      throw new EmptyPage('That page contains no results');
    }
    return integer;
  }

  /**
   * The page for `number`, forgiving: a non-integer gives page 1, an out-of-range number the
   * last page (Django's `get_page()`).
   *
   * @example
   * paginator.getPage(request.GET.get('page'));
   */
  getPage(number: unknown): Page<T> {
    return this.page(this.#forgivingNumber(number));
  }

  /**
   * The page for `number`; throws `PageNotAnInteger`/`EmptyPage` for a bad number. Needs a source
   * whose `count()` and `slice()` are synchronous (an array); use `apage()` otherwise.
   *
   * @example
   * new Paginator('abcdefghijk', 5, { orphans: 1 }).page(2).objectList.join(''); // 'fghijk'
   */
  page(number: unknown): Page<T> {
    const valid = this.validateNumber(number);
    const [start, end] = this.#bounds(valid);
    const items = this.#slice(start, end);
    if (isThenable(items)) {
      throw new TypeError(
        "Paginator.page(): this source's slice() is asynchronous; use 'await paginator.apage(number)'.",
      );
    }
    return this.createPage(Array.from(items), valid);
  }

  /**
   * `page()` for any source: counts (once) and fetches the page's slice asynchronously.
   *
   * @example
   * const page = await paginator.apage(2);
   */
  async apage(number: unknown): Promise<Page<T>> {
    await this.acount();
    const valid = this.validateNumber(number);
    const [start, end] = this.#bounds(valid);
    const items = await this.#slice(start, end);
    return this.createPage(Array.from(items), valid);
  }

  /**
   * `getPage()` for any source.
   *
   * @example
   * const page = await paginator.agetPage(request.GET.get('page'));
   */
  async agetPage(number: unknown): Promise<Page<T>> {
    await this.acount();
    return this.apage(this.#forgivingNumber(number));
  }

  /**
   * Make the `Page` object; override to return a subclass (Django's `_get_page()` hook).
   *
   * @example
   * class MyPaginator<T> extends Paginator<T> {
   *   protected override createPage(items: T[], number: number) { return new MyPage(items, number, this); }
   * }
   */
  protected createPage(objectList: T[], number: number): Page<T> {
    return new Page(objectList, number, this);
  }

  /**
   * The total number of items. Throws for a source whose `count()` is async until `acount()` (or
   * `apage()`) has resolved it.
   *
   * @example
   * new Paginator([1, 2, 3], 2).count; // 3
   */
  get count(): number {
    if (this.#count !== undefined) return this.#count;
    const source = this.objectList;
    if (hasCount(source)) {
      const counted = this.#pendingCount ?? source.count();
      if (isThenable<number>(counted)) {
        this.#pendingCount = counted;
        throw new TypeError(
          "Paginator.count: this source's count() is asynchronous; call 'await paginator.acount()' " +
            "(or 'await paginator.apage(number)') before reading count, numPages or pageRange.",
        );
      }
      this.#count = counted;
    } else {
      this.#count = source.length;
    }
    return this.#count;
  }

  /**
   * The total number of items, for sync and async sources alike; counts once.
   *
   * @example
   * await paginator.acount(); // 23
   */
  async acount(): Promise<number> {
    if (this.#count !== undefined) return this.#count;
    const source = this.objectList;
    if (hasCount(source)) {
      this.#pendingCount ??= Promise.resolve(source.count());
      this.#count = await this.#pendingCount;
      return this.#count;
    }
    return this.count;
  }

  /**
   * The number of pages (0 only for an empty list with `allowEmptyFirstPage: false`).
   *
   * @example
   * new Paginator([1, 2, 3], 2).numPages; // 2
   */
  get numPages(): number {
    const count = this.count;
    if (count === 0 && !this.allowEmptyFirstPage) return 0;
    const hits = Math.max(1, count - this.orphans);
    return Math.ceil(hits / this.perPage);
  }

  /**
   * The page numbers, `[1, …, numPages]`.
   *
   * @example
   * new Paginator([1, 2, 3], 2).pageRange; // [1, 2]
   */
  get pageRange(): number[] {
    return Array.from({ length: this.numPages }, (_, index) => index + 1);
  }

  /**
   * Page numbers around `number` with `Paginator.ELLIPSIS` where the range is cut (Django's
   * `get_elided_page_range()`).
   *
   * @example
   * new Paginator(Array(5000), 100).getElidedPageRange(10); // [1, 2, '…', 7, …, 13, '…', 49, 50]
   */
  getElidedPageRange(
    number: unknown = 1,
    { onEachSide = 3, onEnds = 2 }: ElidedPageRangeOptions = {},
  ): Array<number | string> {
    const current = this.validateNumber(number);
    const last = this.numPages;
    const range = (from: number, to: number): number[] =>
      to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
    if (last <= (onEachSide + onEnds) * 2) return this.pageRange;
    const result: Array<number | string> = [];
    if (current > 1 + onEachSide + onEnds + 1) {
      result.push(...range(1, onEnds), Paginator.ELLIPSIS, ...range(current - onEachSide, current));
    } else {
      result.push(...range(1, current));
    }
    if (current < last - onEachSide - onEnds - 1) {
      result.push(
        ...range(current + 1, current + onEachSide),
        Paginator.ELLIPSIS,
        ...range(last - onEnds + 1, last),
      );
    } else {
      result.push(...range(current + 1, last));
    }
    return result;
  }

  #forgivingNumber(number: unknown): number {
    try {
      return this.validateNumber(number);
    } catch (error) {
      if (PageNotAnInteger.isInstance(error)) return 1;
      if (EmptyPage.isInstance(error)) return this.numPages;
      throw error;
    }
  }

  #bounds(number: number): [number, number] {
    const start = (number - 1) * this.perPage;
    let end = start + this.perPage;
    if (end + this.orphans >= this.count) end = this.count;
    return [start, end];
  }

  #slice(start: number, end: number): ArrayLike<T> | Thenable<ArrayLike<T>> {
    const source = this.objectList as Partial<SliceSource<T>> & ArrayLike<T>;
    if (typeof source.slice === 'function') return source.slice(start, end);
    if (typeof source.length === 'number')
      return Array.prototype.slice.call(source, start, end) as T[];
    throw new TypeError(
      'Paginator: the source has count() but no slice(start, end); give it a slice method so a page can be fetched.',
    );
  }
}

defineTemplateAliases(Paginator, {
  object_list: 'objectList',
  per_page: 'perPage',
  allow_empty_first_page: 'allowEmptyFirstPage',
  num_pages: 'numPages',
  page_range: 'pageRange',
  get_elided_page_range: 'getElidedPageRange',
});
