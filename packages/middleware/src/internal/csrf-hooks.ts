/**
 * The CSRF machinery behind {@link csrfViewMiddleware} and the view decorators: the three hooks
 * (`processRequest` reads the cookie, `processView` runs the checks, `processResponse` sets the
 * cookie), built once per middleware or decorated view. `mode` is Django's subclassing: the
 * middleware and `csrfProtect` enforce; `requiresCsrfToken` and `ensureCsrfCookie` never refuse.
 */
import type { HttpRequest } from '@reins/http';
import { DisallowedHost, UnreadablePostError } from '@reins/http';
import type { CsrfFailureView, CsrfViewMiddlewareOptions } from '../csrf-view-middleware.js';
import { CsrfFailureReason } from '../csrf-failure-reason.js';
import { getToken } from '../csrf-token.js';
import type { AnyResponse, AnyView, MaybePromise, MiddlewareSettings } from '../middleware.js';
import type { InvalidTokenReason } from './csrf-cipher.js';
import { compareMaskedTokens, newCsrfToken, sanitizeToken } from './csrf-cipher.js';
import { csrfFailurePage } from './csrf-failure-page.js';
import {
  CSRF_COOKIE_NEEDS_RESET,
  CSRF_COOKIE_SET,
  CSRF_COOKIE_USED,
  CSRF_PROCESSING_DONE,
  CSRF_TOKEN,
  DONT_ENFORCE_CSRF_CHECKS,
  stateOf,
} from './csrf-state.js';
import { andThen } from '@reins/core';
import { isSameDomain, splitUrl } from './url-parts.js';
import { patchVaryHeaders } from './vary.js';

/** Enforce the checks, or only make the token available (and, for the last, the cookie). */
export type CsrfMode = 'enforce' | 'ensureToken' | 'ensureCookie';

/** The hooks, typed as the decorators call them. */
export interface CsrfHooks {
  processRequest(request: HttpRequest): null;
  processView(request: HttpRequest, view: AnyView): MaybePromise<AnyResponse | null>;
  processResponse(request: HttpRequest, response: AnyResponse): AnyResponse;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

class RejectRequest extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
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
 * Compile the options once (trusted origins are parsed here, and a scheme-less one is refused at
 * start-up), then build the hooks for given project settings.
 */
export function csrfHooks(
  options: CsrfViewMiddlewareOptions,
  mode: CsrfMode,
): (settings: MiddlewareSettings) => CsrfHooks {
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

  return (settings) => {
    const failureView: CsrfFailureView =
      options.failureView ??
      ((request, reason) =>
        csrfFailurePage(request, reason, options.debug ?? settings.debug ?? request.options.debug));

    // The decorators that only make the token available (requiresCsrfToken, ensureCsrfCookie)
    // never refuse: Django's `_reject` returns None for them.
    const reject = (request: HttpRequest, reason: string): MaybePromise<AnyResponse> | null =>
      mode === 'enforce' ? failureView(request, reason) : null;

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

    const checkToken = (request: HttpRequest, postReadable: boolean): void => {
      const cookie = cookieToken(request, cookieName);
      if (cookie !== null && typeof cookie === 'object') {
        throw new RejectRequest(`CSRF cookie ${cookie.invalid}.`);
      }
      if (cookie === null) throw new RejectRequest(CsrfFailureReason.noCsrfCookie);
      let candidate = '';
      let source: 'POST' | 'header' = 'POST';
      if (request.method === 'POST' && postReadable) {
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

    const verify = (
      request: HttpRequest,
      postReadable = true,
    ): MaybePromise<AnyResponse | null> => {
      try {
        const origin = request.headers.get('Origin');
        if (origin != null) {
          if (!originVerified(request, origin))
            return reject(request, CsrfFailureReason.badOrigin(origin));
        } else if (request.isSecure()) {
          checkReferer(request);
        }
        checkToken(request, postReadable);
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

    const check = (request: HttpRequest, view: AnyView): MaybePromise<AnyResponse | null> => {
      const state = stateOf(request);
      if (state[CSRF_PROCESSING_DONE] === true) return null;
      // Only after processRequest stored the cookie's token, so getToken() still works.
      if (view.csrfExempt === true) return null;
      if (SAFE_METHODS.has(request.method)) return accept(request);
      if (state[DONT_ENFORCE_CSRF_CHECKS] === true) return accept(request);
      if (request.method !== 'POST') return verify(request);
      // The form field needs the body. A client that went away mid-body is refused for want of a
      // token, as Django does on UnreadablePostError; other body errors (too big…) propagate.
      return request.loadBody().then(
        () => verify(request),
        (error: unknown) => {
          if (UnreadablePostError.isInstance(error)) return verify(request, false);
          throw error;
        },
      );
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

      processView(request, view) {
        const result = check(request, view);
        if (mode !== 'ensureCookie') return result;
        // ensureCsrfCookie: whatever the check said, make the response carry the cookie.
        return andThen(result, (response) => {
          getToken(request);
          return response;
        });
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
  };
}
