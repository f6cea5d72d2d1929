/**
 * Django's `django.utils.numberformat.format` under Django 3.2's default settings
 * (`DECIMAL_SEPARATOR='.'`, `NUMBER_GROUPING=0`, `USE_L10N=False`): pad or cut the decimals to
 * `decimalPos` places, and group the integer part only when a grouping size is configured.
 * `formatNumber` is the entry point.
 *
 * @module
 */
import { decimalFromNumber, parseDecimal, type FiniteDecimal } from './number-decimal.js';
import { isPyInt, pyNumberStr } from '@reins/core';

/** Separators and grouping, Django's `DECIMAL_SEPARATOR`, `NUMBER_GROUPING`, `THOUSAND_SEPARATOR`. */
export interface NumberFormatOptions {
  decimalSeparator?: string;
  grouping?: number;
  thousandSeparator?: string;
  forceGrouping?: boolean;
}

function fixedOfDecimal(value: FiniteDecimal): string {
  // Python's '{:f}'.format(Decimal) prints every digit without an exponent.
  const digits = value.coefficient.toString();
  if (value.exponent >= 0) return digits + '0'.repeat(value.exponent);
  const places = -value.exponent;
  const padded = digits.padStart(places + 1, '0');
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/**
 * Format a number (or numeric text) with `decimalPos` decimals, as Django's number_format does.
 *
 * @example
 * formatNumber('34.2', 3); // '34.200'
 */
export function formatNumber(
  number: string | number,
  decimalPos?: number,
  options: NumberFormatOptions = {},
): string {
  const {
    decimalSeparator = '.',
    grouping = 0,
    thousandSeparator = ',',
    forceGrouping = false,
  } = options;
  const useGrouping = forceGrouping && grouping !== 0;
  let text: string;
  if (typeof number === 'number') {
    text = pyNumberStr(number);
    if (!isPyInt(number) && /e/i.test(text)) {
      let dec = parseDecimal(text) ?? decimalFromNumber(number);
      if (dec.kind === 'finite') {
        if (decimalPos !== undefined) {
          // Too small to reach a visible decimal place: Django treats it as 0.
          // Django builds the cutoff as '0.' + '1'.rjust(decimal_pos, '0'), so 0 places means 0.1.
          const cutoff = decimalPos === 0 ? 0.1 : 10 ** -decimalPos;
          const magnitude = Number(`${dec.coefficient}e${dec.exponent}`);
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- keeps `dec` narrowed to FiniteDecimal for fixedOfDecimal below (tsc fails without it)
          if (magnitude < cutoff) dec = decimalFromNumber(0) as FiniteDecimal;
        }
        text = `${dec.negative && dec.coefficient !== 0n ? '-' : ''}${fixedOfDecimal(dec)}`;
      }
    }
  } else {
    text = number;
  }
  let sign = '';
  if (text.startsWith('-')) {
    sign = '-';
    text = text.slice(1);
  }
  let intPart = text;
  let decPart = '';
  const dot = text.indexOf('.');
  if (dot !== -1) {
    intPart = text.slice(0, dot);
    decPart = text.slice(dot + 1);
    if (decimalPos !== undefined) decPart = decPart.slice(0, decimalPos);
  }
  if (decimalPos !== undefined && decPart.length < decimalPos) {
    decPart += '0'.repeat(decimalPos - decPart.length);
  }
  if (decPart) decPart = decimalSeparator + decPart;
  if (useGrouping) {
    let grouped = '';
    let count = 0;
    for (let i = intPart.length - 1; i >= 0; i--) {
      if (count && count === grouping) {
        grouped = thousandSeparator + grouped;
        count = 0;
      }
      grouped = intPart[i]! + grouped;
      count += 1;
    }
    intPart = grouped;
  }
  return sign + intPart + decPart;
}
