/**
 * `floatformat`: Django's rounding of a number to a number of decimal places, done on the decimal
 * text of the value (Python's `repr`) with `ROUND_HALF_UP`: no argument shows one decimal unless
 * it is zero, a positive argument always that many, a negative one up to that many, `0` none; a
 * `g` suffix asks for grouping (a no-op under Django 3.2's default `NUMBER_GROUPING = 0`).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { markSafe, type SafeString } from '../safe-string.js';
import { PythonError } from '../internal/python-errors.js';
import { isValueOrTypeError, pyFloat, pyInt } from '../internal/python-number.js';
import { digitCount, parseDecimal, quantize, type Decimal } from '../internal/number-decimal.js';
import { formatNumber } from '../internal/number-format.js';
import { pyFloatRepr, pyRepr } from '../internal/python-str.js';
import { textOf } from './filter-values.js';

function integerPart(d: Decimal & { kind: 'finite' }): bigint {
  return d.exponent >= 0
    ? d.coefficient * 10n ** BigInt(d.exponent)
    : d.coefficient / 10n ** BigInt(-d.exponent);
}

/**
 * Format a value as Django's `floatformat` does. The result is a `SafeString` when a number was
 * formatted, and plain text when Django gives up (`''`, or the input's repr for a bad argument).
 *
 * @example
 * String(floatFormat(34.23234, 3)); // '34.232'
 */
export function floatFormat(value: unknown, argument: unknown = -1): SafeString | string {
  let arg = argument;
  let forceGrouping = false;
  const argText = textOf(arg);
  if (argText !== undefined && argText.endsWith('g')) {
    forceGrouping = true;
    arg = argText.slice(0, -1) || -1;
  }
  const inputVal = pyRepr(value);
  let d = parseDecimal(inputVal);
  if (d === undefined) {
    try {
      d = parseDecimal(pyFloatRepr(pyFloat(value)));
    } catch (error) {
      if (isValueOrTypeError(error)) return '';
      throw error;
    }
    if (d === undefined) return '';
  }
  let p: number;
  try {
    p = pyInt(arg);
  } catch (error) {
    if (PythonError.isInstance(error) && error.pythonType === 'ValueError') return inputVal;
    throw error;
  }
  // Infinity and NaN cannot be converted to int: Django returns the input's repr.
  if (d.kind !== 'finite') return inputVal;
  if (digitCount(d.coefficient) + Math.abs(d.exponent) > 200) return inputVal;
  const whole = integerPart(d);
  const hasFraction = d.exponent < 0 && d.coefficient % 10n ** BigInt(-d.exponent) !== 0n;
  const grouping = { forceGrouping };
  if (!hasFraction && p < 0) {
    return markSafe(formatNumber(`${d.negative && whole !== 0n ? '-' : ''}${whole}`, 0, grouping));
  }
  const places = Math.abs(p);
  const rounded = quantize(d, -places, 'half-up');
  let digits = rounded.coefficient.toString().padStart(places + 1, '0');
  if (places > 0) digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  const sign = rounded.negative && rounded.coefficient !== 0n ? '-' : '';
  return markSafe(formatNumber(sign + digits, places, grouping));
}

/** `{{ value|floatformat:"-2" }}` — the number rounded for display. */
export const floatformat: FilterSpec = {
  fn: (value, arg) => floatFormat(value, arg === undefined ? -1 : arg),
  isSafe: true,
  arg: 'optional',
};
