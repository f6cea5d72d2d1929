/**
 * Date filters: `date` and `time` (Django's format characters, or a named format such as
 * `SHORT_DATE_FORMAT`; `DATE_FORMAT` / `TIME_FORMAT` by default), `timesince` and `timeuntil`
 * (elapsed time in words, optionally against another date). A JS `Date` stands for a naive
 * datetime in the process time zone; anything else gives `''`.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isNone, stringValue } from './filter-values.js';
import { formatDate, formatTime, resolveFormat } from '../internal/date-format.js';
import { timeSince } from '../internal/date-timesince.js';
import { PythonError } from '../internal/python-errors.js';
import { pyTypeName } from '../internal/python-number.js';
import { pyBool } from '../internal/python-truth.js';

function formatName(arg: unknown, fallback: string): string {
  // Django: get_format(format or 'DATE_FORMAT'), so an empty argument means the default.
  return resolveFormat(pyBool(arg) ? stringValue(arg) : fallback);
}

/** `{{ value|date:"D d M Y" }}` — format a date (default `DATE_FORMAT`, `N j, Y`). */
export const date: FilterSpec = {
  fn: (value, arg) => {
    if (isNone(value) || value === '') return '';
    return formatDate(value, formatName(arg, 'DATE_FORMAT')) ?? '';
  },
  isSafe: false,
  expectsLocaltime: true,
  arg: 'optional',
};

/** `{{ value|time:"H:i" }}` — format the time of a date (default `TIME_FORMAT`, `P`). */
export const time: FilterSpec = {
  fn: (value, arg) => {
    if (isNone(value) || value === '') return '';
    return formatTime(value, formatName(arg, 'TIME_FORMAT')) ?? '';
  },
  isSafe: false,
  expectsLocaltime: true,
  arg: 'optional',
};

function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  // Django reads d.year on a non-datetime, which raises AttributeError (not caught).
  throw new PythonError('AttributeError', `'${pyTypeName(value)}' object has no attribute 'year'`);
}

/** `{{ date|timesince }}` / `{{ date|timesince:other }}` — time elapsed, e.g. `4\u00a0days, 6\u00a0hours`. */
export const timesince: FilterSpec = {
  fn: (value, arg) => {
    if (!pyBool(value)) return '';
    const start = asDate(value);
    return timeSince(start, pyBool(arg) ? asDate(arg) : undefined);
  },
  isSafe: false,
  arg: 'optional',
};

/** `{{ date|timeuntil }}` / `{{ date|timeuntil:other }}` — time remaining until the date. */
export const timeuntil: FilterSpec = {
  fn: (value, arg) => {
    if (!pyBool(value)) return '';
    const end = asDate(value);
    return timeSince(end, pyBool(arg) ? asDate(arg) : undefined, true);
  },
  isSafe: false,
  arg: 'optional',
};
