/**
 * Django's `django.utils.formats.localize` under Django 3.2's defaults (`USE_L10N = False`), the
 * step `{{ value }}` applies before turning a value into text: booleans as `True`/`False`,
 * integers as digits, floats without exponent notation (`1e-07` shows as `0.0000001`), datetimes
 * with `DATETIME_FORMAT` (`March 5, 2024, 2:07 p.m.`), anything else with Python's `str()`.
 * `localizeValue` is the entry point.
 *
 * @module
 */
import { formatDate, resolveFormat } from './date-format.js';
import { formatNumber } from './number-format.js';
import { isPyInt, pyStr } from '@reins/core';

/**
 * The text Django's `{{ value }}` shows for a value before escaping.
 *
 * @example
 * localizeValue(new Date(2024, 2, 5, 14, 7)); // 'March 5, 2024, 2:07 p.m.'
 * localizeValue(1e-7); // '0.0000001'
 */
export function localizeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return isPyInt(value) || !Number.isFinite(value) ? pyStr(value) : formatNumber(value);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return formatDate(value, resolveFormat('DATETIME_FORMAT')) ?? pyStr(value);
  }
  return pyStr(value);
}
