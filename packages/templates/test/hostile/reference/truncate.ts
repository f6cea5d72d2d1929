// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * Truncation filters, after Django's `Truncator`: `truncatechars` and `truncatewords` on plain
 * text, `truncatechars_html` and `truncatewords_html` counting only text outside tags and closing
 * the tags left open. Characters are counted as Python counts them (code points, NFC-normalised,
 * combining marks not counted); the ellipsis is `…` (U+2026), with a space before it for words.
 *
 * @module
 */
import { codePoints, PY_WHITESPACE, pySplitWhitespace } from '../../../src/internal/python-text.js';
import { isCombining } from '../../../src/internal/python-unicode.js';

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

const RE_CHARS = /<[^>]+?>|([\s\S])/gu;
const RE_TAG = new RegExp(
  `^<(/)?([^${PY_WHITESPACE}]+?)(?:([${PY_WHITESPACE}]*/)|[${PY_WHITESPACE}][\\s\\S]*?)?>`,
  'u',
);
const RE_NOTAG = new RegExp(`([^<>${PY_WHITESPACE}]+)`, 'gu');
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

function searchChars(text: string, pos: number): TokenMatch | null {
  RE_CHARS.lastIndex = pos;
  const m = RE_CHARS.exec(text);
  return m ? { text: m[0], word: m[1], end: m.index + m[0].length } : null;
}

// Django's WordsRegex: find '<' or a word; a '<' without a later '>' is skipped by searching for a
// word again from pos + 1 (sic: from the search start, not from the '<').
function searchWords(text: string, pos: number): TokenMatch | null {
  RE_PRT.lastIndex = pos;
  const partial = RE_PRT.exec(text);
  if (partial === null) return null;
  if (partial[1] !== undefined) {
    return { text: partial[0], word: partial[1], end: partial.index + partial[0].length };
  }
  const close = text.indexOf('>', partial.index + partial[0].length);
  if (close < 0) {
    RE_NOTAG.lastIndex = pos + 1;
    const m = RE_NOTAG.exec(text);
    return m ? { text: m[0], word: m[1], end: m.index + m[0].length } : null;
  }
  return { text: text.slice(partial.index, close + 1), word: undefined, end: close + 1 };
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
  let openTags: string[] = [];
  const search = words ? searchWords : searchChars;
  while (currentLen <= length) {
    const m = search(text, pos);
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
      if (openTags.length > 0 && openTags[0] === tagname) openTags = openTags.slice(1);
    } else {
      openTags.unshift(tagname);
    }
  }
  const truncateText = words ? WORDS_ELLIPSIS : ELLIPSIS;
  if (currentLen <= length) return sizeLimited ? text + truncateText : text;
  let out = text.slice(0, endTextPos) + truncateText;
  for (const tag of openTags) out += `</${tag}>`;
  return out;
}
