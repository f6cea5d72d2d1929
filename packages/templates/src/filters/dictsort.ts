/**
 * `dictsort` and `dictsortreversed`: sort a list of dicts or objects by a key, which may be a
 * dotted path (`author.age`) or, when it reads as a number, an index. As in Django, a failed
 * lookup or an unorderable pair of keys gives `''`; Python's stable sort order is kept.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject, isPyInt } from '@reins/core';
import type { FilterSpec } from './filter-spec.js';
import { textOf } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyList } from '../internal/python-iter.js';
import { pyFloat, pyTypeName } from '../internal/python-number.js';
import { compare } from '../internal/python-compare.js';
import { canReadMember } from '../internal/runtime/sandbox.js';
import { pyIndex } from '../internal/python-slice.js';

function lookupPart(value: unknown, part: string): unknown {
  if (value instanceof Map) {
    if (value.has(part)) return value.get(part);
  } else if (isPlainObject(value)) {
    if (Object.hasOwn(value, part)) return value[part];
  } else if (Array.isArray(value) || typeof value === 'string') {
    // list['x'] raises TypeError, so Django falls back to getattr, which fails too.
  } else if (
    typeof value === 'object' &&
    value !== null &&
    !(value as { [SAFE]?: unknown })[SAFE]
  ) {
    // getattr(), inside the template sandbox: no built-in's members, no `constructor`.
    if (canReadMember(value, part)) return (value as Record<string, unknown>)[part];
  }
  throw new PythonError(
    'AttributeError',
    `'${pyTypeName(value)}' object has no attribute '${part}'`,
  );
}

function propertyResolver(arg: unknown): (item: unknown) => unknown {
  let numeric = true;
  try {
    pyFloat(arg);
  } catch (error) {
    if (PythonError.isInstance(error) && error.pythonType === 'ValueError') numeric = false;
    else throw error;
  }
  if (numeric) {
    // operator.itemgetter(arg): an int indexes, a numeric string looks a key up.
    return (item) => {
      if (typeof arg === 'number' && isPyInt(arg)) return pyIndex(item, arg);
      const key = textOf(arg);
      if (key !== undefined && (isPlainObject(item) || item instanceof Map))
        return lookupPart(item, key);
      throw new PythonError('TypeError', `indices must be integers, not ${pyTypeName(arg)}`);
    };
  }
  const path = textOf(arg)!;
  // Django reads arg[0], which raises IndexError (not caught) for an empty key.
  if (path === '') throw new PythonError('IndexError', 'string index out of range');
  if (path.includes('._') || path[0] === '_') {
    throw new PythonError('AttributeError', 'Access to private variables is forbidden.');
  }
  const parts = path.split('.');
  return (item) => parts.reduce<unknown>(lookupPart, item);
}

function sortBy(value: unknown, arg: unknown, reverse: boolean): unknown {
  try {
    const key = propertyResolver(arg);
    const items = pyList(value);
    const keyed = items.map((item) => ({ item, key: key(item) }));
    keyed.sort((a, b) => (reverse ? compare(b.key, a.key) : compare(a.key, b.key)));
    return keyed.map((entry) => entry.item);
  } catch (error) {
    if (
      PythonError.isInstance(error) &&
      (error.pythonType === 'AttributeError' || error.pythonType === 'TypeError')
    ) {
      return '';
    }
    throw error;
  }
}

/** `{{ people|dictsort:"age" }}` — the list sorted by each item's `age`. */
export const dictsort: FilterSpec = {
  fn: (value, arg) => sortBy(value, arg, false),
  isSafe: false,
  arg: 'required',
};

/** `{{ people|dictsortreversed:"age" }}` — the list sorted by `age`, largest first. */
export const dictsortreversed: FilterSpec = {
  fn: (value, arg) => sortBy(value, arg, true),
  isSafe: false,
  arg: 'required',
};
