import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqliteDatetime } from './django-datetime.js';

describe('sqliteDatetime', () => {
  it("writes Python's str() of a UTC datetime", () => {
    expect(sqliteDatetime(new Date(Date.UTC(2021, 11, 31, 23, 59, 59, 1)))).toBe(
      '2021-12-31 23:59:59.001000',
    );
    expect(sqliteDatetime(new Date(Date.UTC(999, 0, 1)))).toBe('0999-01-01 00:00:00');
  });

  it('orders as text the way the dates order in time (SQLite compares the text)', () => {
    const date = fc.date({
      min: new Date(Date.UTC(1000, 0, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [x, y] = [sqliteDatetime(a), sqliteDatetime(b)];
        const byText = x < y ? -1 : x > y ? 1 : 0;
        expect(byText).toBe(Math.sign(a.getTime() - b.getTime()));
      }),
    );
  });
});
