/**
 * Truncation filters, after Django's `Truncator`: `truncatechars` and `truncatewords` on plain
 * text, `truncatechars_html` and `truncatewords_html` counting only text outside tags and closing
 * the tags left open. Characters are counted as Python counts them (code points, NFC-normalised,
 * combining marks not counted); the ellipsis is `…` (U+2026), with a space before it for words.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyInt } from '../internal/python-number.js';
import { codePoints, PY_WHITESPACE, pySplitWhitespace } from '../internal/python-text.js';
import { isCombining } from '../internal/python-unicode.js';

const ELLIPSIS = '…';
const WORDS_ELLIPSIS = ' …';
const MAX_LENGTH_HTML = 5_000_000;
const HTML4_SINGLETS = new Set([
  'br',
  'col',
  'link',
  'base',
  'img',
  'param',
  'area',
  'hr',
  'input',
]);

const RE_TAG = new RegExp(
  `^<(/)?([^${PY_WHITESPACE}]+?)(?:([${PY_WHITESPACE}]*/)|[${PY_WHITESPACE}][\\s\\S]*?)?>`,
  'u',
);
const RE_PRT = new RegExp(`<|([^<>${PY_WHITESPACE}]+)`, 'gu');

function addTruncationText(text: string, truncate: string): string {
  return text.endsWith(truncate) ? text : text + truncate;
}

/** Truncate text to `length` characters including the ellipsis (Django's `Truncator.chars`). */
export function truncateChars(value: string, length: number, html = false): string {
  const text = value.normalize('NFC');
  // The ellipsis is one non-combining character, so it takes one place.
  const truncateLen = length - 1;
  if (html) return truncateHtml(text, length, truncateLen, false);
  const chars = codePoints(text);
  let count = 0;
  let endIndex: number | undefined;
  for (let i = 0; i < chars.length; i++) {
    if (isCombining(chars[i]!)) continue;
    count += 1;
    if (endIndex === undefined && count > truncateLen) endIndex = i;
    if (count > length) return chars.slice(0, endIndex ?? 0).join('') + ELLIPSIS;
  }
  return text;
}

/** Truncate text to `length` words, joined by single spaces (Django's `Truncator.words`). */
export function truncateWords(value: string, length: number, html = false): string {
  if (html) return truncateHtml(value, length, length, true);
  const words = pySplitWhitespace(value);
  if (words.length > length) {
    return addTruncationText(words.slice(0, length).join(' '), WORDS_ELLIPSIS);
  }
  return words.join(' ');
}

interface TokenMatch {
  text: string;
  word: string | undefined;
  end: number;
}

/**
 * Django's `re_chars` / `re_words` searched from `pos`. The `<[^>]+?>` alternative is resolved
 * with the position of the next `>`, remembered across calls, instead of a regex that scans to the
 * end of the text from every unclosed `<` (quadratic on `'<a '.repeat(n)`).
 */
class TokenScanner {
  private nextGt = -2;

  constructor(private readonly text: string) {}

  /** The end of the tag opening at `lt` (`<`, at least one character, `>`), or -1. */
  private tagEnd(lt: number): number {
    if (this.nextGt !== -1 && this.nextGt <= lt) this.nextGt = this.text.indexOf('>', lt + 1);
    return this.nextGt > lt + 1 ? this.nextGt + 1 : -1;
  }

  chars(pos: number): TokenMatch | null {
    const text = this.text;
    if (pos >= text.length) return null;
    if (text.charCodeAt(pos) === 0x3c) {
      const end = this.tagEnd(pos);
      if (end > 0) return { text: text.slice(pos, end), word: undefined, end };
    }
    const code = text.codePointAt(pos)!;
    const width = code > 0xffff ? 2 : 1;
    return {
      text: text.slice(pos, pos + width),
      word: text.slice(pos, pos + width),
      end: pos + width,
    };
  }

  // Django's `re_words` (`<[^>]+?>|([^<>\s]+)`): the first tag or word at or after `pos`; a `<`
  // with no tag after it is skipped like any other separator.
  words(pos: number): TokenMatch | null {
    const text = this.text;
    RE_PRT.lastIndex = pos;
    for (let m = RE_PRT.exec(text); m !== null; m = RE_PRT.exec(text)) {
      if (m[1] !== undefined) return { text: m[0], word: m[1], end: m.index + m[0].length };
      const end = this.tagEnd(m.index);
      if (end > 0) return { text: text.slice(m.index, end), word: undefined, end };
    }
    return null;
  }
}

function truncateHtml(input: string, length: number, truncateLen: number, words: boolean): string {
  if (words && length <= 0) return '';
  let text = input;
  let sizeLimited = false;
  if (text.length > MAX_LENGTH_HTML) {
    text = text.slice(0, MAX_LENGTH_HTML);
    sizeLimited = true;
  }
  let pos = 0;
  let endTextPos = 0;
  let currentLen = 0;
  // Innermost last (Django keeps innermost first with insert(0), quadratic on deep nesting).
  const openTags: string[] = [];
  const scanner = new TokenScanner(text);
  while (currentLen <= length) {
    const m = words ? scanner.words(pos) : scanner.chars(pos);
    if (!m) break;
    pos = m.end;
    if (m.word) {
      currentLen += 1;
      if (currentLen === truncateLen) endTextPos = pos;
      continue;
    }
    const tag = RE_TAG.exec(m.text);
    if (!tag || currentLen >= truncateLen) continue;
    const tagname = tag[2]!.toLowerCase();
    if (tag[3] !== undefined || HTML4_SINGLETS.has(tagname)) {
      // Self-closing: nothing to close later.
    } else if (tag[1] !== undefined) {
      if (openTags.length > 0 && openTags[openTags.length - 1] === tagname) openTags.pop();
    } else {
      openTags.push(tagname);
    }
  }
  const truncateText = words ? WORDS_ELLIPSIS : ELLIPSIS;
  if (currentLen <= length) return sizeLimited ? text + truncateText : text;
  const closing: string[] = [];
  for (let i = openTags.length - 1; i >= 0; i--) closing.push(`</${openTags[i]!}>`);
  return text.slice(0, endTextPos) + truncateText + closing.join('');
}

function lengthFilter(apply: (text: string, length: number) => string): FilterSpec['fn'] {
  return (value, arg) => {
    const text = stringValue(value);
    let length: number;
    try {
      length = pyInt(arg);
    } catch (error) {
      // Django catches only ValueError here: a bad literal returns the text unchanged.
      if (PythonError.isInstance(error) && error.pythonType === 'ValueError') return text;
      throw error;
    }
    return apply(text, length);
  };
}

/** `{{ value|truncatechars:9 }}` — at most 9 characters, the last being `…` when cut. */
export const truncatechars: FilterSpec = {
  fn: lengthFilter((text, n) => truncateChars(text, n)),
  isSafe: true,
  arg: 'required',
};

/** `{{ value|truncatechars_html:9 }}` — like truncatechars, not counting tags, closing open ones. */
export const truncatecharsHtml: FilterSpec = {
  fn: lengthFilter((text, n) => truncateChars(text, n, true)),
  isSafe: true,
  arg: 'required',
};

/** `{{ value|truncatewords:3 }}` — the first 3 words, then ` …` when cut. */
export const truncatewords: FilterSpec = {
  fn: lengthFilter((text, n) => truncateWords(text, n)),
  isSafe: true,
  arg: 'required',
};

/** `{{ value|truncatewords_html:3 }}` — like truncatewords, keeping tags and closing open ones. */
export const truncatewordsHtml: FilterSpec = {
  fn: lengthFilter((text, n) => truncateWords(text, n, true)),
  isSafe: true,
  arg: 'required',
};
