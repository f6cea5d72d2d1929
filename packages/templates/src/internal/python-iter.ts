/**
 * Python `list(value)` of the JS values that stand for Python iterables (`pyList`): strings give
 * their characters, arrays their items, Sets their members, Maps and plain objects their keys.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject } from '@reins/core';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';
import { codePoints } from './python-text.js';

/**
 * Python `list(value)`.
 *
 * @throws {PythonError} `TypeError` when the value is not iterable (None, numbers, dates).
 * @example
 * pyList('ab'); // ['a', 'b']
 */
export function pyList(value: unknown): unknown[] {
  if (typeof value === 'string') return codePoints(value);
  if (typeof value === 'object' && value !== null) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [SAFE]?: unknown })[SAFE] === true) return codePoints(String(value));
    if (Array.isArray(value)) return value;
    if (value instanceof Map) return [...value.keys()];
    if (value instanceof Set) return [...value];
    if (isPlainObject(value)) return Object.keys(value);
    if (Symbol.iterator in value) return [...(value as Iterable<unknown>)];
  }
  throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}
