/**
 * Python comparisons for `{% if %}` and `{% ifchanged %}`: `==` across numbers and booleans and
 * into lists and plain objects, ordering with Python's TypeError for mixed types, `is`, `in`.
 *
 * @module
 */
import { SAFE_STRING, isPlainObject } from '@reins/core';
import { PythonError } from '../python-errors.js';
import { pyTypeName } from '../python-number.js';

export function pythonOperand(value: unknown): unknown {
  if (value === undefined) return null;
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as { [k: symbol]: unknown })[SAFE_STRING] === true
  ) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
    return String(value);
  }
  return value;
}

const isNumeric = (value: unknown): value is number | boolean =>
  typeof value === 'number' || typeof value === 'boolean';

/** Python `==`. */
export function pyEquals(a: unknown, b: unknown): boolean {
  a = pythonOperand(a);
  b = pythonOperand(b);
  if (a === b) return true;
  if (isNumeric(a) && isNumeric(b)) return Number(a) === Number(b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => pyEquals(x, b[i]));
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]))
    );
  }
  return false;
}

function typeError(op: string, a: unknown, b: unknown): PythonError {
  return new PythonError(
    'TypeError',
    `'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`,
  );
}

function pyCompare(a: unknown, b: unknown, op: string): number {
  a = pythonOperand(a);
  b = pythonOperand(b);
  if (isNumeric(a) && isNumeric(b)) return Number(a) - Number(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      if (!pyEquals(a[i], b[i])) return pyCompare(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  throw typeError(op, a, b);
}

export const pyLess = (a: unknown, b: unknown): boolean => pyCompare(a, b, '<') < 0;
export const pyLessOrEqual = (a: unknown, b: unknown): boolean => pyCompare(a, b, '<=') <= 0;
export const pyGreater = (a: unknown, b: unknown): boolean => pyCompare(a, b, '>') > 0;
export const pyGreaterOrEqual = (a: unknown, b: unknown): boolean => pyCompare(a, b, '>=') >= 0;

/**
 * Python `is`: identity. Missing is None; a string literal is a safe-string object of its own, so
 * (as in Django) `x is 'abc'` is false even when the texts match.
 */
export function pyIs(a: unknown, b: unknown): boolean {
  return (a === undefined ? null : a) === (b === undefined ? null : b);
}

/** Python `item in container`. */
export function pyContains(container: unknown, item: unknown): boolean {
  const c = pythonOperand(container);
  const i = pythonOperand(item);
  if (typeof c === 'string') {
    if (typeof i !== 'string')
      throw new PythonError('TypeError', `'in <string>' requires string as left operand`);
    return c.includes(i);
  }
  if (Array.isArray(c)) return c.some((x) => pyEquals(x, i));
  if (c instanceof Map) return c.has(i);
  if (c instanceof Set) return c.has(i) || Array.from(c).some((x) => pyEquals(x, i));
  if (typeof c === 'object' && c !== null) {
    if (isPlainObject(c)) return typeof i === 'string' && Object.hasOwn(c, i) && c[i] !== undefined;
    if (typeof (c as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      return Array.from(c as Iterable<unknown>).some((x) => pyEquals(x, i));
    }
  }
  throw new PythonError('TypeError', `argument of type '${pyTypeName(c)}' is not iterable`);
}
