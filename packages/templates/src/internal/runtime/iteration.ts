/**
 * What `{% for %}` iterates over (Python iteration of strings, Maps, iterables, plain objects;
 * async iterables collected when rendering async), tuple unpacking and the `forloop` object.
 *
 * @module
 */
import { SAFE_STRING, isPlainObject } from '@reins/core';
import { PythonError } from '../python-errors.js';
import { pyTypeName } from '../python-number.js';
import { needsAsync } from './render-state.js';

const EMPTY: readonly unknown[] = Object.freeze([]);

/** Materialise what a `{% for %}` iterates over. */
export function iterate(value: unknown): readonly unknown[] {
  if (value === null || value === undefined) return EMPTY;
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return Array.from(value);
  if (typeof value === 'object') {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [k: symbol]: unknown })[SAFE_STRING] === true) return Array.from(String(value));
    if (value instanceof Map) return Array.from(value.keys());
    if (typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function') {
      return Array.from(value as Iterable<unknown>);
    }
    if (isPlainObject(value)) return Object.keys(value);
    if (
      typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
    ) {
      throw needsAsync();
    }
  }
  throw new PythonError('TypeError', `'${pyTypeName(value)}' object is not iterable`);
}

/** Async variant of `iter`: async iterables are collected first. */
export async function iterateAsync(value: unknown): Promise<readonly unknown[]> {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function' &&
    typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function'
  ) {
    const items: unknown[] = [];
    for await (const item of value as AsyncIterable<unknown>) items.push(item);
    return items;
  }
  return iterate(value);
}

/** Unpack one loop item into `count` variables. */
export function unpackLoopItem(item: unknown, count: number): readonly unknown[] {
  let items: readonly unknown[] | undefined;
  try {
    items = typeof item === 'object' || typeof item === 'string' ? iterate(item) : undefined;
  } catch {
    items = undefined;
  }
  const length = items === undefined ? 1 : items.length;
  if (items === undefined || length !== count) {
    throw new PythonError(
      'ValueError',
      `Need ${String(count)} values to unpack in for loop; got ${String(length)}. `,
    );
  }
  return items;
}

/** The `forloop` object of one iteration. */
export function forloopObject(i: number, n: number, parentloop: unknown): Record<string, unknown> {
  return {
    parentloop,
    counter0: i,
    counter: i + 1,
    revcounter: n - i,
    revcounter0: n - i - 1,
    first: i === 0,
    last: i === n - 1,
  };
}
