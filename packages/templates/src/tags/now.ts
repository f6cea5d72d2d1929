/**
 * Render time of `{% now %}`: the current date in a `date` filter format.
 *
 * @module
 */
import { builtinFilters } from '../filters/index.js';
import { AUTOESCAPE_OFF, pythonStr } from '../internal/runtime/output.js';

/** `{% now %}`. */
export function nowText(format: string): string {
  const date = builtinFilters['date'];
  return date === undefined
    ? new Date().toISOString()
    : pythonStr(date.fn(new Date(), format, AUTOESCAPE_OFF));
}
