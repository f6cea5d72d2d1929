/**
 * Python sequence indexing and slicing on JS strings (by code point) and arrays: `pySliceIndices`
 * (`slice.indices`), `pySlice` (`seq[start:stop:step]`) and `pyIndex` (`seq[i]`, negative from
 * the end).
 *
 * @module
 */
import { SAFE_STRING as SAFE } from '@reins/core';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';
import { codePoints } from './python-text.js';

/** Python `slice(start, stop, step).indices(length)`. */
export function pySliceIndices(
  length: number,
  start: number | null,
  stop: number | null,
  step: number | null,
): [number, number, number] {
  const s = step ?? 1;
  if (s === 0) throw new PythonError('ValueError', 'slice step cannot be zero');
  const lower = s < 0 ? -1 : 0;
  const upper = s < 0 ? length - 1 : length;
  const clamp = (value: number | null, fallback: number): number => {
    if (value === null) return fallback;
    if (value < 0) return Math.max(value + length, lower);
    return Math.min(value, upper);
  };
  return [clamp(start, s < 0 ? upper : lower), clamp(stop, s < 0 ? lower : upper), s];
}

function sliceArray<T>(
  items: readonly T[],
  start: number | null,
  stop: number | null,
  step: number | null,
): T[] {
  const [from, to, by] = pySliceIndices(items.length, start, stop, step);
  if (by === 1) return items.slice(from, Math.max(from, to));
  const out: T[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(items[i]!);
  else for (let i = from; i > to; i += by) out.push(items[i]!);
  return out;
}

/**
 * Python `seq[start:stop:step]` for strings (code points) and arrays.
 *
 * @throws {PythonError} `TypeError` for values that are not sequences, `ValueError` for step 0.
 * @example
 * pySlice('abcdef', 1, null, 2); // 'bdf'
 */
export function pySlice(
  value: unknown,
  start: number | null,
  stop: number | null,
  step: number | null,
): unknown {
  if (typeof value === 'string') return sliceArray(codePoints(value), start, stop, step).join('');
  if (typeof value === 'object' && value !== null) {
    if ((value as { [SAFE]?: unknown })[SAFE] === true) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of an object: its own toString stands for __str__
      return sliceArray(codePoints(String(value)), start, stop, step).join('');
    }
    if (Array.isArray(value)) return sliceArray(value, start, stop, step);
  }
  throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not subscriptable`);
}

/**
 * Python `seq[index]` for strings, arrays, Maps and plain objects (dict lookup by key).
 *
 * @throws {PythonError} `IndexError`, `KeyError` or `TypeError` where Python raises them.
 */
export function pyIndex(value: unknown, index: number): unknown {
  let items: readonly unknown[] | undefined;
  if (typeof value === 'string') items = codePoints(value);
  else if (typeof value === 'object' && value !== null) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [SAFE]?: unknown })[SAFE] === true) items = codePoints(String(value));
    else if (Array.isArray(value)) items = value;
    else if (value instanceof Map) {
      if (value.has(index)) return value.get(index);
      throw new PythonError('KeyError', String(index));
    } else if (!(value instanceof Date) && !(value instanceof Set)) {
      // A dict stand-in: Python looks the integer up as a key, which a JS record cannot hold.
      throw new PythonError('KeyError', String(index));
    }
  }
  if (items === undefined) {
    throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not subscriptable`);
  }
  const at = index < 0 ? items.length + index : index;
  if (at < 0 || at >= items.length) {
    throw new PythonError(
      'IndexError',
      `${typeof value === 'string' ? 'string' : 'list'} index out of range`,
    );
  }
  return items[at];
}
