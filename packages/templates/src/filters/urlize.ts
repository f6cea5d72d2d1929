/**
 * `urlize` and `urlizetrunc`: Django's `django.utils.html.urlize` — split the text on whitespace,
 * quotes and angle brackets, peel wrapping and trailing punctuation off each word, and link what
 * looks like an `http(s)://` URL, a `www.` or bare domain with one of the seven original gTLDs,
 * or an e-mail address. Web links get `rel="nofollow"`; link text is escaped when autoescaping.
 *
 * @module
 */
import type { FilterSpec } from './filter-spec.js';
import { stringValue } from './filter-values.js';
import { PythonError } from '../internal/python-errors.js';
import { pyHtmlUnescape } from '../internal/python-html.js';
import { pyInt } from '../internal/python-number.js';
import { PY_WHITESPACE, codePoints, pyStrLen } from '../internal/python-text.js';
import {
  pyIdnaEncode,
  pyParseQsl,
  pyQuote,
  pyUnquote,
  pyUrlencode,
  pyUrlsplit,
  pyUrlunsplit,
} from '../internal/python-url.js';
import { escapeHtml, isSafe, markSafe } from '@reins/core';

const TRAILING_PUNCTUATION = '.,:;!';
const WRAPPING_PUNCTUATION: Array<[string, string]> = [
  ['(', ')'],
  ['[', ']'],
];
const MAX_URL_LENGTH = 2048;
const WORD_SPLIT = new RegExp(`([${PY_WHITESPACE}<>"']+)`);
const SIMPLE_URL = /^https?:\/\/\[?[\p{L}\p{N}_]/iu;
const SIMPLE_URL_2 = /^www\.|^(?!http)[\p{L}\p{N}_][^@]+\.(com|edu|gov|int|mil|net|org)($|\/.*)$/iu;
const URL_SAFE = "!$&'()*+,;=:/?#[]@~";

function unquoteQuote(segment: string): string {
  return pyQuote(pyUnquote(segment), URL_SAFE);
}

/** Django's `smart_urlquote`: quote a URL unless it is already quoted, IDN hosts to Punycode. */
function smartUrlquote(url: string): string {
  let parts;
  try {
    parts = pyUrlsplit(url);
  } catch {
    return unquoteQuote(url);
  }
  let netloc: string;
  try {
    netloc = pyIdnaEncode(parts.netloc);
  } catch {
    return unquoteQuote(url);
  }
  let query = parts.query;
  if (query) {
    query = pyUrlencode(pyParseQsl(query).map(([k, v]) => [pyUnquote(k), pyUnquote(v)]));
  }
  return pyUrlunsplit({
    scheme: parts.scheme,
    netloc,
    path: unquoteQuote(parts.path),
    query,
    fragment: unquoteQuote(parts.fragment),
  });
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function rstripChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** Django's `trim_punctuation` loop as written (unescaping the whole middle on each pass). */
export function trimPunctuationWithEntities(
  lead0: string,
  middle0: string,
  trail0: string,
): [string, string, string] {
  let lead = lead0;
  let middle = middle0;
  let trail = trail0;
  let trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (const [opening, closing] of WRAPPING_PUNCTUATION) {
      if (middle.startsWith(opening)) {
        middle = middle.slice(opening.length);
        lead += opening;
        trimmed = true;
      }
      // Keep a closing bracket only when the brackets balance.
      if (middle.endsWith(closing) && count(middle, closing) === count(middle, opening) + 1) {
        middle = middle.slice(0, -closing.length);
        trail = closing + trail;
        trimmed = true;
      }
    }
    // Unescape first so that stripping ';' cannot break an entity such as &amp;.
    const unescaped = pyHtmlUnescape(middle);
    const stripped = rstripChars(unescaped, TRAILING_PUNCTUATION);
    if (unescaped !== stripped) {
      // Django indexes `middle` with lengths measured on the unescaped text (code points).
      const chars = codePoints(middle);
      const strippedLen = pyStrLen(stripped);
      trail = chars.slice(strippedLen).join('') + trail;
      middle = chars.slice(0, strippedLen - pyStrLen(unescaped)).join('');
      trimmed = true;
    }
  }
  return [lead, middle, trail];
}

const BRACKETS = '()[]';

/**
 * Django's `trim_punctuation` loop for a word without `&` (so `html.unescape` is the identity),
 * on indices and running bracket counts: each pass is O(1) plus what it strips, where Django's
 * slices, `count()`s and `unescape()`s the whole word on each of up to `len(word)` passes.
 */
export function trimPunctuationPlain(word: string): [string, string, string] {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < word.length; i++) {
    const at = BRACKETS.indexOf(word[i]!);
    if (at >= 0) counts[at]! += 1;
  }
  let start = 0;
  let end = word.length;
  const trail: string[] = [];
  let trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (let pair = 0; pair < 4; pair += 2) {
      if (start < end && word[start] === BRACKETS[pair]) {
        start += 1;
        counts[pair]! -= 1;
        trimmed = true;
      }
      if (
        start < end &&
        word[end - 1] === BRACKETS[pair + 1] &&
        counts[pair + 1] === counts[pair]! + 1
      ) {
        end -= 1;
        counts[pair + 1]! -= 1;
        trail.push(BRACKETS[pair + 1]!);
        trimmed = true;
      }
    }
    let stripped = end;
    while (stripped > start && TRAILING_PUNCTUATION.includes(word[stripped - 1]!)) stripped -= 1;
    if (stripped < end) {
      trail.push(word.slice(stripped, end));
      end = stripped;
      trimmed = true;
    }
  }
  return [word.slice(0, start), word.slice(start, end), trail.reverse().join('')];
}

// Django's own loop unescapes the whole word on each pass: quadratic, and on inputs like
// `(((&amp;.).).)` its output grows quadratically too, so only words up to this length take it.
const MAX_ENTITY_WORD_LENGTH = 2 * MAX_URL_LENGTH;

/**
 * Django's `trim_punctuation(lead, middle, trail)` on a whole word: `[lead, middle, trail]`, or
 * `undefined` for a word with `&` longer than {@link MAX_ENTITY_WORD_LENGTH} (left as text).
 */
function trimPunctuation(word: string): [string, string, string] | undefined {
  if (!word.includes('&')) return trimPunctuationPlain(word);
  if (word.length > MAX_ENTITY_WORD_LENGTH) return undefined;
  return trimPunctuationWithEntities('', word, '');
}

function isEmailSimple(value: string): boolean {
  if (!value.includes('@') || value.startsWith('@') || value.endsWith('@')) return false;
  const parts = value.split('@');
  if (parts.length !== 2) return false;
  const domain = parts[1]!;
  if (pyStrLen(domain) > 63) return false;
  return domain.includes('.') && !domain.startsWith('.');
}

function trimUrl(text: string, limit: number | undefined): string {
  if (limit === undefined) return text;
  const chars = codePoints(text);
  if (chars.length <= limit) return text;
  return `${chars.slice(0, Math.max(0, limit - 1)).join('')}…`;
}

/**
 * Django's `urlize(text, trim_url_limit, nofollow, autoescape)`; `safeInput` says whether the
 * text was already safe (then words are not escaped).
 *
 * @example
 * urlizeText('see www.example.com', { nofollow: true, autoescape: true });
 * // 'see <a href="http://www.example.com" rel="nofollow">www.example.com</a>'
 */
export function urlizeText(
  text: string,
  options: { trimUrlLimit?: number; nofollow?: boolean; autoescape?: boolean; safeInput?: boolean },
): string {
  const { trimUrlLimit, nofollow = false, autoescape = false, safeInput = false } = options;
  const words = text.split(WORD_SPLIT);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.includes('.') || word.includes('@') || word.includes(':')) {
      const parts = trimPunctuation(word);
      if (parts === undefined) {
        if (!safeInput && autoescape) words[i] = escapeHtml(word);
        continue;
      }
      const [lead0, middle, trail0] = parts;
      let lead = lead0;
      let trail = trail0;
      let url: string | undefined;
      let nofollowAttr = nofollow ? ' rel="nofollow"' : '';
      const middleLen = pyStrLen(middle);
      if (middleLen <= MAX_URL_LENGTH && SIMPLE_URL.test(middle)) {
        url = smartUrlquote(pyHtmlUnescape(middle));
      } else if (middleLen <= MAX_URL_LENGTH && SIMPLE_URL_2.test(middle)) {
        url = smartUrlquote(`http://${pyHtmlUnescape(middle)}`);
      } else if (!middle.includes(':') && isEmailSimple(middle)) {
        const at = middle.lastIndexOf('@');
        let domain: string;
        try {
          domain = pyIdnaEncode(middle.slice(at + 1));
        } catch (error) {
          // Django `continue`s here: the word is kept exactly as written, not even escaped.
          if (PythonError.isInstance(error)) continue;
          throw error;
        }
        url = `mailto:${middle.slice(0, at)}@${domain}`;
        nofollowAttr = '';
      }
      if (url) {
        let trimmed = trimUrl(middle, trimUrlLimit);
        if (autoescape && !safeInput) {
          lead = escapeHtml(lead);
          trail = escapeHtml(trail);
          trimmed = escapeHtml(trimmed);
        }
        words[i] = `${lead}<a href="${escapeHtml(url)}"${nofollowAttr}>${trimmed}</a>${trail}`;
      } else if (!safeInput && autoescape) {
        words[i] = escapeHtml(word);
      }
    } else if (!safeInput && autoescape) {
      words[i] = escapeHtml(word);
    }
  }
  return words.join('');
}

/** `{{ value|urlize }}` — turn URLs and e-mail addresses in text into links. */
export const urlize: FilterSpec = {
  fn: (value, _arg, ctx) =>
    markSafe(
      urlizeText(stringValue(value), {
        nofollow: true,
        autoescape: ctx.autoescape,
        safeInput: isSafe(value),
      }),
    ),
  isSafe: true,
  needsAutoescape: true,
  arg: 'none',
};

/** `{{ value|urlizetrunc:15 }}` — like urlize, link text cut to 15 characters with `…`. */
export const urlizetrunc: FilterSpec = {
  fn: (value, arg, ctx) =>
    markSafe(
      urlizeText(stringValue(value), {
        trimUrlLimit: pyInt(arg),
        nofollow: true,
        autoescape: ctx.autoescape,
        safeInput: isSafe(value),
      }),
    ),
  isSafe: true,
  needsAutoescape: true,
  arg: 'required',
};
