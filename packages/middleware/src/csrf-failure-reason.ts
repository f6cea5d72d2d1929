/**
 * {@link CsrfFailureReason}: the reasons CsrfViewMiddleware gives for refusing a request, in
 * Django 4.0's words (they appear on the 403 page in debug and reach a custom failure view).
 */
import { REASON_NO_CSRF_COOKIE, REASON_NO_REFERER } from './internal/csrf-failure-page.js';

/**
 * Django's failure reasons, word for word.
 *
 * @example
 * CsrfFailureReason.badOrigin('https://evil.example'); // 'Origin checking failed - https://evil.example does not match any trusted origins.'
 */
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
