/**
 * Django's `response._has_been_logged`: code that already logged a response (a view's
 * `Method Not Allowed (POST): /path`) marks it, so the handler's own `log_response` does not log
 * it a second time.
 *
 * @module
 */
import type { HttpResponseBase } from './http-response.js';

// Symbol.for: a mark made through one copy of @reins/http is seen by another (ESM and CJS).
const LOGGED = Symbol.for('reins.http.responseLogged');

/**
 * Mark `response` as logged already (Django sets `response._has_been_logged = True`).
 *
 * @example
 * logger.warning(`Gone: ${request.path}`);
 * return markResponseLogged(new HttpResponseGone());
 */
export function markResponseLogged<R extends HttpResponseBase>(response: R): R {
  (response as unknown as Record<symbol, boolean>)[LOGGED] = true;
  return response;
}

/**
 * Whether `response` was marked by {@link markResponseLogged}.
 *
 * @example
 * if (response.status >= 400 && !isResponseLogged(response)) logger.warning(...);
 */
export function isResponseLogged(response: HttpResponseBase): boolean {
  return (response as unknown as Record<symbol, boolean | undefined>)[LOGGED] === true;
}
