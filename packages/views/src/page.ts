/**
 * Django's `Page`: one page of a `Paginator`, with its items (`objectList`), its `number` and the
 * navigation helpers templates use (`hasNext()`, `nextPageNumber()`, `startIndex()`…).
 *
 * @module
 */
import type { Paginator } from './paginator.js';
import { defineTemplateAliases } from './internal/template-aliases.js';

/**
 * One page of items; iterable, with `length`, like Django's sequence-like `Page`.
 *
 * @example
 * const page = new Paginator([1, 2, 3], 2).page(1);
 * page.hasNext(); // true
 * [...page]; // [1, 2]
 */
export class Page<T = unknown> implements Iterable<T> {
  readonly objectList: T[];
  readonly number: number;
  readonly paginator: Paginator<T>;

  constructor(objectList: T[], number: number, paginator: Paginator<T>) {
    this.objectList = objectList;
    this.number = number;
    this.paginator = paginator;
  }

  /** The number of items on this page. */
  get length(): number {
    return this.objectList.length;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.objectList[Symbol.iterator]();
  }

  /**
   * Whether a later page exists.
   *
   * @example
   * page.hasNext();
   */
  hasNext(): boolean {
    return this.number < this.paginator.numPages;
  }

  /**
   * Whether an earlier page exists.
   *
   * @example
   * page.hasPrevious();
   */
  hasPrevious(): boolean {
    return this.number > 1;
  }

  /**
   * Whether there is any other page (Django's `is_paginated` in `ListView`).
   *
   * @example
   * page.hasOtherPages();
   */
  hasOtherPages(): boolean {
    return this.hasPrevious() || this.hasNext();
  }

  /**
   * The next page's number; throws `EmptyPage` on the last page.
   *
   * @example
   * page.nextPageNumber(); // 2
   */
  nextPageNumber(): number | null {
    return this.paginator.validateNumber(this.number + 1);
  }

  /**
   * The previous page's number; throws `EmptyPage` on the first page.
   *
   * @example
   * page.previousPageNumber(); // 1
   */
  previousPageNumber(): number | null {
    return this.paginator.validateNumber(this.number - 1);
  }

  /**
   * The 1-based index of this page's first item in the whole list (0 for an empty list).
   *
   * @example
   * new Paginator([1, 2, 3], 2).page(2).startIndex(); // 3
   */
  startIndex(): number {
    if (this.paginator.count === 0) return 0;
    return this.paginator.perPage * (this.number - 1) + 1;
  }

  /**
   * The 1-based index of this page's last item in the whole list.
   *
   * @example
   * new Paginator([1, 2, 3], 2).page(1).endIndex(); // 2
   */
  endIndex(): number {
    if (this.number === this.paginator.numPages) return this.paginator.count;
    return this.number * this.paginator.perPage;
  }

  /** Django's representation, `<Page 1 of 3>`. */
  toString(): string {
    return `<Page ${this.number} of ${this.paginator.numPages}>`;
  }
}

defineTemplateAliases(Page, {
  object_list: 'objectList',
  has_next: 'hasNext',
  has_previous: 'hasPrevious',
  has_other_pages: 'hasOtherPages',
  next_page_number: 'nextPageNumber',
  previous_page_number: 'previousPageNumber',
  start_index: 'startIndex',
  end_index: 'endIndex',
});
