import { describe, expect, it, vi } from 'vitest';
import { builtinFilters } from './index.js';
import { floatFormat } from './floatformat.js';
import { stringFilter } from './string-filter.js';
import { fileSizeFormat } from './filesizeformat.js';
import { localizeValue } from '../internal/number-localize.js';
import { pyPercentFormat } from '../internal/python-percent-format.js';
import { PythonError } from '../internal/python-errors.js';
import { isSafe, markSafe } from '@reins/core';

process.env.TZ = 'UTC';

const ctx = { autoescape: true };
const call = (name: string, value: unknown, arg?: unknown): unknown =>
  builtinFilters[name]!.fn(value, arg, ctx);

describe('filters beyond the recorded Django cases', () => {
  it('random picks an item using Math.random', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    expect(call('random', ['a', 'b', 'c'])).toBe('c');
    expect(call('random', 'xyz')).toBe('z');
    expect(() => call('random', [])).toThrow(
      expect.objectContaining({ name: 'IndexError' }) as Error,
    );
    expect(() => call('random', null)).toThrow(
      expect.objectContaining({ name: 'TypeError' }) as Error,
    );
  });

  it('timesince and timeuntil measure against now when no date is given', () => {
    vi.useFakeTimers({ now: new Date(2024, 2, 5, 14, 7, 9) });
    try {
      expect(call('timesince', new Date(2024, 2, 3, 10, 0))).toBe('2\u00a0days, 4\u00a0hours');
      expect(call('timeuntil', new Date(2024, 2, 19, 14, 7, 9))).toBe('2\u00a0weeks');
      expect(call('timeuntil', new Date(2024, 2, 5))).toBe('0\u00a0minutes');
    } finally {
      vi.useRealTimers();
    }
  });

  it('pluralize fails on an argument that resolved to None, as Django does', () => {
    expect(call('pluralize', 2)).toBe('s');
    expect(() => call('pluralize', 2, null)).toThrow(PythonError);
  });

  it('keeps Python error types on the errors filters let through', () => {
    expect(() => call('divisibleby', 'x', 2)).toThrow(
      expect.objectContaining({ name: 'ValueError', code: 'templates.value_error' }) as Error,
    );
    expect(() => call('first', { a: 1 })).toThrow(
      expect.objectContaining({ name: 'KeyError' }) as Error,
    );
    expect(PythonError.isInstance(new PythonError('TypeError', 'x'))).toBe(true);
    expect(PythonError.isInstance(new Error('x'))).toBe(false);
  });

  it('returns safe strings exactly where Django does', () => {
    expect(isSafe(call('escapejs', '<'))).toBe(true);
    expect(isSafe(call('linebreaksbr', 'a\nb'))).toBe(true);
    expect(isSafe(call('upper', markSafe('a')))).toBe(false);
    expect(isSafe(call('cut', markSafe('a;b'), ';'))).toBe(false);
    expect(isSafe(call('cut', markSafe('a,b'), ','))).toBe(true);
    expect(isSafe(floatFormat(1.5, 1))).toBe(true);
    expect(isSafe(floatFormat('x', 1))).toBe(false);
  });

  it('exposes the number helpers with Django results', () => {
    expect(String(floatFormat(34.26, -3))).toBe('34.260');
    expect(String(floatFormat(2.5, 0))).toBe('3');
    expect(fileSizeFormat(1280)).toBe('1.2\u00a0KB');
    expect(pyPercentFormat('%05.1f', 3.14159)).toBe('003.1');
    expect(pyPercentFormat('[%-4d]', 3)).toBe('[3   ]');
    expect(() => pyPercentFormat('%d %d', 3)).toThrow(PythonError);
  });

  it('localizes values the way {{ value }} shows them', () => {
    expect(localizeValue(1.5e-7)).toBe('0.00000015');
    expect(localizeValue(0.1)).toBe('0.1');
    expect(localizeValue(true)).toBe('True');
    expect(localizeValue(new Date(2024, 2, 5, 14, 7))).toBe('March 5, 2024, 2:07 p.m.');
    expect(localizeValue(['a'])).toBe("['a']");
  });
});

describe('stringFilter', () => {
  it('hands the filter Python str() of its input', () => {
    const fn = stringFilter((text) => `[${text}]`);
    expect(fn(null, undefined, ctx)).toBe('[None]');
    expect(fn(['a', 1], undefined, ctx)).toBe("[['a', 1]]");
    expect(fn(markSafe('<b>'), undefined, ctx)).toBe('[<b>]');
  });
});

describe('dictsort on JS objects', () => {
  it('reads getters of class instances and keys of Maps', () => {
    class Person {
      constructor(
        readonly name: string,
        private readonly born: number,
      ) {}
      get age(): number {
        return 2024 - this.born;
      }
    }
    const people = [new Person('b', 1990), new Person('a', 2000)];
    expect((call('dictsort', people, 'age') as Person[]).map((p) => p.name)).toEqual(['a', 'b']);
    const maps = [new Map([['k', 2]]), new Map([['k', 1]])];
    expect(call('dictsort', maps, 'k')).toEqual([maps[1], maps[0]]);
  });
});
