/**
 * {@link csrfViewMiddleware} (Django's `CsrfViewMiddleware`, with Django 4.0's Origin checking):
 * every request that is not GET/HEAD/OPTIONS/TRACE must carry a CSRF cookie and the matching
 * token — in the `csrfmiddlewaretoken` form field or the `X-CSRFToken` header — and, when it has
 * an `Origin` header, come from this site or a trusted origin; over HTTPS without `Origin`, the
 * `Referer` must. Failures get a 403 page naming the check that failed. On the way out the cookie
 * is (re)set whenever the token was used.
 */
import type { HttpRequest } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { csrfHooks } from './internal/csrf-hooks.js';
import { configurable, describeMiddleware } from './internal/named-middleware.js';
import { wrapView } from './internal/wrap-view.js';
import type { AnyResponse, MaybePromise, Middleware } from './middleware.js';

/**
 * A view called when a request fails the CSRF check (Django's `CSRF_FAILURE_VIEW`), with the
 * reason in Django's words.
 *
 * @example
 * const failureView: CsrfFailureView = (request, reason) => new HttpResponseForbidden(reason);
 */
export type CsrfFailureView = (request: HttpRequest, reason: string) => MaybePromise<AnyResponse>;

/**
 * Options for {@link csrfViewMiddleware}: Django's `CSRF_*` settings in camelCase.
 *
 * @example
 * const options: CsrfViewMiddlewareOptions = { trustedOrigins: ['https://*.example.com'], cookieSecure: true };
 */
export interface CsrfViewMiddlewareOptions {
  /** `CSRF_COOKIE_NAME`. Default `'csrftoken'`. */
  cookieName?: string;
  /** `CSRF_COOKIE_AGE`, seconds; `null` for a session cookie. Default one year (31449600). */
  cookieAge?: number | null;
  /** `CSRF_COOKIE_DOMAIN`: set for cross-subdomain forms, e.g. `'.example.com'`. Default `null`. */
  cookieDomain?: string | null;
  /** `CSRF_COOKIE_PATH`. Default `'/'`. */
  cookiePath?: string;
  /** `CSRF_COOKIE_SECURE`. Default `false`. */
  cookieSecure?: boolean;
  /** `CSRF_COOKIE_HTTPONLY`. Default `false` (JavaScript may read the token to send it in a header). */
  cookieHttponly?: boolean;
  /** `CSRF_COOKIE_SAMESITE`: `'Lax'`, `'Strict'`, `'None'`, or `null`. Default `'Lax'`. */
  cookieSamesite?: 'Lax' | 'Strict' | 'None' | null;
  /** `CSRF_HEADER_NAME`: the request header carrying the token, as a header name or Django's META form. Default `'X-CSRFToken'`. */
  headerName?: string;
  /** `CSRF_TRUSTED_ORIGINS`: origins with scheme, `'https://*.example.com'` for subdomains. Default `[]`. */
  trustedOrigins?: readonly string[];
  /** `CSRF_FAILURE_VIEW`: the 403 response. Default: a page naming the failed check (details in debug). */
  failureView?: CsrfFailureView;
  /** `DEBUG`: explain the failure on the default 403 page. Defaults to the project's `debug`. */
  debug?: boolean;
}

/**
 * Django's `CsrfViewMiddleware` with options. Put it before any middleware that assumes the
 * request was checked, and give templates {@link csrfContextProcessor}.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, csrfViewMiddleware({ cookieSecure: true })] });
 */
export function csrfViewMiddleware(options: CsrfViewMiddlewareOptions = {}): Middleware {
  return describeMiddleware(
    defineMiddleware(csrfHooks(options, 'enforce')),
    'CsrfViewMiddleware',
    options,
  );
}

/**
 * Django's `CsrfViewMiddleware` with Django's defaults; configure with
 * `CsrfViewMiddleware.with({...})`.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, CsrfViewMiddleware] });
 */
export const CsrfViewMiddleware = configurable(csrfViewMiddleware, 'CsrfViewMiddleware');

/**
 * Exempt a view from the CSRF check (Django's `@csrf_exempt`), e.g. a webhook authenticated by
 * signature.
 *
 * @example
 * path('hooks/stripe/', csrfExempt(stripeWebhook));
 */
export function csrfExempt<View extends (...args: never[]) => unknown>(view: View): View {
  return wrapView(view, { csrfExempt: true });
}
