/**
 * URL-encoding filters: `urlencode` (Python's `quote`, `/` kept unless the argument says
 * otherwise) and `iriencode` (Django's `iri_to_uri`: only characters not allowed in a URI are
 * encoded, reserved ones and `%` kept).
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { pyQuote } from '../internal/python-url.js';

const IRI_SAFE = "/#%[]=:;$&()+,!?*@'~";

/**
 * Django's `iri_to_uri`: percent-encode an IRI into a URI.
 *
 * @example
 * iriToUri('/café/?q=a b'); // '/caf%C3%A9/?q=a%20b'
 */
export function iriToUri(iri: string): string {
  return pyQuote(iri, IRI_SAFE);
}

/** `{{ value|urlencode }}` / `{{ value|urlencode:"" }}` — percent-encode for a URL. */
export const urlencode: FilterSpec = {
  fn: (value, arg) =>
    pyQuote(stringValue(value), arg === undefined || arg === null ? '/' : stringValue(arg)),
  isSafe: false,
  arg: 'optional',
};

/** `{{ value|iriencode }}` — encode an IRI for use in a URL. */
export const iriencode: FilterSpec = {
  fn: (value) => iriToUri(stringValue(value)),
  isSafe: true,
  arg: 'none',
};
