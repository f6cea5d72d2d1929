import { describe, expect, it } from 'vitest';
import { EmptyPage, InvalidPage, PageNotAnInteger } from './invalid-page.js';
import { Page } from './page.js';
import { Paginator } from './paginator.js';

describe('Paginator', () => {
  it('pages objects with a count() method (Django test_paginate_misc_classes)', () => {
    const paginator = new Paginator({ count: () => 42 }, 10);
    expect([paginator.count, paginator.numPages, paginator.pageRange]).toEqual([
      42,
      5,
      [1, 2, 3, 4, 5],
    ]);
  });

  it('pages array-likes by length (LenContainer)', () => {
    const paginator = new Paginator({ length: 42 }, 10);
    expect([paginator.count, paginator.numPages]).toEqual([42, 5]);
  });

  it('lets an error thrown by count() propagate (test_count_does_not_silence_*)', () => {
    const paginator = new Paginator(
      {
        count: () => {
          throw new TypeError('broken count');
        },
      },
      10,
    );
    expect(() => paginator.count).toThrow('broken count');
  });

  it('acts as a sequence (test_page_sequence)', () => {
    const page2 = new Paginator('abcdefghijk', 5, { orphans: 1 }).page(2);
    expect(page2.length).toBe(6);
    expect(page2.objectList).toContain('k');
    expect(page2.objectList).not.toContain('a');
    expect([...page2].join('')).toBe('fghijk');
    expect([...page2].reverse().join('')).toBe('kjihgf');
  });

  it('lets a subclass return its own Page (test_get_page_hook)', () => {
    class ValidAdjacentNumsPage<T> extends Page<T> {
      override nextPageNumber(): number | null {
        return this.hasNext() ? super.nextPageNumber() : null;
      }
      override previousPageNumber(): number | null {
        return this.hasPrevious() ? super.previousPageNumber() : null;
      }
    }
    class ValidAdjacentNumsPaginator<T> extends Paginator<T> {
      protected override createPage(objectList: T[], number: number): Page<T> {
        return new ValidAdjacentNumsPage(objectList, number, this);
      }
    }
    const paginator = new ValidAdjacentNumsPaginator('abcdefghijk', 6);
    const [page1, page2] = [paginator.page(1), paginator.page(2)];
    expect(page1.previousPageNumber()).toBeNull();
    expect(page1.nextPageNumber()).toBe(2);
    expect(page2.previousPageNumber()).toBe(1);
    expect(page2.nextPageNumber()).toBeNull();
  });

  it('raises the InvalidPage family, recognisable by brand', () => {
    const paginator = new Paginator([1, 2, 3], 2);
    expect(() => paginator.page(3)).toThrow(EmptyPage);
    for (const bad of [null, undefined, 'x', 1.2, Number.NaN, Infinity, {}, true]) {
      let thrown: unknown;
      try {
        paginator.validateNumber(bad);
      } catch (error) {
        thrown = error;
      }
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a label for whatever input failed
      expect(PageNotAnInteger.isInstance(thrown), String(bad)).toBe(true);
      expect(InvalidPage.isInstance(thrown)).toBe(true);
      expect(EmptyPage.isInstance(thrown)).toBe(false);
    }
    expect(paginator.validateNumber(2n)).toBe(2);
  });

  it('refuses a perPage or orphans that is not a whole number, naming it', () => {
    expect(() => new Paginator([], 0)).toThrow(/perPage must be an integer of at least 1, got 0/);
    expect(() => new Paginator([], 'ten')).toThrow(/perPage .* got "ten"/);
    expect(() => new Paginator([], 2, { orphans: -1 })).toThrow(
      /orphans must be an integer of at least 0/,
    );
    expect(new Paginator([1, 2, 3], ' 2 ').perPage).toBe(2);
  });

  describe('async sources', () => {
    function source(total: number) {
      const calls = { count: 0, slices: [] as Array<[number, number]> };
      const rows = Array.from({ length: total }, (_, index) => ({ id: index + 1 }));
      return {
        calls,
        source: {
          count: () => {
            calls.count++;
            return Promise.resolve(total);
          },
          slice: (start: number, end: number) => {
            calls.slices.push([start, end]);
            return Promise.resolve(rows.slice(start, end));
          },
        },
      };
    }

    it('counts once and fetches only the requested slice', async () => {
      const { calls, source: rows } = source(23);
      const paginator = new Paginator(rows, 10);
      const page = await paginator.apage(3);
      expect(page.objectList.map((row) => row.id)).toEqual([21, 22, 23]);
      await paginator.apage(1);
      expect(calls.count).toBe(1);
      expect(calls.slices).toEqual([
        [20, 23],
        [0, 10],
      ]);
      expect([paginator.count, paginator.numPages]).toEqual([23, 3]);
    });

    it('explains how to read an async count synchronously', async () => {
      const { calls, source: rows } = source(5);
      const paginator = new Paginator(rows, 2);
      expect(() => paginator.numPages).toThrow(/await paginator\.acount\(\)/);
      expect(() => paginator.page(1)).toThrow(/acount/);
      expect(await paginator.acount()).toBe(5);
      expect(calls.count).toBe(1);
      expect(paginator.numPages).toBe(3);
      expect(() => paginator.page(1)).toThrow(/await paginator\.apage\(number\)/);
    });

    it('rejects apage() with Django’s errors', async () => {
      const paginator = new Paginator(source(5).source, 2);
      await expect(paginator.apage(4)).rejects.toThrow(
        new EmptyPage('That page contains no results'),
      );
      await expect(paginator.apage('x')).rejects.toThrow(PageNotAnInteger);
      expect((await paginator.agetPage(99)).number).toBe(3);
    });
  });

  it('exposes Django’s snake_case names to templates, hidden from enumeration', () => {
    const page = new Paginator([1, 2, 3], 2).page(1) as unknown as Record<string, () => unknown> & {
      paginator: Record<string, unknown>;
    };
    expect(page['has_next']!()).toBe(true);
    expect(page['has_previous']!()).toBe(false);
    expect(page['next_page_number']!()).toBe(2);
    expect(page['start_index']!()).toBe(1);
    expect(page['end_index']!()).toBe(2);
    expect(page['object_list']).toEqual([1, 2]);
    expect(page.paginator['num_pages']).toBe(2);
    expect(page.paginator['page_range']).toEqual([1, 2]);
    expect(page.paginator['per_page']).toBe(2);
    expect(Object.keys(page)).not.toContain('has_next');
  });
});
