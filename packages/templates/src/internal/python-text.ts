/**
 * Python `str` behaviour the filters need and JavaScript spells differently: lengths and slices
 * count code points (not UTF-16 units), `split()` and `strip()` use Python's whitespace set,
 * `title()` follows CPython's cased-character rule, and `center()` pads the way CPython does.
 *
 * @module
 */
import { SAFE_STRING as SAFE, isPlainObject } from '@reins/core';
import { PythonError } from './python-errors.js';
import { pyTypeName } from './python-number.js';

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
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a branded SafeString: its own toString gives its text
    if ((value as { [SAFE]?: unknown })[SAFE] === true) return pyStrLen(String(value));
    if (Array.isArray(value)) return value.length;
    if (value instanceof Map || value instanceof Set) return value.size;
    if (isPlainObject(value)) return Object.keys(value).length;
    const length = (value as { length?: unknown }).length;
    if (typeof length === 'number') return length;
  }
  throw new PythonError('TypeError', `object of type '${pyTypeName(value)}' has no len()`);
}

// Characters whose titlecase is not "first letter of the uppercase + the rest lower-cased":
// Latin digraphs, Greek letters with ypogegrammeni, U+0149; generated from Python 3.11's str.title().
const TITLE_SPECIAL = new Map<number, string>([
  [0x149, '\u02bc\u004e'],
  [0x1c4, '\u01c5'],
  [0x1c5, '\u01c5'],
  [0x1c6, '\u01c5'],
  [0x1c7, '\u01c8'],
  [0x1c8, '\u01c8'],
  [0x1c9, '\u01c8'],
  [0x1ca, '\u01cb'],
  [0x1cb, '\u01cb'],
  [0x1cc, '\u01cb'],
  [0x1f1, '\u01f2'],
  [0x1f2, '\u01f2'],
  [0x1f3, '\u01f2'],
  [0x1f80, '\u1f88'],
  [0x1f81, '\u1f89'],
  [0x1f82, '\u1f8a'],
  [0x1f83, '\u1f8b'],
  [0x1f84, '\u1f8c'],
  [0x1f85, '\u1f8d'],
  [0x1f86, '\u1f8e'],
  [0x1f87, '\u1f8f'],
  [0x1f88, '\u1f88'],
  [0x1f89, '\u1f89'],
  [0x1f8a, '\u1f8a'],
  [0x1f8b, '\u1f8b'],
  [0x1f8c, '\u1f8c'],
  [0x1f8d, '\u1f8d'],
  [0x1f8e, '\u1f8e'],
  [0x1f8f, '\u1f8f'],
  [0x1f90, '\u1f98'],
  [0x1f91, '\u1f99'],
  [0x1f92, '\u1f9a'],
  [0x1f93, '\u1f9b'],
  [0x1f94, '\u1f9c'],
  [0x1f95, '\u1f9d'],
  [0x1f96, '\u1f9e'],
  [0x1f97, '\u1f9f'],
  [0x1f98, '\u1f98'],
  [0x1f99, '\u1f99'],
  [0x1f9a, '\u1f9a'],
  [0x1f9b, '\u1f9b'],
  [0x1f9c, '\u1f9c'],
  [0x1f9d, '\u1f9d'],
  [0x1f9e, '\u1f9e'],
  [0x1f9f, '\u1f9f'],
  [0x1fa0, '\u1fa8'],
  [0x1fa1, '\u1fa9'],
  [0x1fa2, '\u1faa'],
  [0x1fa3, '\u1fab'],
  [0x1fa4, '\u1fac'],
  [0x1fa5, '\u1fad'],
  [0x1fa6, '\u1fae'],
  [0x1fa7, '\u1faf'],
  [0x1fa8, '\u1fa8'],
  [0x1fa9, '\u1fa9'],
  [0x1faa, '\u1faa'],
  [0x1fab, '\u1fab'],
  [0x1fac, '\u1fac'],
  [0x1fad, '\u1fad'],
  [0x1fae, '\u1fae'],
  [0x1faf, '\u1faf'],
  [0x1fb2, '\u1fba\u0345'],
  [0x1fb3, '\u1fbc'],
  [0x1fb4, '\u0386\u0345'],
  [0x1fb7, '\u0391\u0342\u0345'],
  [0x1fbc, '\u1fbc'],
  [0x1fc2, '\u1fca\u0345'],
  [0x1fc3, '\u1fcc'],
  [0x1fc4, '\u0389\u0345'],
  [0x1fc7, '\u0397\u0342\u0345'],
  [0x1fcc, '\u1fcc'],
  [0x1ff2, '\u1ffa\u0345'],
  [0x1ff3, '\u1ffc'],
  [0x1ff4, '\u038f\u0345'],
  [0x1ff7, '\u03a9\u0342\u0345'],
  [0x1ffc, '\u1ffc'],
]);

const CASED = /\p{Cased}/u;

function titleChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  // Georgian Mkhedruli letters have uppercase forms (Mtavruli) but title-case to themselves.
  if (code >= 0x10d0 && code <= 0x10ff && code !== 0x10fb && code !== 0x10fc) return ch;
  const special = TITLE_SPECIAL.get(code);
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

const CASE_IGNORABLE = /\p{Case_Ignorable}/u;

/**
 * CPython's Final_Sigma rule for a capital sigma being lower-cased at `i`: final (ς) when a cased
 * letter precedes it and none follows (case-ignorable characters skipped on both sides).
 */
function lowerSigma(chars: readonly string[], i: number): string {
  let j = i - 1;
  while (j >= 0 && CASE_IGNORABLE.test(chars[j]!)) j -= 1;
  let final = j >= 0 && CASED.test(chars[j]!);
  if (final) {
    j = i + 1;
    while (j < chars.length && CASE_IGNORABLE.test(chars[j]!)) j += 1;
    final = j === chars.length || !CASED.test(chars[j]!);
  }
  return final ? '\u03c2' : '\u03c3';
}

/** Python `str.title()`: upper-case a cased character after an uncased one, lower-case the rest. */
export function pyTitle(text: string): string {
  if (ASCII_ONLY.test(text)) return asciiTitle(text);
  const chars = Array.from(text);
  let out = '';
  let previousCased = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cased = CASED.test(ch);
    if (!cased) out += ch;
    else if (!previousCased) out += titleChar(ch);
    else out += ch === '\u03a3' ? lowerSigma(chars, i) : ch.toLowerCase();
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
