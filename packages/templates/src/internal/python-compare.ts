/**
 * Python's `<` on the JS values that stand for Python ones (`pyLessThan`), for sorting the way
 * `sorted()` does: numbers and booleans compare numerically, strings by code point, lists
 * lexicographically, datetimes by time; any other pairing raises `TypeError`, as Python 3 does.
 *
 * @module
 */
import { SAFE_STRING as SAFE } from '@reins/core';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';

const SURROGATE = /[\ud800-\udfff]/;

type Ordered =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'list'; value: readonly unknown[] }
  | { kind: 'date'; value: number };

function classify(value: unknown): Ordered | undefined {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'number', value: value ? 1 : 0 };
  if (typeof value === 'bigint') return { kind: 'number', value: Number(value) };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'object' && value !== null) {
    if ((value as { [SAFE]?: unknown })[SAFE] === true)
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
      return { kind: 'string', value: String(value) };
    if (Array.isArray(value)) return { kind: 'list', value };
    if (value instanceof Date) return { kind: 'date', value: value.getTime() };
  }
  return undefined;
}

function compareStrings(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

function equal(a: unknown, b: unknown): boolean {
  const x = classify(a);
  const y = classify(b);
  if (x && y && x.kind === y.kind) {
    if (x.kind === 'list') return compare(a, b) === 0;
    return x.value === y.value;
  }
  if (x && y && x.kind !== y.kind) return false;
  return a === b;
}

/**
 * Three-way comparison with Python's ordering rules.
 *
 * @throws {PythonError} `TypeError` ("'<' not supported between instances of …").
 */
export function compare(a: unknown, b: unknown): number {
  const x = classify(a);
  const y = classify(b);
  if (x && y && x.kind === y.kind) {
    switch (x.kind) {
      case 'number':
      case 'date':
        return x.value < (y.value as number) ? -1 : x.value > (y.value as number) ? 1 : 0;
      case 'string':
        return compareStrings(x.value, y.value as string);
      case 'list': {
        const other = y.value as readonly unknown[];
        for (let i = 0; i < Math.min(x.value.length, other.length); i++) {
          if (!equal(x.value[i], other[i])) return compare(x.value[i], other[i]);
        }
        return x.value.length - other.length;
      }
    }
  }
  throw new PythonError(
    'TypeError',
    `'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

/** Python `a < b`. */
export function pyLessThan(a: unknown, b: unknown): boolean {
  return compare(a, b) < 0;
}
