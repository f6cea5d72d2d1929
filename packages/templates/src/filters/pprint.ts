/**
 * `pprint`: Python's `pprint.pformat` of the value, for debugging templates.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { pyPformat } from '../internal/python-pformat.js';
import { MAX_FILTER_NESTING } from './nesting-limit.js';

/**
 * `{{ value|pprint }}` — the pretty-printed Python repr of the value; a value nested deeper than
 * {@link MAX_FILTER_NESTING} levels prints `Error in formatting: RecursionError: …`, as Django's
 * does past Python's recursion limit.
 */
export const pprint: FilterSpec = {
  fn: (value) => {
    try {
      return pyPformat(value, MAX_FILTER_NESTING);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const message = error instanceof Error ? error.message : String(error);
      return `Error in formatting: ${name}: ${message}`;
    }
  },
  isSafe: true,
  arg: 'none',
};
