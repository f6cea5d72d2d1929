/**
 * The two parts of a URL the CSRF checks compare — scheme and netloc — split the way Python's
 * `urllib.parse.urlparse` splits them (netloc keeps userinfo and port), so that a Referer or
 * Origin is accepted or rejected exactly where Django accepts or rejects it.
 */

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+\-.]*$/;

/** Scheme (lower-cased) and netloc of a URL; `null` where Python raises ValueError. */
export function splitUrl(url: string): { scheme: string; netloc: string; rest: string } | null {
  let scheme = '';
  let rest = url;
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    rest = url.slice(colon + 1);
  }
  let netloc = '';
  if (rest.startsWith('//')) {
    let end = rest.length;
    for (const delimiter of ['/', '?', '#']) {
      const at = rest.indexOf(delimiter, 2);
      if (at >= 0 && at < end) end = at;
    }
    netloc = rest.slice(2, end);
    rest = rest.slice(end);
    // Python rejects an unbalanced IPv6 bracket as "Invalid IPv6 URL".
    if (netloc.includes('[') !== netloc.includes(']')) return null;
  }
  return { scheme, netloc, rest };
}

/** Django's `is_same_domain` (core's, shared with `@reins/http`'s host validation). */
export { isSameDomain } from '@reins/core';
