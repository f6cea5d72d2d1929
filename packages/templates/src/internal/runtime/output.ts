/**
 * Output conversion at render time: Django's `render_value_in_context` (localized numbers, dates
 * in the default format, escaping unless safe), Python `str()`, and applying an `isSafe` filter.
 *
 * @module
 */
import { SAFE_STRING, isSafe, markSafe, escapeHtml as fastEscape, pyStr } from '@reins/core';
import type { FilterContext, FilterSpec } from '../../filters/filter-spec.js';
import { builtinFilters } from '../../filters/index.js';
import { localizeValue } from '../number-localize.js';

const AUTOESCAPE_ON: FilterContext = Object.freeze({ autoescape: true });
const AUTOESCAPE_OFF: FilterContext = Object.freeze({ autoescape: false });
export { AUTOESCAPE_OFF, AUTOESCAPE_ON };

/** For the inlined `upper`/`lower` filters (called with `.call`: see `escapeHtml` in @reins/core). */
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(text)
export const toUpperCase = String.prototype.toUpperCase;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(text)
export const toLowerCase = String.prototype.toLowerCase;

/** Convert a value for output (Django's `render_value_in_context`). */
export function renderValue(value: unknown, autoescape: boolean): string {
  if (typeof value === 'string') return autoescape ? fastEscape(value) : value;
  if (typeof value === 'object' && value !== null) {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [k: symbol]: unknown })[SAFE_STRING] === true) return String(value);
    // Django's conditional_escape honours __html__(): an object that renders itself as HTML
    // (a message whose text is safe) is not escaped again.
    const html = (value as { __html__?: unknown }).__html__;
    if (autoescape && typeof html === 'function') return String(html.call(value));
    if (value instanceof Date) {
      const text = String(
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the date filter's answer is a string or a SafeString
        builtinFilters['date']?.fn(value, 'N j, Y, P', AUTOESCAPE_OFF) ?? pyStr(value),
      );
      return autoescape ? fastEscape(text) : text;
    }
  }
  // Numbers go through Django's localize step: floats never show exponent notation there.
  const text = typeof value === 'number' ? localizeValue(value) : pyStr(value);
  return autoescape ? fastEscape(text) : text;
}

/**
 * `{{ name }}` with no filters (a missing value renders as `''`): one call to this shared, already
 * optimised function instead of the same steps in each template's generated code, which a
 * template's first render runs in V8's interpreter.
 */
export function renderVariable(value: unknown, autoescape: boolean): string {
  return value === undefined ? '' : renderValue(value, autoescape);
}

/** Python `str()` (no escaping), for `{% filter %}` output. */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pyStr(value);
}

/** Apply an `isSafe` filter: a safe input keeps the output safe. */
export function applySafeFilter(
  spec: FilterSpec,
  value: unknown,
  arg: unknown,
  c: FilterContext,
): unknown {
  const result = spec.fn(value, arg, c);
  return isSafe(value) ? markSafe(result) : result;
}
