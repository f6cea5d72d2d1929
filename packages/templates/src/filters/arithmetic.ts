/**
 * Integer filters: `add` (integer sum when both sides convert with `int()`, else Python's `+`,
 * else `''`), `divisibleby` and `get_digit`.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isStringLike } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { isValueOrTypeError, pyInt } from '../internal/python-number.js';
import { isSafe, markSafe, pyStr } from '@reins/core';

/** Python `a + b` for the value kinds a template can hold; `undefined` where Python raises. */
function pyAdd(a: unknown, b: unknown): unknown {
  if (isStringLike(a) && isStringLike(b)) {
    const text = String(a) + String(b);
    // SafeString + SafeString stays safe; str + anything gives a plain str.
    return isSafe(a) && isSafe(b) ? markSafe(text) : text;
  }
  if (Array.isArray(a) && Array.isArray(b)) return [...(a as unknown[]), ...(b as unknown[])];
  const isNum = (v: unknown): v is number | boolean =>
    typeof v === 'number' || typeof v === 'boolean';
  if (isNum(a) && isNum(b)) return Number(a) + Number(b);
  return undefined;
}

/** `{{ value|add:"2" }}` — `int(value) + int(arg)`, or `value + arg`, or `''`. */
export const add: FilterSpec = {
  fn: (value, arg) => {
    try {
      return pyInt(value) + pyInt(arg);
    } catch (error) {
      if (!isValueOrTypeError(error)) throw error;
    }
    return pyAdd(value, arg) ?? '';
  },
  isSafe: false,
  arg: 'required',
};

/** `{{ value|divisibleby:"3" }}` — whether `int(value)` is a multiple of `int(arg)`. */
export const divisibleby: FilterSpec = {
  fn: (value, arg) => {
    const dividend = pyInt(value);
    const divisor = pyInt(arg);
    if (divisor === 0)
      throw new PythonError('ZeroDivisionError', 'integer division or modulo by zero');
    return dividend % divisor === 0;
  },
  isSafe: false,
  arg: 'required',
};

/** `{{ value|get_digit:"2" }}` — the 2nd digit from the right; invalid input returns the value. */
export const getDigit: FilterSpec = {
  fn: (value, arg) => {
    let position: number;
    let number: number;
    try {
      position = pyInt(arg);
      number = pyInt(value);
    } catch (error) {
      if (PythonError.isInstance(error) && error.pythonType === 'ValueError') return value;
      throw error;
    }
    if (position < 1) return number;
    const text = pyStr(number);
    if (position > text.length) return 0;
    // int() of the character: a '-' sign raises ValueError, as in Django.
    return pyInt(text[text.length - position]!);
  },
  isSafe: false,
  arg: 'required',
};
