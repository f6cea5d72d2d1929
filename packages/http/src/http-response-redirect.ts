/**
 * Redirect responses (`HttpResponseRedirect` 302, `HttpResponsePermanentRedirect` 301): the URL is
 * IRI-encoded into `Location`, and a scheme outside `http`, `https`, `ftp` is refused with
 * `DisallowedRedirect`, as Django does.
 *
 * @module
 */
import { DisallowedRedirect } from './errors.js';
import { iriToUri } from './internal/url-encoding.js';
import { urlSplit, UrlSplitError } from './internal/url-split.js';
import { HttpResponse, type HttpResponseOptions, type ResponseContent } from './http-response.js';

const MAX_URL_LENGTH = 16_384;

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
    let scheme: string;
    try {
      scheme = urlSplit(url).scheme;
    } catch (error) {
      if (!(error instanceof UrlSplitError)) throw error;
      throw new DisallowedRedirect(`Unsafe redirect to an invalid URL '${url}'.`);
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
