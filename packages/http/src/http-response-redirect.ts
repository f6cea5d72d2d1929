/**
 * Redirect responses (`HttpResponseRedirect` 302, `HttpResponsePermanentRedirect` 301): the URL is
 * IRI-encoded into `Location`, and a scheme outside `http`, `https`, `ftp` is refused with
 * `DisallowedRedirect`, as Django does.
 *
 * @module
 */
import { isIPv6 } from 'node:net';
import { djangoUrlsplit, UrlSplitError } from '@reins/core';
import { DisallowedRedirect } from './errors.js';
import { iriToUri } from './internal/url-encoding.js';
import { HttpResponse, type HttpResponseOptions, type ResponseContent } from './http-response.js';

const MAX_URL_LENGTH = 16_384;
const SCHEME = /^[A-Za-z][A-Za-z0-9+\-.]*$/;

/**
 * The scheme Python's `urlsplit` (3.11, which Django's check relies on) finds in `url`: leading
 * C0 controls and spaces are stripped and tabs and newlines removed first — as browsers do, so
 * `' javascript:…'` and `'java\nscript:…'` are recognised as `javascript`.
 */
function redirectScheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  const colon = cleaned.indexOf(':');
  if (colon <= 0) return '';
  const candidate = cleaned.slice(0, colon);
  return SCHEME.test(candidate) ? candidate.toLowerCase() : '';
}

/** Why Python's urlsplit would reject `url`'s host (unbalanced or invalid IPv6 brackets), or null. */
function invalidHost(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let netloc: string;
  try {
    netloc = djangoUrlsplit(cleaned).netloc;
  } catch (error) {
    if (UrlSplitError.isInstance(error)) return error.message;
    throw error;
  }
  const open = netloc.indexOf('[');
  if (open === -1) return null;
  const close = netloc.indexOf(']', open);
  const host = close === -1 ? '' : netloc.slice(open + 1, close);
  if (/^v[0-9a-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+$/i.test(host) || isIPv6(host)) return null;
  return `'${host}' is not a valid IPv6 address`;
}

/**
 * The common base of redirects: `Location` from the URL, scheme allow-list, `url` getter.
 *
 * @example
 * class HttpResponseSeeOther extends HttpResponseRedirectBase { constructor(url: string) { super(url, {}, 303); } }
 */
export class HttpResponseRedirectBase extends HttpResponse {
  /** Schemes a redirect may use; a URL without a scheme (relative, `//host`) is always accepted. */
  static allowedSchemes: readonly string[] = ['http', 'https', 'ftp'];

  /**
   * @throws {DisallowedRedirect} for a scheme not in `allowedSchemes`, or a URL over 16,384 characters.
   */
  constructor(
    redirectTo: string | URL | { toString(): string },
    options: HttpResponseOptions & { content?: ResponseContent } = {},
    defaultStatus = 302,
  ) {
    super(options.content, options, defaultStatus);
    const url = String(redirectTo);
    if (url.length > MAX_URL_LENGTH) {
      throw new DisallowedRedirect(
        `Unsafe redirect exceeding ${MAX_URL_LENGTH} characters (got ${url.length}).`,
      );
    }
    const scheme = redirectScheme(url);
    const invalid = invalidHost(url);
    if (invalid !== null) {
      throw new DisallowedRedirect(`Unsafe redirect to an invalid URL '${url}' (${invalid}).`);
    }
    const allowed = (this.constructor as typeof HttpResponseRedirectBase).allowedSchemes;
    if (scheme !== '' && !allowed.includes(scheme)) {
      throw new DisallowedRedirect(
        `Unsafe redirect to URL with protocol '${scheme}'. Redirect to a relative URL or to one of: ${allowed.join(', ')}.`,
      );
    }
    this.headers.set('Location', iriToUri(url));
  }

  /** The redirect target, as sent in `Location`. */
  get url(): string {
    return this.headers.get('Location') ?? '';
  }

  protected override reprExtra(): string {
    return `, url="${this.url}"`;
  }
}

/**
 * 302 Found: a temporary redirect.
 *
 * @throws {DisallowedRedirect} for `javascript:`, `data:` and other unsafe schemes.
 * @example
 * return new HttpResponseRedirect('/login/?next=/account/');
 */
export class HttpResponseRedirect extends HttpResponseRedirectBase {
  constructor(
    redirectTo: string | URL | { toString(): string },
    options: HttpResponseOptions = {},
  ) {
    super(redirectTo, options, 302);
  }
}

/**
 * 301 Moved Permanently.
 *
 * @throws {DisallowedRedirect} for unsafe schemes.
 * @example
 * return new HttpResponsePermanentRedirect('https://example.com/new/');
 */
export class HttpResponsePermanentRedirect extends HttpResponseRedirectBase {
  constructor(
    redirectTo: string | URL | { toString(): string },
    options: HttpResponseOptions = {},
  ) {
    super(redirectTo, options, 301);
  }
}
