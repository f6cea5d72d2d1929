/**
 * Case filters: `upper`, `lower`, `title` (Python's `str.title()` with Django's fixes for
 * apostrophes and digits) and `capfirst`.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { pyTitle } from '../internal/python-text.js';

/** `{{ value|upper }}` — every character upper-cased; not safe-preserving (as in Django). */
export const upper: FilterSpec = {
  fn: (value) => stringValue(value).toUpperCase(),
  isSafe: false,
  arg: 'none',
};

/** `{{ value|lower }}` — every character lower-cased. */
export const lower: FilterSpec = {
  fn: (value) => stringValue(value).toLowerCase(),
  isSafe: true,
  arg: 'none',
};

const APOSTROPHE_FIX = /[a-z]'[A-Z]/g;
const DIGIT_FIX = /\p{Nd}[A-Z]/gu;

/** `{{ value|title }}` — title case, without capitalising after `'` or a digit. */
export const title: FilterSpec = {
  fn: (value) =>
    pyTitle(stringValue(value))
      .replace(APOSTROPHE_FIX, (m) => m.toLowerCase())
      .replace(DIGIT_FIX, (m) => m.toLowerCase()),
  isSafe: true,
  arg: 'none',
};

/** `{{ value|capfirst }}` — the first character upper-cased. */
export const capfirst: FilterSpec = {
  fn: (value) => {
    const text = stringValue(value);
    if (text === '') return text;
    const first = String.fromCodePoint(text.codePointAt(0)!);
    return first.toUpperCase() + text.slice(first.length);
  },
  isSafe: true,
  arg: 'none',
};
