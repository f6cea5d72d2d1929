/**
 * The nesting bound of the filters that walk nested values (`pprint`, `unordered_list`). Python
 * stops them with `RecursionError` near its default recursion limit of 1000 frames; reins stops at
 * a fixed depth instead, so the result never depends on how deep the template's own stack is, and
 * the cost stays linear in the value's size.
 *
 * @module
 */
import { PythonError } from '../internal/python-errors.js';

/** Lists, dicts and sets nested deeper than this make `pprint` and `unordered_list` fail. */
export const MAX_FILTER_NESTING = 500;

/**
 * The error for a value nested deeper than {@link MAX_FILTER_NESTING} (or containing itself).
 *
 * @example
 * throw nestingTooDeep('unordered_list');
 */
export function nestingTooDeep(filter: string): PythonError {
  return new PythonError(
    'RecursionError',
    `maximum recursion depth exceeded: ${filter} accepts values nested at most ${MAX_FILTER_NESTING} levels deep (or a list containing itself); flatten the value before rendering it`,
  );
}
