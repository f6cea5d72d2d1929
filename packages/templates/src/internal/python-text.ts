/**
 * Python `str` behaviour the filters need and JavaScript spells differently: lengths and slices
 * count code points (not UTF-16 units), `split()` and `strip()` use Python's whitespace set,
 * `title()` follows CPython's cased-character rule, and `center()` pads the way CPython does.
 *
 * @module
 */
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';
import { isPlainObject } from './python-str.js';

const SAFE = Symbol.for('reins.SafeString');

/** Python's whitespace characters (`str.isspace()`), as the body of a regex character class. */
export const PY_WHITESPACE =
  '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const SPLIT_WS = new RegExp(`[${PY_WHITESPACE}]+`);
const SURROGATE = /[\ud800-\udfff]/;

/** Python `str.split()` with no argument: split on runs of whitespace, dropping empty ends. */
export function pySplitWhitespace(text: string): string[] {
  const parts = text.split(SPLIT_WS);
  if (parts.length > 0 && parts[0] === '') parts.shift();
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The code points of a string (Python's characters). */
export function codePoints(text: string): string[] {
  return SURROGATE.test(text) ? Array.from(text) : text.split('');
}

/** Python `len(str)`: the number of code points. */
export function pyStrLen(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * Python `len(value)` for the JS values that stand for sized Python objects.
 *
 * @throws {PythonError} `TypeError` when the value has no length (None, numbers, dates).
 */
export function pyLen(value: unknown): number {
  if (typeof value === 'string') return pyStrLen(value);
  if (typeof value === 'object' && value !== null) {
    if ((value as { [SAFE]?: unknown })[SAFE] === true) return pyStrLen(String(value));
    if (Array.isArray(value)) return value.length;
    if (value instanceof Map || value instanceof Set) return value.size;
    if (isPlainObject(value)) return Object.keys(value).length;
    const length = (value as { length?: unknown }).length;
    if (typeof length === 'number') return length;
  }
  throw new PythonError('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}

// Titlecase forms that differ from the uppercase ones (Latin digraphs).
const TITLE_SPECIAL: Record<string, string> = {
  '\u01c4': '\u01c5',
  '\u01c5': '\u01c5',
  '\u01c6': '\u01c5',
  '\u01c7': '\u01c8',
  '\u01c8': '\u01c8',
  '\u01c9': '\u01c8',
  '\u01ca': '\u01cb',
  '\u01cb': '\u01cb',
  '\u01cc': '\u01cb',
  '\u01f1': '\u01f2',
  '\u01f2': '\u01f2',
  '\u01f3': '\u01f2',
};
const CASED = /\p{Cased}/u;

function titleChar(ch: string): string {
  const special = TITLE_SPECIAL[ch];
  if (special !== undefined) return special;
  const upper = ch.toUpperCase();
  // A character whose uppercase is several letters ('ß' → 'SS') titlecases to 'Ss'.
  return upper.length > 1 && Array.from(upper).length > 1
    ? Array.from(upper)[0]! + Array.from(upper).slice(1).join('').toLowerCase()
    : upper;
}

// eslint-disable-next-line no-control-regex -- the ASCII range test includes the C0 controls
const ASCII_ONLY = /^[\x00-\x7f]*$/;

function asciiTitle(text: string): string {
  let out = '';
  let previousCased = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (upper || lower) {
      if (previousCased) out += upper ? String.fromCharCode(c + 32) : text[i]!;
      else out += lower ? String.fromCharCode(c - 32) : text[i]!;
      previousCased = true;
    } else {
      out += text[i]!;
      previousCased = false;
    }
  }
  return out;
}

/** Python `str.title()`: upper-case a cased character after an uncased one, lower-case the rest. */
export function pyTitle(text: string): string {
  if (ASCII_ONLY.test(text)) return asciiTitle(text);
  let out = '';
  let previousCased = false;
  for (const ch of text) {
    const cased = CASED.test(ch);
    if (cased) out += previousCased ? ch.toLowerCase() : titleChar(ch);
    else out += ch;
    previousCased = cased;
  }
  return out;
}

/** Python `str.ljust(width)` with spaces. */
export function pyLjust(text: string, width: number): string {
  const pad = width - pyStrLen(text);
  return pad > 0 ? text + ' '.repeat(pad) : text;
}

/** Python `str.rjust(width)` with spaces. */
export function pyRjust(text: string, width: number): string {
  const pad = width - pyStrLen(text);
  return pad > 0 ? ' '.repeat(pad) + text : text;
}

/** Python `str.center(width)` with spaces, odd padding placed as CPython places it. */
export function pyCenter(text: string, width: number): string {
  const marg = width - pyStrLen(text);
  if (marg <= 0) return text;
  // CPython: left = marg / 2 + (marg & width & 1).
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return ' '.repeat(left) + text + ' '.repeat(marg - left);
}

// eslint-disable-next-line no-control-regex -- Python's character classes include C0 controls
const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** Python `str.splitlines(keepends)`: split on every Unicode line boundary. */
export function pySplitlines(text: string, keepEnds = false): string[] {
  const lines: string[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    lines.push(text.slice(start, keepEnds ? m.index + m[0].length : m.index));
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Python `str.expandtabs(tabsize)`: tabs to spaces up to the next multiple of the column. */
export function pyExpandtabs(text: string, tabsize = 8): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const spaces = tabsize - (column % tabsize);
        out += ' '.repeat(spaces);
        column += spaces;
      }
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}
