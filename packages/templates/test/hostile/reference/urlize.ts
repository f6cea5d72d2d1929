// The implementation before the linear-time rewrite (commit 28b5e65), kept unchanged as the
// oracle the hostile property tests compare the new code with on small inputs.
/**
 * `urlize` and `urlizetrunc`: Django's `django.utils.html.urlize` — split the text on whitespace,
 * quotes and angle brackets, peel wrapping and trailing punctuation off each word, and link what
 * looks like an `http(s)://` URL, a `www.` or bare domain with one of the seven original gTLDs,
 * or an e-mail address. Web links get `rel="nofollow"`; link text is escaped when autoescaping.
 *
 * @module
 */
import { escapeHtml } from '@reins/core';
import { PythonError } from '../../../src/internal/python-errors.js';
import { pyHtmlUnescape } from '../../../src/internal/python-html.js';
import { PY_WHITESPACE, codePoints, pyStrLen } from '../../../src/internal/python-text.js';
import {
  pyIdnaEncode,
  pyParseQsl,
  pyQuote,
  pyUnquote,
  pyUrlencode,
  pyUrlsplit,
  pyUrlunsplit,
} from '../../../src/internal/python-url.js';

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

function trimPunctuation(lead0: string, middle0: string, trail0: string): [string, string, string] {
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
      const [lead0, middle, trail0] = trimPunctuation('', word, '');
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
