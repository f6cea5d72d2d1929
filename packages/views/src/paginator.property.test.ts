import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidPage } from './invalid-page.js';
import { Paginator } from './paginator.js';

describe('Paginator properties', () => {
  it('its pages partition the list, in order, for any size, page size and orphans', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        (length, perPage, orphans, allowEmptyFirstPage) => {
          const items = Array.from({ length }, (_, index) => index);
          const paginator = new Paginator(items, perPage, { orphans, allowEmptyFirstPage });
          const pages = paginator.pageRange.map((number) => paginator.page(number));
          expect(pages.flatMap((page) => page.objectList)).toEqual(items);
          for (const page of pages) {
            expect(page.length).toBeLessThanOrEqual(perPage + orphans);
            if (page.length > 0) {
              expect(page.startIndex()).toBe(page.objectList[0]! + 1);
              expect(page.endIndex()).toBe(page.objectList.at(-1)! + 1);
            }
          }
          // Only the last page may be short, and only the last page absorbs orphans.
          for (const page of pages.slice(0, -1)) expect(page.length).toBe(perPage);
          expect(paginator.numPages).toBe(pages.length);
        },
      ),
    );
  });

  it('validateNumber() answers any input with an integer in range or an InvalidPage', () => {
    const paginator = new Paginator(Array.from({ length: 37 }), 10);
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.bigInt()),
        (value) => {
          let result: number | undefined;
          try {
            result = paginator.validateNumber(value);
          } catch (error) {
            expect(InvalidPage.isInstance(error), String(error)).toBe(true);
            return;
          }
          expect(Number.isInteger(result)).toBe(true);
          expect(result).toBeGreaterThanOrEqual(1);
          expect(result).toBeLessThanOrEqual(paginator.numPages);
        },
      ),
    );
  });

  it('apage() over an async source agrees with page() over the array', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 0, max: 6 }),
        async (length, perPage, orphans) => {
          const items = Array.from({ length }, (_, index) => index);
          const sync = new Paginator(items, perPage, { orphans });
          const source = {
            count: () => Promise.resolve(length),
            slice: (start: number, end: number) => Promise.resolve(items.slice(start, end)),
          };
          const lazy = new Paginator(source, perPage, { orphans });
          for (const number of sync.pageRange) {
            expect((await lazy.apage(number)).objectList).toEqual(sync.page(number).objectList);
          }
        },
      ),
    );
  });
});
