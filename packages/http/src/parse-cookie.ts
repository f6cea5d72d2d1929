/**
 * `parseCookie()`: the request's `Cookie` header → a name/value object, with Django's rules
 * (which are lenient on purpose: browsers send cookies no RFC would accept).
 *
 * @module
 */
import { pyStrip } from './internal/python-string.js';

const ESCAPE = /\\(?:([0-3][0-7][0-7])|(.))/g;

function unquoteCookieValue(value: string): string {
  if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return value;
  const inner = value.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  // Python's http.cookies._unquote: \NNN octal escapes and backslash-escaped characters.
  return inner.replace(ESCAPE, (_match, octal: string | undefined, char: string | undefined) =>
    octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : char!,
  );
}

/**
 * Parse a `Cookie` header as Django does: split on `;`, each chunk on its first `=` (a chunk
 * without `=` is a value with the empty name), strip both sides, skip empty chunks, unquote
 * double-quoted values; a later duplicate wins. Values are not percent-decoded.
 *
 * @example
 * parseCookie('a=1; b="x y"; c'); // { a: '1', b: 'x y', '': 'c' }
 */
export function parseCookie(header: string): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  if (header.length === 0) return result;
  let start = 0;
  const length = header.length;
  while (start <= length) {
    let end = header.indexOf(';', start);
    if (end === -1) end = length;
    const equals = header.indexOf('=', start);
    let key: string;
    let value: string;
    if (equals === -1 || equals > end) {
      key = '';
      value = pyStrip(header.slice(start, end));
    } else {
      key = pyStrip(header.slice(start, equals));
      value = pyStrip(header.slice(equals + 1, end));
    }
    if (key.length > 0 || value.length > 0) result[key] = unquoteCookieValue(value);
    start = end + 1;
  }
  return result;
}
