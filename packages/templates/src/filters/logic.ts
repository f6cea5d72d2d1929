/**
 * Choice filters: `default` (argument when the value is falsy), `default_if_none` (argument when
 * the value is None), `yesno` (one of two or three words by truthiness) and `pluralize` (a suffix
 * unless the value is, or has a length of, exactly 1).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isNone, textOf } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyFloat, pyTypeName } from '../internal/python-number.js';
import { pyLen } from '../internal/python-text.js';
import { pyBool } from '../internal/python-truth.js';

/** `{{ value|default:"nothing" }}` — the argument when the value is falsy. */
export const defaultFilter: FilterSpec = {
  fn: (value, arg) => (pyBool(value) ? value : arg),
  isSafe: false,
  arg: 'required',
};

/** `{{ value|default_if_none:"nothing" }}` — the argument only when the value is None. */
export const defaultIfNone: FilterSpec = {
  fn: (value, arg) => (isNone(value) ? arg : value),
  isSafe: false,
  arg: 'required',
};

function splitArg(arg: unknown, method: string): string[] {
  const text = textOf(arg);
  if (text === undefined) {
    throw new PythonError(
      'AttributeError',
      `'${pyTypeName(arg)}' object has no attribute '${method}'`,
    );
  }
  return text.split(',');
}

/** `{{ value|yesno:"yeah,no,maybe" }}` — a word for true, false and None. */
export const yesno: FilterSpec = {
  fn: (value, arg) => {
    const bits = isNone(arg) ? ['yes', 'no', 'maybe'] : splitArg(arg, 'split');
    if (bits.length < 2) return value;
    const [yes, no] = bits as [string, string];
    const maybe = bits.length === 3 ? bits[2]! : no;
    if (isNone(value)) return maybe;
    return pyBool(value) ? yes : no;
  },
  isSafe: false,
  arg: 'optional',
};

/** `{{ count|pluralize:"y,ies" }}` — the plural suffix unless the count is 1. */
export const pluralize: FilterSpec = {
  fn: (value, arg) => {
    // No argument means 's'; an argument that resolved to None fails as in Django.
    const text = arg === undefined ? 's' : textOf(arg);
    if (text === undefined) {
      throw new PythonError('TypeError', `argument of type '${pyTypeName(arg)}' is not iterable`);
    }
    const bits = (text.includes(',') ? text : `,${text}`).split(',');
    if (bits.length > 2) return '';
    const [singular, plural] = bits as [string, string];
    try {
      return pyFloat(value) === 1 ? singular : plural;
    } catch (error) {
      if (!PythonError.isInstance(error)) throw error;
      if (error.pythonType === 'ValueError') return '';
    }
    try {
      return pyLen(value) === 1 ? singular : plural;
    } catch (error) {
      if (PythonError.isInstance(error) && error.pythonType === 'TypeError') return '';
      throw error;
    }
  },
  isSafe: false,
  arg: 'optional',
};
