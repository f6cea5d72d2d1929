/**
 * The CSRF token API views and templates use: {@link getToken} (the token for a form, creating the
 * secret on first use and making the middleware send the cookie), {@link rotateToken} (a new
 * secret, e.g. after login), and {@link csrfContextProcessor} (the `csrf_token` template
 * variable that `{% csrf_token %}` reads, resolved only if a template uses it).
 */
import { SAFE_STRING } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import {
  maskCipherSecret,
  newCsrfToken,
  randomCsrfString,
  unmaskCipherToken,
} from './internal/csrf-cipher.js';
import {
  CSRF_COOKIE_NEEDS_RESET,
  CSRF_COOKIE_USED,
  CSRF_TOKEN,
  DONT_ENFORCE_CSRF_CHECKS,
  stateOf,
} from './internal/csrf-state.js';

/**
 * The CSRF token for a form or an AJAX header: 64 letters and digits, freshly masked on every call
 * (so it differs each time, yet all of them validate). As a side effect the middleware will set
 * the CSRF cookie and `Vary: Cookie` on the response.
 *
 * @example
 * const html = `<input type="hidden" name="csrfmiddlewaretoken" value="${getToken(request)}">`;
 */
export function getToken(request: HttpRequest): string {
  const state = stateOf(request);
  const cookie = state[CSRF_TOKEN];
  let secret: string;
  if (typeof cookie === 'string') {
    secret = unmaskCipherToken(cookie);
  } else {
    secret = randomCsrfString();
    state[CSRF_TOKEN] = maskCipherSecret(secret);
  }
  state[CSRF_COOKIE_USED] = true;
  return maskCipherSecret(secret);
}

/**
 * Replace the request's CSRF secret with a new one and make sure the new cookie is sent; call it
 * when the user logs in (Django's `rotate_token`).
 *
 * @example
 * rotateToken(request); // after a successful login
 */
export function rotateToken(request: HttpRequest): void {
  const state = stateOf(request);
  state[CSRF_COOKIE_USED] = true;
  state[CSRF_TOKEN] = newCsrfToken();
  state[CSRF_COOKIE_NEEDS_RESET] = true;
}

/**
 * Turn CSRF checks off for this request, as Django's test client does; for test clients only.
 *
 * @example
 * skipCsrfChecks(request); // in a RequestFactory that should not enforce CSRF
 */
export function skipCsrfChecks(request: HttpRequest): void {
  stateOf(request)[DONT_ENFORCE_CSRF_CHECKS] = true;
}

/**
 * The token as a lazy value: it stringifies to {@link getToken}'s result, computed on first use
 * and then kept, so a page that never renders `{% csrf_token %}` does not set the cookie (Django's
 * `SimpleLazyObject` in the `csrf` context processor). It carries the shared safe-string brand
 * (the token is only letters and digits), so templates print it as text, never as an object.
 *
 * @example
 * String(csrfContextProcessor(request).csrf_token); // '0aB…' (64 characters)
 */
export class LazyCsrfToken {
  readonly #request: HttpRequest;
  #token: string | undefined;

  constructor(request: HttpRequest) {
    this.#request = request;
  }

  /** The token, created on first call. */
  toString(): string {
    return (this.#token ??= getToken(this.#request));
  }

  /** Same as `toString()`. */
  valueOf(): string {
    return this.toString();
  }

  /** Same as `toString()`, so `JSON.stringify` gives the token. */
  toJSON(): string {
    return this.toString();
  }

  [Symbol.toPrimitive](): string {
    return this.toString();
  }
}
Object.defineProperty(LazyCsrfToken.prototype, SAFE_STRING, { value: true });

/**
 * The template context processor that makes `{% csrf_token %}` work (Django's
 * `django.template.context_processors.csrf`): `{ csrf_token }`, resolved lazily.
 *
 * @example
 * new Engine({ contextProcessors: [csrfContextProcessor] });
 */
export function csrfContextProcessor(request: HttpRequest): { csrf_token: LazyCsrfToken } {
  return { csrf_token: new LazyCsrfToken(request) };
}
// @reins/templates' `declareSync` mark (this package cannot import that one): the token is
// computed synchronously, so a page rendered with only this processor may render without a promise.
Object.defineProperty(csrfContextProcessor, Symbol.for('reins.templates.sync'), { value: true });
