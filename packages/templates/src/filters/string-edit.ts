/**
 * Character-editing filters: `addslashes` (backslash before `\`, `"`, `'`), `cut` (remove every
 * occurrence of the argument) and `phone2numeric` (letters to telephone keypad digits).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue, textOf } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyTypeName } from '../internal/python-number.js';
import { markSafe, isSafe } from '@reins/core';

/** `{{ value|addslashes }}` — backslash-escape backslashes and quotes. */
export const addslashes: FilterSpec = {
  fn: (value) => stringValue(value).replace(/[\\"']/g, (ch) => `\\${ch}`),
  isSafe: true,
  arg: 'none',
};

/** `{{ value|cut:" " }}` — remove every occurrence of the argument. */
export const cut: FilterSpec = {
  fn: (value, arg) => {
    const text = stringValue(value);
    const needle = textOf(arg);
    if (needle === undefined) {
      throw new PythonError(
        'TypeError',
        `replace() argument 1 must be str, not ${pyTypeName(arg)}`,
      );
    }
    const result = text.split(needle).join('');
    // Django keeps a safe input safe, except when ';' is cut (it could break an entity).
    return isSafe(value) && needle !== ';' ? markSafe(result) : result;
  },
  isSafe: false,
  arg: 'required',
};

const KEYPAD: Record<string, string> = {
  a: '2',
  b: '2',
  c: '2',
  d: '3',
  e: '3',
  f: '3',
  g: '4',
  h: '4',
  i: '4',
  j: '5',
  k: '5',
  l: '5',
  m: '6',
  n: '6',
  o: '6',
  p: '7',
  q: '7',
  r: '7',
  s: '7',
  t: '8',
  u: '8',
  v: '8',
  w: '9',
  x: '9',
  y: '9',
  z: '9',
};

/**
 * `{{ value|phone2numeric }}` — `0800-FLOWERS` → `0800-3569377`. Like Django, the whole text is
 * lower-cased, and a non-string value raises (Django calls `.lower()` on it).
 */
export const phone2numeric: FilterSpec = {
  fn: (value) => {
    const text = textOf(value);
    if (text === undefined) {
      throw new PythonError(
        'AttributeError',
        `'${pyTypeName(value)}' object has no attribute 'lower'`,
      );
    }
    return text.toLowerCase().replace(/[a-z]/g, (ch) => KEYPAD[ch]!);
  },
  isSafe: true,
  arg: 'none',
};
