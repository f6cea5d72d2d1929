/**
 * `pprint`: Python's `pprint.pformat` of the value, for debugging templates.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { pyPformat } from '../internal/python-pformat.js';

/** `{{ value|pprint }}` — the pretty-printed Python repr of the value. */
export const pprint: FilterSpec = {
  fn: (value) => {
    try {
      return pyPformat(value);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      const message = error instanceof Error ? error.message : String(error);
      return `Error in formatting: ${name}: ${message}`;
    }
  },
  isSafe: true,
  arg: 'none',
};
