/**
 * Alignment filters: `ljust`, `rjust` and `center`, Python's `str` methods padding with spaces to
 * the width given as argument (a non-integer width raises `ValueError`, as in Django).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { pyInt } from '../internal/python-number.js';
import { pyCenter, pyLjust, pyRjust } from '../internal/python-text.js';

/** `{{ value|ljust:"10" }}` — left-align in a field of the given width. */
export const ljust: FilterSpec = {
  fn: (value, arg) => pyLjust(stringValue(value), pyInt(arg)),
  isSafe: true,
  arg: 'required',
};

/** `{{ value|rjust:"10" }}` — right-align in a field of the given width. */
export const rjust: FilterSpec = {
  fn: (value, arg) => pyRjust(stringValue(value), pyInt(arg)),
  isSafe: true,
  arg: 'required',
};

/** `{{ value|center:"10" }}` — centre in a field of the given width. */
export const center: FilterSpec = {
  fn: (value, arg) => pyCenter(stringValue(value), pyInt(arg)),
  isSafe: true,
  arg: 'required',
};
