/**
 * `floatformat`: Django's rounding of a number to a number of decimal places, done on the decimal
 * text of the value (Python's `repr`) with `ROUND_HALF_UP`: no argument shows one decimal unless
 * it is zero, a positive argument always that many, a negative one up to that many, `0` none; a
 * `g` suffix asks for grouping (a no-op under Django 3.2's default `NUMBER_GROUPING = 0`).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { PythonError } from '../internal/python-errors.js';
import { isValueOrTypeError, pyFloat, pyInt } from '../internal/python-number.js';
import { digitCount, parseDecimal, quantize, type Decimal } from '../internal/number-decimal.js';
import { formatNumber } from '../internal/number-format.js';
import { textOf } from './filter-values.js';
import { markSafe, type SafeString, pyFloatRepr, pyRepr } from '@reins/core';

/** Add one unit in the last place to a string of decimal digits. */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === '9') {
    chars[i] = '0';
    i -= 1;
  }
  if (i < 0) return `1${chars.join('')}`;
  chars[i] = String(Number(chars[i]) + 1);
  return chars.join('');
}

/**
 * The common case without BigInt: a finite number whose repr has no exponent, rounded half-up on
 * its decimal digits — the same arithmetic as the Decimal path below.
 */
function fastFloatFormat(repr: string, p: number): [text: string, places: number] {
  const negative = repr.startsWith('-');
  const unsigned = negative ? repr.slice(1) : repr;
  const dot = unsigned.indexOf('.');
  const intPart = dot === -1 ? unsigned : unsigned.slice(0, dot);
  const fracPart = dot === -1 ? '' : unsigned.slice(dot + 1);
  const hasFraction = /[1-9]/.test(fracPart);
  if (!hasFraction && p < 0) {
    return [`${negative && /[1-9]/.test(intPart) ? '-' : ''}${intPart}`, 0];
  }
  const places = Math.abs(p);
  let digits: string;
  if (fracPart.length <= places) digits = intPart + fracPart.padEnd(places, '0');
  else {
    digits = intPart + fracPart.slice(0, places);
    if (fracPart.charCodeAt(places) >= 53) digits = incrementDigits(digits);
  }
  const whole = digits.slice(0, digits.length - places) || '0';
  const text = places > 0 ? `${whole}.${digits.slice(digits.length - places)}` : whole;
  return [`${negative && /[1-9]/.test(digits) ? '-' : ''}${text}`, places];
}

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
  if (typeof value === 'number' && Number.isFinite(value) && !inputVal.includes('e')) {
    let p: number;
    try {
      p = pyInt(arg);
    } catch (error) {
      if (PythonError.isInstance(error) && error.pythonType === 'ValueError') return inputVal;
      throw error;
    }
    const [text, places] = fastFloatFormat(inputVal, p);
    return markSafe(formatNumber(text, places, { forceGrouping }));
  }
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
