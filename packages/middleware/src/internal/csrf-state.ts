/**
 * Where CSRF bookkeeping lives on a request: `request.state`, under `Symbol.for` keys so that two
 * copies of this package (and the server's test client) agree. These replace Django's
 * `request.META['CSRF_COOKIE']`, `META['CSRF_COOKIE_USED']`, `request.csrf_cookie_needs_reset`,
 * `request.csrf_processing_done` and `request._dont_enforce_csrf_checks`.
 */
import type { HttpRequest } from '@reins/http';

/** The masked token that goes in the cookie (Django's `META['CSRF_COOKIE']`). */
export const CSRF_TOKEN = Symbol.for('reins.csrfToken');
/** Something asked for the token, so the response must carry the cookie. */
export const CSRF_COOKIE_USED = Symbol.for('reins.csrfCookieUsed');
/** The cookie must be (re)sent whatever happens: rotated, or the client's was malformed. */
export const CSRF_COOKIE_NEEDS_RESET = Symbol.for('reins.csrfCookieNeedsReset');
/** This request was already checked (by the middleware or a decorator). */
export const CSRF_PROCESSING_DONE = Symbol.for('reins.csrfProcessingDone');
/** Skip the checks (set by test clients, as Django's `_dont_enforce_csrf_checks`). */
export const DONT_ENFORCE_CSRF_CHECKS = Symbol.for('reins.dontEnforceCsrfChecks');
/** On a response: the cookie was already set during this cycle. */
export const CSRF_COOKIE_SET = Symbol.for('reins.csrfCookieSet');

/** The request's state slot, typed for symbol access. */
export function stateOf(request: HttpRequest): Record<symbol, unknown> {
  return request.state as Record<symbol, unknown>;
}
