/**
 * Python truthiness of the JS values that stand for Python ones (`pyBool`): empty strings (safe or
 * not), `0`, `None`, `False`, empty arrays, plain objects, Maps and Sets, and objects whose numeric
 * `length` is 0 (Python's `__len__`), are false; `NaN` is true as in Python; everything else
 * (dates, class instances, functions) is true.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject } from '@reins/core';

/**
 * Python `bool(value)` of a JS value.
 *
 * @example
 * pyBool([]); // false
 * pyBool(NaN); // true
 */
export function pyBool(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0;
    case 'boolean':
      return value;
    case 'undefined':
      return false;
    case 'bigint':
      return value !== 0n;
    case 'object':
      break;
    default:
      return true;
  }
  if (value === null) return false;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
  if ((value as { [SAFE]?: unknown })[SAFE] === true) return String(value).length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Map || value instanceof Set) return value.size > 0;
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  // A sized object (a numeric `length`, which pyLen reads as Python's __len__) is false when
  // empty, as Python's bool() falls back to __len__: `{% if messages %}` on a message storage.
  const length = (value as { length?: unknown }).length;
  if (typeof length === 'number') return length > 0;
  return true;
}
