/**
 * `stringformat`: Python's printf-style formatting, `("%" + arg) % value` (`05d`, `.2f`, `+d`,
 * `x`, `s`, `r`, …); a `TypeError` or `ValueError` gives `''`, as in Django.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isValueOrTypeError } from '../internal/python-number.js';
import { pyPercentFormat } from '../internal/python-percent-format.js';
import { pyStr } from '@reins/core';

/** `{{ value|stringformat:"05.1f" }}` — format the value with a `%` specifier. */
export const stringformat: FilterSpec = {
  fn: (value, arg) => {
    try {
      return pyPercentFormat(`%${pyStr(arg)}`, value);
    } catch (error) {
      if (isValueOrTypeError(error)) return '';
      throw error;
    }
  },
  isSafe: true,
  arg: 'required',
};
