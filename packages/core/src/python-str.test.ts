import { describe, expect, it } from 'vitest';
import { markSafe } from './safe-string.js';
import { pyFloatRepr, pyRepr, pyStr } from './python-str.js';

process.env.TZ = 'UTC';

describe('pyStr', () => {
  it.each<[unknown, string]>([
    [null, 'None'],
    [undefined, 'None'],
    [true, 'True'],
    [false, 'False'],
    [0, '0'],
    [-12, '-12'],
    [1e21, '1e+21'],
    [2 ** 53 - 1, '9007199254740991'],
    [-0, '0'],
    [3.5, '3.5'],
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1.5e-7, '1.5e-07'],
    [2 ** 60, '1.152921504606847e+18'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [10n, '10'],
    ['text', 'text'],
    [markSafe('<b>'), '<b>'],
    [['a', 1, null, true, ["it's"]], `['a', 1, None, True, ["it's"]]`],
    [{ a: 1, b: 'x' }, `{'a': 1, 'b': 'x'}`],
    [new Map<unknown, unknown>([[1, 'one']]), `{1: 'one'}`],
    [new Set([1, 2]), '{1, 2}'],
    [new Set(), 'set()'],
    [[], '[]'],
    [{}, '{}'],
    [new Date(2008, 0, 2, 3, 4, 5), '2008-01-02 03:04:05'],
    [new Date(2008, 0, 2, 3, 4, 5, 123), '2008-01-02 03:04:05.123000'],
    [[new Date(2008, 0, 2)], '[datetime.datetime(2008, 1, 2, 0, 0)]'],
  ])('pyStr(%o) is %j', (value, expected) => {
    expect(pyStr(value)).toBe(expected);
  });

  it('names functions and classes without printing their source', () => {
    const secret = 'sk_live_123';
    function greet(): string {
      return secret;
    }
    // A class that only holds a secret is the case under test.
    // eslint-disable-next-line @typescript-eslint/no-extraneous-class
    class Account {
      static apiKey = secret;
    }
    expect(pyStr(greet)).toBe('<function greet>');
    expect(pyStr(Account)).toBe("<class 'Account'>");
    expect(pyStr([(): string => secret])).toBe('[<function <lambda>>]');
    expect(pyRepr({ f: greet })).toBe("{'f': <function greet>}");
  });

  it('marks cycles like Python', () => {
    const list: unknown[] = [1];
    list.push(list);
    expect(pyStr(list)).toBe('[1, [...]]');
  });
});

describe('pyRepr', () => {
  it.each<[unknown, string]>([
    ['a', "'a'"],
    ["a'b", `"a'b"`],
    [`a'"b`, `'a\\'"b'`],
    ['\u00a0\u2028\u007f\t\n\\', `'\\xa0\\u2028\\x7f\\t\\n\\\\'`],
    ['é✓😀', "'é✓😀'"],
    [markSafe('x'), "'x'"],
    [new Date(2008, 0, 2, 3, 4, 5, 1), 'datetime.datetime(2008, 1, 2, 3, 4, 5, 1000)'],
  ])('pyRepr(%o) is %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it('formats floats with Python exponent rules', () => {
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1.5e300)).toBe('1.5e+300');
    expect(pyFloatRepr(-0)).toBe('-0.0');
    expect(pyFloatRepr(2)).toBe('2.0');
    expect(pyFloatRepr(123.456)).toBe('123.456');
  });
});
