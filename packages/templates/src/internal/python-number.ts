/**
 * Python's `int()` and `float()` conversions of the JS values that stand for Python ones
 * (`pyInt`, `pyFloat`), raising `PythonError` with Python's message where Python raises, so the
 * filters that catch (or let through) `ValueError`/`TypeError` can follow Django exactly.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPyInt, pyRepr } from '@reins/core';
import { PythonError } from './python-errors.js';

/** Python's name for the type a JS value stands for, as used in error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'number':
      return isPyInt(value) ? 'int' : 'float';
    case 'bigint':
      return 'int';
    case 'boolean':
      return 'bool';
    case 'function':
      return 'function';
    default:
      break;
  }
  if ((value as { [SAFE]?: unknown })[SAFE] === true) return 'SafeString';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Date) return 'datetime.datetime';
  if (value instanceof Set) return 'set';
  return 'dict';
}

/** The text of a string or safe string, or `undefined` for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && (value as { [SAFE]?: unknown })[SAFE] === true)
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
    return String(value);
  return undefined;
}

// str.strip() with no argument strips Python whitespace (str.isspace()).
const PY_SPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const INT_LITERAL = /^[+-]?\d+(?:_\d+)*$/;
const FLOAT_LITERAL =
  /^[+-]?(?:(?:\d+(?:_\d+)*)(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/** Python's `str.strip()` (no argument): remove leading and trailing Unicode whitespace. */
export function pyStrip(text: string): string {
  return text.replace(STRIP, '');
}

/**
 * Python `int(value)`: integers pass, floats truncate, strings must be decimal integer literals.
 *
 * @throws {PythonError} `ValueError` for a bad literal or NaN, `TypeError` for other types.
 * @example
 * pyInt(' 42 '); // 42
 * pyInt(3.9); // 3
 */
export function pyInt(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isNaN(value))
      throw new PythonError('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(value))
      throw new PythonError('ValueError', 'cannot convert float infinity to integer');
    return Math.trunc(value) + 0;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  const text = textOf(value);
  if (text !== undefined) {
    const stripped = pyStrip(text);
    if (INT_LITERAL.test(stripped)) return Number(stripped.replace(/_/g, ''));
    throw new PythonError('ValueError', `invalid literal for int() with base 10: ${pyRepr(text)}`);
  }
  throw new PythonError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a number, not '${pyTypeName(value)}'`,
  );
}

/**
 * Python `float(value)`: numbers pass, strings must be float literals (`inf`, `nan` accepted).
 *
 * @throws {PythonError} `ValueError` for a bad literal, `TypeError` for other types.
 * @example
 * pyFloat('1e3'); // 1000
 */
export function pyFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  const text = textOf(value);
  if (text !== undefined) {
    const stripped = pyStrip(text);
    if (FLOAT_LITERAL.test(stripped)) return Number(stripped.replace(/_/g, ''));
    const special = FLOAT_SPECIAL.exec(stripped);
    if (special) {
      if (special[2]!.toLowerCase() === 'nan') return NaN;
      return special[1] === '-' ? -Infinity : Infinity;
    }
    throw new PythonError('ValueError', `could not convert string to float: ${pyRepr(text)}`);
  }
  throw new PythonError(
    'TypeError',
    `float() argument must be a string or a number, not '${pyTypeName(value)}'`,
  );
}

/** Tell whether a thrown value is a Python ValueError or TypeError (what Django's filters catch). */
export function isValueOrTypeError(error: unknown): boolean {
  return (
    PythonError.isInstance(error) &&
    (error.pythonType === 'ValueError' || error.pythonType === 'TypeError')
  );
}
