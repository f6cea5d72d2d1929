/**
 * Where CSRF bookkeeping lives on a request: `request.state`, under `Symbol.for` keys so that two
 * copies of this package (and the server's test client) agree. These replace Django's
 * `request.META['CSRF_COOKIE']`, `META['CSRF_COOKIE_USED']`, `request.csrf_cookie_needs_reset`,
 * `request.csrf_processing_done` and `request._dont_enforce_csrf_checks`.
 */
import { CSRF_TOKEN, DONT_ENFORCE_CSRF_CHECKS } from '@reins/core';
import type { HttpRequest } from '@reins/http';

/** The masked token that goes in the cookie (Django's `META['CSRF_COOKIE']`; core's key, read by templates). */
export { CSRF_TOKEN, DONT_ENFORCE_CSRF_CHECKS };
/** Something asked for the token, so the response must carry the cookie. */
export const CSRF_COOKIE_USED = Symbol.for('reins.csrfCookieUsed');
/** The cookie must be (re)sent whatever happens: rotated, or the client's was malformed. */
export const CSRF_COOKIE_NEEDS_RESET = Symbol.for('reins.csrfCookieNeedsReset');
/** This request was already checked (by the middleware or a decorator). */
export const CSRF_PROCESSING_DONE = Symbol.for('reins.csrfProcessingDone');
/** On a response: the cookie was already set during this cycle. */
export const CSRF_COOKIE_SET = Symbol.for('reins.csrfCookieSet');

/** The request's state slot, typed for symbol access. */
export function stateOf(request: HttpRequest): Record<symbol, unknown> {
  return request.state;
}
