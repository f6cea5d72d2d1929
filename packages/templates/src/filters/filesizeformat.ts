/**
 * `filesizeformat`: a byte count as `13 KB`, `4.1 MB`, `102 bytes` (1024-based units, one
 * decimal rounded as Python's `round()`, non-breaking space before the unit, `0 bytes` for
 * anything `int()` rejects).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { isValueOrTypeError, pyInt } from '../internal/python-number.js';
import { pyRound } from '../internal/number-decimal.js';
import { formatNumber } from '../internal/number-format.js';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;
const TB = GB * 1024;
const PB = TB * 1024;

const oneDecimal = (value: number): string => formatNumber(pyRound(value, 1), 1);

/**
 * Format a byte count like Django's `filesizeformat` (with `\u00a0` before the unit).
 *
 * @example
 * fileSizeFormat(123456789); // '117.7\u00a0MB'
 */
export function fileSizeFormat(bytes: number): string {
  const negative = bytes < 0;
  const size = Math.abs(bytes);
  let text: string;
  if (size < KB) text = `${size} ${size === 1 ? 'byte' : 'bytes'}`;
  else if (size < MB) text = `${oneDecimal(size / KB)} KB`;
  else if (size < GB) text = `${oneDecimal(size / MB)} MB`;
  else if (size < TB) text = `${oneDecimal(size / GB)} GB`;
  else if (size < PB) text = `${oneDecimal(size / TB)} TB`;
  else text = `${oneDecimal(size / PB)} PB`;
  if (negative) text = `-${text}`;
  return text.replace(/ /g, '\u00a0');
}

/** `{{ value|filesizeformat }}` — human-readable file size. */
export const filesizeformat: FilterSpec = {
  fn: (value) => {
    let bytes: number;
    try {
      bytes = pyInt(value);
    } catch (error) {
      if (isValueOrTypeError(error)) return '0\u00a0bytes';
      throw error;
    }
    return fileSizeFormat(bytes);
  },
  isSafe: true,
  arg: 'none',
};
