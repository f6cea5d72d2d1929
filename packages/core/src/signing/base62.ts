/**
 * Django's `baseconv.base62`: the alphabet `0-9A-Za-z`, used for the timestamps
 * `TimestampSigner` puts in a signed value.
 *
 * @module
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Each ASCII code unit's digit, -1 outside the alphabet: a timestamp is read on every cookie.
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 62; digit++) DIGIT_OF[DIGITS.charCodeAt(digit)] = digit;

/**
 * Encode an integer in Django's base62 (a leading `-` for negatives).
 *
 * @example
 * b62Encode(1700000000); // '1r31eq'
 */
export function b62Encode(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`b62Encode() takes a safe integer; got ${String(value)}.`);
  }
  if (value === 0) return '0';
  let rest = Math.abs(value);
  let out = '';
  while (rest > 0) {
    out = DIGITS[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  }
  return value < 0 ? '-' + out : out;
}

/**
 * Decode Django's base62; throws `RangeError` for an empty string or a character outside the
 * alphabet (Django raises `ValueError`/`IndexError` there).
 *
 * @example
 * b62Decode('1r31eq'); // 1700000000
 */
export function b62Decode(text: string): number {
  const negative = text.startsWith('-');
  const start = negative ? 1 : 0;
  if (text.length === start) throw new RangeError(`Not a base62 number: '${text}'.`);
  let value = 0;
  for (let i = start; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const digit = unit < 128 ? DIGIT_OF[unit]! : -1;
    if (digit === -1) throw new RangeError(`Not a base62 number: '${text}'.`);
    value = value * 62 + digit;
  }
  if (!Number.isSafeInteger(value)) throw new RangeError(`Base62 number too large: '${text}'.`);
  return negative ? -value : value;
}
