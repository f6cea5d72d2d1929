/**
 * {@link csrfViewMiddleware} (Django's `CsrfViewMiddleware`, with Django 4.0's Origin checking):
 * every request that is not GET/HEAD/OPTIONS/TRACE must carry a CSRF cookie and the matching
 * token — in the `csrfmiddlewaretoken` form field or the `X-CSRFToken` header — and, when it has
 * an `Origin` header, come from this site or a trusted origin; over HTTPS without `Origin`, the
 * `Referer` must. Failures get a 403 page naming the check that failed. On the way out the cookie
 * is (re)set whenever the token was used.
 */
import type { HttpRequest } from '@reins/http';
import { DisallowedHost } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import type { InvalidTokenReason } from './internal/csrf-cipher.js';
import { compareMaskedTokens, newCsrfToken, sanitizeToken } from './internal/csrf-cipher.js';
import {
  csrfFailurePage,
  REASON_NO_CSRF_COOKIE,
  REASON_NO_REFERER,
} from './internal/csrf-failure-page.js';
import {
  CSRF_COOKIE_NEEDS_RESET,
  CSRF_COOKIE_SET,
  CSRF_COOKIE_USED,
  CSRF_PROCESSING_DONE,
  CSRF_TOKEN,
  DONT_ENFORCE_CSRF_CHECKS,
  stateOf,
} from './internal/csrf-state.js';
import { configurable } from './internal/named-middleware.js';
import { isSameDomain, splitUrl } from './internal/url-parts.js';
import { wrapView } from './internal/wrap-view.js';
import { patchVaryHeaders } from './internal/vary.js';
import type { AnyResponse, AnyView, MaybePromise, Middleware } from './middleware.js';

/** Django's failure reasons, word for word (they appear on the 403 page and in logs). */
export const CsrfFailureReason = {
  badOrigin: (origin: string) =>
    `Origin checking failed - ${origin} does not match any trusted origins.`,
  noReferer: REASON_NO_REFERER,
  badReferer: (referer: string) =>
    `Referer checking failed - ${referer} does not match any trusted origins.`,
  noCsrfCookie: REASON_NO_CSRF_COOKIE,
  csrfTokenMissing: 'CSRF token missing.',
  malformedReferer: 'Referer checking failed - Referer is malformed.',
  insecureReferer: 'Referer checking failed - Referer is insecure while host is secure.',
} as const;

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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

class RejectRequest {
  constructor(readonly reason: string) {}
}

/** `'X-CSRFToken'` or `'HTTP_X_CSRFTOKEN'` → the header to read and how Django names it in messages. */
function headerNames(setting: string): { header: string; display: string } {
  const meta = setting.startsWith('HTTP_')
    ? setting
    : `HTTP_${setting.toUpperCase().replace(/-/g, '_')}`;
  const header = meta.slice(5).replace(/_/g, '-');
  // Django's HttpHeaders.parse_header_name: str.title() of the dashed name ('X-Csrftoken').
  const display = header
    .toLowerCase()
    .replace(
      /(^|[^a-z])([a-z])/g,
      (_match, before: string, letter: string) => before + letter.toUpperCase(),
    );
  return { header, display };
}

function pythonRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value.replace(/\\/g, '\\\\');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

function cookieToken(
  request: HttpRequest,
  cookieName: string,
): string | null | { invalid: InvalidTokenReason } {
  const cookie = request.COOKIES[cookieName];
  if (cookie === undefined) return null;
  const token = sanitizeToken(cookie);
  if (typeof token === 'string' && token !== cookie) {
    // A bare 32-character secret from an old cookie: send the masked form back.
    stateOf(request)[CSRF_COOKIE_NEEDS_RESET] = true;
  }
  return token;
}

/**
 * Django's `CsrfViewMiddleware` with options. Put it before any middleware that assumes the
 * request was checked, and give templates {@link csrfContextProcessor}.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, csrfViewMiddleware({ cookieSecure: true })] });
 */
export function csrfViewMiddleware(options: CsrfViewMiddlewareOptions = {}): Middleware {
  const cookieName = options.cookieName ?? 'csrftoken';
  const cookieAge = options.cookieAge === undefined ? 31_449_600 : options.cookieAge;
  const cookieDomain = options.cookieDomain ?? null;
  const cookiePath = options.cookiePath ?? '/';
  const cookieSecure = options.cookieSecure ?? false;
  const cookieHttponly = options.cookieHttponly ?? false;
  const cookieSamesite = options.cookieSamesite === undefined ? 'Lax' : options.cookieSamesite;
  const { header: tokenHeader, display: tokenHeaderDisplay } = headerNames(
    options.headerName ?? 'X-CSRFToken',
  );
  const trustedOrigins = options.trustedOrigins ?? [];
  for (const origin of trustedOrigins) {
    if (!origin.includes('://')) {
      throw new TypeError(
        `csrfViewMiddleware: trusted origin ${JSON.stringify(origin)} has no scheme. Write it as 'https://${origin}' (Django 4.0+ format).`,
      );
    }
  }
  const trustedHosts = trustedOrigins.map((origin) =>
    (splitUrl(origin)?.netloc ?? '').replace(/^\*+/, ''),
  );
  const exactOrigins = new Set(trustedOrigins.filter((origin) => !origin.includes('*')));
  const subdomainOrigins = new Map<string, string[]>();
  for (const origin of trustedOrigins) {
    if (!origin.includes('*')) continue;
    const parts = splitUrl(origin);
    if (!parts) continue;
    const list = subdomainOrigins.get(parts.scheme) ?? [];
    list.push(parts.netloc.replace(/^\*+/, ''));
    subdomainOrigins.set(parts.scheme, list);
  }

  return defineMiddleware((settings) => {
    const failureView: CsrfFailureView =
      options.failureView ??
      ((request, reason) =>
        csrfFailurePage(request, reason, options.debug ?? settings.debug ?? request.options.debug));

    const reject = (request: HttpRequest, reason: string): MaybePromise<AnyResponse> =>
      failureView(request, reason);

    const accept = (request: HttpRequest): null => {
      stateOf(request)[CSRF_PROCESSING_DONE] = true;
      return null;
    };

    const originVerified = (request: HttpRequest, origin: string): boolean => {
      try {
        const goodOrigin = `${request.isSecure() ? 'https' : 'http'}://${request.getHost()}`;
        if (origin === goodOrigin) return true;
      } catch (error) {
        if (!DisallowedHost.isInstance(error)) throw error;
      }
      if (exactOrigins.has(origin)) return true;
      const parts = splitUrl(origin);
      if (!parts) return false;
      return (subdomainOrigins.get(parts.scheme) ?? []).some((host) =>
        isSameDomain(parts.netloc, host),
      );
    };

    const checkReferer = (request: HttpRequest): void => {
      const referer = request.headers.get('Referer');
      if (referer == null) throw new RejectRequest(CsrfFailureReason.noReferer);
      const parts = splitUrl(referer);
      if (!parts || parts.scheme === '' || parts.netloc === '') {
        throw new RejectRequest(CsrfFailureReason.malformedReferer);
      }
      if (parts.scheme !== 'https') throw new RejectRequest(CsrfFailureReason.insecureReferer);
      if (trustedHosts.some((host) => isSameDomain(parts.netloc, host))) return;
      const shown = `${parts.scheme}:${referer.slice(referer.indexOf(':') + 1)}`;
      let goodReferer: string;
      if (cookieDomain === null) {
        try {
          goodReferer = request.getHost();
        } catch (error) {
          if (DisallowedHost.isInstance(error))
            throw new RejectRequest(CsrfFailureReason.badReferer(shown));
          throw error;
        }
      } else {
        const port = request.getPort();
        goodReferer = port === '443' || port === '80' ? cookieDomain : `${cookieDomain}:${port}`;
      }
      if (!isSameDomain(parts.netloc, goodReferer)) {
        throw new RejectRequest(CsrfFailureReason.badReferer(shown));
      }
    };

    const badTokenMessage = (reason: string, source: 'POST' | 'header'): string =>
      `CSRF token from ${source === 'POST' ? 'POST' : `the ${pythonRepr(tokenHeaderDisplay)} HTTP header`} ${reason}.`;

    const checkToken = (request: HttpRequest): void => {
      const cookie = cookieToken(request, cookieName);
      if (cookie !== null && typeof cookie === 'object') {
        throw new RejectRequest(`CSRF cookie ${cookie.invalid}.`);
      }
      if (cookie === null) throw new RejectRequest(CsrfFailureReason.noCsrfCookie);
      let candidate = '';
      let source: 'POST' | 'header' = 'POST';
      if (request.method === 'POST') {
        candidate = request.POST.get('csrfmiddlewaretoken') ?? '';
      }
      if (candidate === '') {
        const fromHeader = request.headers.get(tokenHeader);
        if (fromHeader == null) throw new RejectRequest(CsrfFailureReason.csrfTokenMissing);
        candidate = fromHeader;
        source = 'header';
      }
      const token = sanitizeToken(candidate);
      if (typeof token !== 'string')
        throw new RejectRequest(badTokenMessage(token.invalid, source));
      if (!compareMaskedTokens(token, cookie))
        throw new RejectRequest(badTokenMessage('incorrect', source));
    };

    const verify = (request: HttpRequest): MaybePromise<AnyResponse | null> => {
      try {
        const origin = request.headers.get('Origin');
        if (origin != null) {
          if (!originVerified(request, origin))
            return reject(request, CsrfFailureReason.badOrigin(origin));
        } else if (request.isSecure()) {
          checkReferer(request);
        }
        checkToken(request);
      } catch (error) {
        if (error instanceof RejectRequest) return reject(request, error.reason);
        throw error;
      }
      return accept(request);
    };

    const setToken = (request: HttpRequest, response: AnyResponse): void => {
      response.setCookie(cookieName, stateOf(request)[CSRF_TOKEN] as string, {
        maxAge: cookieAge,
        domain: cookieDomain,
        path: cookiePath,
        secure: cookieSecure,
        httpOnly: cookieHttponly,
        sameSite: cookieSamesite,
      });
      patchVaryHeaders(response, ['Cookie']);
    };

    return {
      processRequest(request) {
        const token = cookieToken(request, cookieName);
        const state = stateOf(request);
        if (token !== null && typeof token === 'object') {
          state[CSRF_TOKEN] = newCsrfToken();
          state[CSRF_COOKIE_NEEDS_RESET] = true;
        } else if (token !== null) {
          state[CSRF_TOKEN] = token;
        }
        return null;
      },

      processView(request, view: AnyView) {
        const state = stateOf(request);
        if (state[CSRF_PROCESSING_DONE] === true) return null;
        // Only after processRequest stored the cookie's token, so getToken() still works.
        if (view.csrfExempt === true) return null;
        if (SAFE_METHODS.has(request.method)) return accept(request);
        if (state[DONT_ENFORCE_CSRF_CHECKS] === true) return accept(request);
        // The form field needs the body; other methods only read the header.
        if (request.method === 'POST') return request.loadBody().then(() => verify(request));
        return verify(request);
      },

      processResponse(request, response) {
        const state = stateOf(request);
        const marks = response as unknown as Record<symbol, unknown>;
        if (
          state[CSRF_COOKIE_NEEDS_RESET] === true ||
          (state[CSRF_COOKIE_USED] === true && marks[CSRF_COOKIE_SET] !== true)
        ) {
          setToken(request, response);
          marks[CSRF_COOKIE_SET] = true;
          state[CSRF_COOKIE_NEEDS_RESET] = false;
        }
        return response;
      },
    };
  });
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
