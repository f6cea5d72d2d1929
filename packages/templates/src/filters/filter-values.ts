import { isSafe, pyStr } from '@reins/core';
/**
 * Conversions every filter shares: Django's `@stringfilter` input conversion (`stringValue`), the
 * text of a string-like argument (`argText`), and the type tests that stand in for Python's
 * `isinstance` checks on JS values.
 *
 * @module
 */

/** Python `str(value)` of a filter input, as Django's `@stringfilter` decorator does. */
export function stringValue(value: unknown): string {
  return typeof value === 'string' ? value : pyStr(value);
}

/** Tell whether a value is a Python `str` stand-in (a string or a safe string). */
export function isStringLike(value: unknown): boolean {
  return typeof value === 'string' || isSafe(value);
}

/** The text of a string-like value, or `undefined` when the value is not one. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isSafe(value)) return String(value);
  return undefined;
}

/** Tell whether a value is a Python `None` stand-in. */
export function isNone(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}
