/**
 * Python's `urlsplit` in the two forms Django's behaviour depends on: {@link urlsplit} (the
 * standard library's, Python 3.11: leading C0 controls and spaces stripped, tab/CR/LF removed, a
 * scheme must start with a letter) and {@link djangoUrlsplit} (Django 3.2's private
 * `django.utils.http._urlsplit`, which the redirect-safety check uses and which does neither).
 * Deliberately not WHATWG `URL`: browsers and Python disagree on exactly the inputs an attacker
 * sends, and reins must give Django's answer.
 *
 * @module
 */
import { defineBrand } from './brand.js';
import { brandClass, ReinsError } from './reins-error.js';

/**
 * The five parts of a URL, as Python's `SplitResult`.
 *
 * @example
 * const parts: SplitUrl = urlsplit('https://example.com/a?b#c');
 */
export interface SplitUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

/**
 * Thrown for a URL Python's `urlsplit` rejects with `ValueError` (unbalanced IPv6 brackets, a
 * netloc that NFKC normalization turns into URL syntax).
 *
 * @example
 * try { urlsplit('http://[::1/'); } catch (error) { UrlSplitError.isInstance(error); } // true
 */
export class UrlSplitError extends ReinsError {
  static override readonly brand: symbol = defineBrand('UrlSplitError');
  override readonly code: string = 'core.invalid_url';
}
brandClass(UrlSplitError);

const DJANGO_SCHEME = /^[A-Za-z0-9+\-.]+$/;
const PYTHON_SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;
// eslint-disable-next-line no-control-regex
const LEADING_C0_OR_SPACE = /^[\x00-\x20]+/;
const UNSAFE_BYTES = /[\t\r\n]/g;

// Python's `_checknetloc`: a non-ASCII netloc must not gain URL syntax under NFKC ("℀" → "a/c").
function checkNetloc(netloc: string): void {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(netloc)) return;
  const stripped = netloc.replace(/[@:#?]/g, '');
  const normalized = stripped.normalize('NFKC');
  if (normalized === stripped) return;
  for (const char of '/?#@:') {
    if (normalized.includes(char)) {
      throw new UrlSplitError(
        `netloc '${netloc}' contains invalid characters under NFKC normalization`,
      );
    }
  }
}

function split(input: string, schemeChars: RegExp): SplitUrl {
  let url = input;
  let scheme = '';
  let netloc = '';
  let query = '';
  let fragment = '';
  const colon = url.indexOf(':');
  if (colon > 0 && schemeChars.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  if (url.startsWith('//')) {
    let delimiter = url.length;
    for (const char of '/?#') {
      const index = url.indexOf(char, 2);
      if (index >= 0) delimiter = Math.min(delimiter, index);
    }
    netloc = url.slice(2, delimiter);
    url = url.slice(delimiter);
    if (netloc.includes('[') !== netloc.includes(']')) throw new UrlSplitError('Invalid IPv6 URL');
  }
  const hash = url.indexOf('#');
  if (hash !== -1) {
    fragment = url.slice(hash + 1);
    url = url.slice(0, hash);
  }
  const question = url.indexOf('?');
  if (question !== -1) {
    query = url.slice(question + 1);
    url = url.slice(0, question);
  }
  checkNetloc(netloc);
  return { scheme, netloc, path: url, query, fragment };
}

/**
 * Python's `urllib.parse.urlsplit(url)`.
 *
 * @throws {UrlSplitError} where Python raises `ValueError`.
 * @example
 * urlsplit(' HTTP://a.b/p?q#f'); // { scheme: 'http', netloc: 'a.b', path: '/p', query: 'q', fragment: 'f' }
 */
export function urlsplit(url: string): SplitUrl {
  return split(url.replace(LEADING_C0_OR_SPACE, '').replace(UNSAFE_BYTES, ''), PYTHON_SCHEME);
}

/**
 * Django 3.2's `_urlsplit` (`django.utils.http`): Python's older `urlsplit`, used by
 * `url_has_allowed_host_and_scheme`; nothing is stripped and a scheme may start with a digit.
 * Unlike Django's copy it also applies the standard library's NFKC netloc check (reins' http has
 * always refused such netlocs).
 *
 * @throws {UrlSplitError} where Django raises `ValueError`.
 * @example
 * djangoUrlsplit('//evil.com/'); // { scheme: '', netloc: 'evil.com', path: '/', query: '', fragment: '' }
 */
export function djangoUrlsplit(url: string): SplitUrl {
  return split(url, DJANGO_SCHEME);
}
