/**
 * `stringFilter`: Django's `@stringfilter` decorator for custom filters — the filter function
 * receives the input already converted with Python's `str()` (`None` → `'None'`, lists as
 * `['a', 1]`, safe strings as their text), so it can use string methods directly.
 *
 * @module
 */
import type { FilterContext, FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { isSafe } from '@reins/core';

/**
 * Wrap a filter function so it receives its input as text, as Django's `@stringfilter` does.
 * Whether a safe input keeps its output safe is still decided by the spec's `isSafe` flag.
 *
 * @example
 * const shout: FilterSpec = { fn: stringFilter((text) => `${text.toUpperCase()}!`), isSafe: true, arg: 'none' };
 */
export function stringFilter(
  fn: (text: string, arg: unknown, ctx: FilterContext) => unknown,
): FilterSpec['fn'] {
  return (value, arg, ctx) => fn(isSafe(value) ? String(value) : stringValue(value), arg, ctx);
}
