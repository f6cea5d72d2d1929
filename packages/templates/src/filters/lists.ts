/**
 * Sequence filters: `first`, `last`, `join`, `length`, `length_is`, `random`, `slice` and
 * `make_list`, with Python's indexing, slicing and `len()` on JS strings (by code point) and
 * arrays. Errors Django lets escape (`first` on a dict, `random` on an empty list) are thrown.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isStringLike, stringValue } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyList } from '../internal/python-iter.js';
import { isValueOrTypeError, pyInt } from '../internal/python-number.js';
import { pyIndex, pySlice } from '../internal/python-slice.js';
import { codePoints, pyLen } from '../internal/python-text.js';
import { conditionalEscape, escapeHtml, markSafe, pyStr } from '@reins/core';

function indexOrEmpty(value: unknown, index: number): unknown {
  try {
    return pyIndex(value, index);
  } catch (error) {
    if (PythonError.isInstance(error) && error.pythonType === 'IndexError') return '';
    throw error;
  }
}

/** `{{ list|first }}` — the first item (`''` when empty). */
export const first: FilterSpec = {
  fn: (value) => indexOrEmpty(value, 0),
  isSafe: false,
  arg: 'none',
};

/** `{{ list|last }}` — the last item (`''` when empty). */
export const last: FilterSpec = {
  fn: (value) => indexOrEmpty(value, -1),
  isSafe: true,
  arg: 'none',
};

/**
 * `{{ list|join:", " }}` — the items joined by the argument; items (and a non-safe separator) are
 * escaped when autoescaping. Like Django, a value that cannot be joined is returned unchanged.
 */
export const join: FilterSpec = {
  fn: (value, arg, ctx) => {
    let items: unknown[];
    try {
      items = pyList(value);
    } catch (error) {
      if (isValueOrTypeError(error)) return value;
      throw error;
    }
    let parts: string[];
    if (ctx.autoescape) {
      parts = items.map((item) =>
        typeof item === 'string' ? escapeHtml(item) : String(conditionalEscape(item)),
      );
    } else {
      // str.join accepts only strings: anything else makes Django return the value as it was.
      if (!items.every(isStringLike)) return value;
      parts = items.map((item) => String(item));
    }
    return markSafe(parts.join(String(conditionalEscape(arg))));
  },
  isSafe: true,
  needsAutoescape: true,
  arg: 'required',
};

function lengthOrError(value: unknown): number | undefined {
  try {
    return pyLen(value);
  } catch (error) {
    if (isValueOrTypeError(error)) return undefined;
    throw error;
  }
}

/** `{{ value|length }}` — `len(value)`, or 0 for values without a length. */
export const length: FilterSpec = {
  fn: (value) => lengthOrError(value) ?? 0,
  isSafe: false,
  arg: 'none',
};

/** `{{ value|length_is:"4" }}` — whether the length equals the argument (`''` when unknowable). */
export const lengthIs: FilterSpec = {
  fn: (value, arg) => {
    const size = lengthOrError(value);
    if (size === undefined) return '';
    try {
      return size === pyInt(arg);
    } catch (error) {
      if (isValueOrTypeError(error)) return '';
      throw error;
    }
  },
  isSafe: false,
  arg: 'required',
};

/** `{{ list|random }}` — a random item; an empty sequence raises `IndexError`, as in Django. */
export const random: FilterSpec = {
  fn: (value) => {
    const size = pyLen(value);
    if (size === 0) throw new PythonError('IndexError', 'Cannot choose from an empty sequence');
    return pyIndex(value, Math.floor(Math.random() * size));
  },
  isSafe: true,
  arg: 'none',
};

/** `{{ list|slice:"1:3" }}` — Python slicing (`start:stop:step`); bad input returns the value. */
export const slice: FilterSpec = {
  fn: (value, arg) => {
    try {
      const bits = pyStr(arg)
        .split(':')
        .map((bit) => (bit === '' ? null : pyInt(bit)));
      if (bits.length > 3) {
        throw new PythonError(
          'TypeError',
          `slice expected at most 3 arguments, got ${bits.length}`,
        );
      }
      const [a = null, b = null, c = null] = bits;
      // slice(x) means stop=x; slice(x, y[, z]) means start, stop, step.
      return bits.length === 1 ? pySlice(value, null, a, null) : pySlice(value, a, b, c);
    } catch (error) {
      if (isValueOrTypeError(error)) return value;
      throw error;
    }
  },
  isSafe: true,
  arg: 'required',
};

/** `{{ value|make_list }}` — the characters of the value's text as a list. */
export const makeList: FilterSpec = {
  fn: (value) => codePoints(stringValue(value)),
  isSafe: false,
  arg: 'none',
};
