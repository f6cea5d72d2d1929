/**
 * Django's private copy of Python's `urlsplit` (`django.utils.http._urlsplit`), which the
 * redirect-safety check is defined by. Deliberately not WHATWG `URL`: browsers and Python
 * disagree on exactly the inputs an attacker sends, and the check must give Django's answer.
 */

const SCHEME_CHARS = /^[A-Za-z0-9+\-.]+$/;

export interface SplitUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  fragment: string;
}

/** Thrown for inputs Python's urlsplit rejects (unbalanced IPv6 brackets, NFKC tricks). */
export class UrlSplitError extends Error {}

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

export function urlSplit(input: string): SplitUrl {
  let url = input;
  let scheme = '';
  let netloc = '';
  let query = '';
  let fragment = '';
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
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
