/**
 * Django's reverse() percent-encoding: Python's `quote(url, safe="!$&'()*+,;=/~:@")`, i.e. keep
 * unreserved characters, sub-delimiters, `/`, `:` and `@`, and encode everything else as UTF-8
 * `%XX` (`@reins/core`'s `quote`; lone surrogates, which Python refuses to encode, become U+FFFD
 * as the WHATWG URL parser does).
 */
import { quote as pyQuote } from '@reins/core';

const REVERSE_SAFE = "!$&'()*+,;=/~:@";

/** Percent-encode a reversed URL as Django's `reverse()` does. */
export function quote(text: string): string {
  return pyQuote(text, REVERSE_SAFE);
}

/** A leading `//` would be a scheme-relative URL; Django escapes the second slash (core's). */
export { escapeLeadingSlashes } from '@reins/core';
