/**
 * The few Python string behaviours Django's observable output depends on: `str.strip()` (which
 * strips a different whitespace set from JavaScript's `trim()`) and `repr()` of a string, which
 * appears inside Django's error messages (core's, re-exported for this package's modules).
 */

// Python's str.isspace() set; JavaScript's trim() also strips U+FEFF and misses \x1c-\x1f, \x85.
const PY_SPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const STRIP = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');

/** Python's `str.strip()` with no argument. */
export function pyStrip(value: string): string {
  return value.replace(STRIP, '');
}

/** Python's `repr()` of a string (`@reins/core`'s `pyStringRepr`). */
export { pyStringRepr as pyRepr } from '@reins/core';
