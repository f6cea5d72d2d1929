/**
 * `escapejs`: replace the characters that could end a JavaScript string or an HTML script block
 * (`\ ' " < > & = - ; \``, U+2028, U+2029 and the C0 controls) with `\uXXXX` escapes.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { markSafe } from '@reins/core';

// eslint-disable-next-line no-control-regex
const JS_SPECIAL = /[\\'"<>&=\-;`\u2028\u2029\u0000-\u001f]/g;
const hex4 = (ch: string): string =>
  `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Escape text for a JavaScript string literal, as Django's `escapejs`; the result is safe.
 *
 * @example
 * escapeJs('</script>'); // '\\u003C/script\\u003E'
 */
export function escapeJs(text: string): string {
  return text.replace(JS_SPECIAL, hex4);
}

/** `{{ value|escapejs }}` — `\uXXXX`-escape characters special to JavaScript and HTML. */
export const escapejs: FilterSpec = {
  fn: (value) => markSafe(escapeJs(stringValue(value))),
  arg: 'none',
};
