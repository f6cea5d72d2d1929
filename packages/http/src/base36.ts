/**
 * Django's `base36_to_int()` and `int_to_base36()` (password-reset tokens, short ids).
 *
 * @module
 */
import { pyStringRepr } from '@reins/core';
import { pyStrip } from './internal/python-string.js';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
// Python's int(s, 36): optional sign, digits with single underscores between them.
const BASE36 = /^[+-]?[0-9a-z]+(?:_[0-9a-z]+)*$/i;

/**
 * The integer a base-36 string stands for, read as Python's `int(s, 36)` (surrounding whitespace,
 * a sign and `_` between digits are accepted). At most 13 characters, as Django allows (enough for
 * any 64-bit integer), so a client cannot make the server convert a huge number.
 *
 * @throws {RangeError} for more than 13 characters (`Base36 input too large`), for text that is
 * not base 36 (Django's `ValueError`, same messages), and for a value beyond
 * `Number.MAX_SAFE_INTEGER`, which a `number` cannot hold exactly.
 * @example
 * base36ToInt('zz'); // 1295
 */
export function base36ToInt(text: string): number {
  if (text.length > 13) throw new RangeError('Base36 input too large');
  const stripped = pyStrip(text);
  if (!BASE36.test(stripped)) {
    throw new RangeError(`invalid literal for int() with base 36: ${pyStringRepr(text)}`);
  }
  const negative = stripped.startsWith('-');
  let value = 0n;
  for (const char of stripped.toLowerCase()) {
    const digit = DIGITS.indexOf(char);
    if (digit >= 0) value = value * 36n + BigInt(digit);
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `Base36 input ${pyStringRepr(text)} is beyond Number.MAX_SAFE_INTEGER; a JavaScript number cannot hold it exactly.`,
    );
  }
  return negative ? -Number(value) : Number(value);
}

/**
 * The base-36 text of a non-negative integer (Django's `int_to_base36()`), in lower case.
 *
 * @throws {RangeError} for a negative number (`Negative base36 conversion input.`) or one that is
 * not an integer.
 * @example
 * intToBase36(1295); // 'zz'
 */
export function intToBase36(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`intToBase36() takes a safe integer or a bigint (got ${value}).`);
  }
  if (value < 0) throw new RangeError('Negative base36 conversion input.');
  return value.toString(36);
}
