/**
 * {@link securityMiddleware} (Django's `SecurityMiddleware`): redirects plain HTTP to HTTPS when
 * asked, and adds the security headers — `Strict-Transport-Security`, `X-Content-Type-Options`,
 * `Referrer-Policy`, `Cross-Origin-Opener-Policy` (and the legacy `X-XSS-Protection`) — without
 * overwriting a value a view already set.
 */
import { HttpResponsePermanentRedirect } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { constantHeader, hasHeader, setDefaultHeader } from './internal/constant-header.js';
import { configurable, describeMiddleware } from './internal/named-middleware.js';
import type { Middleware } from './middleware.js';

/**
 * Options for {@link securityMiddleware}: Django's `SECURE_*` settings in camelCase.
 *
 * @example
 * const options: SecurityMiddlewareOptions = { hstsSeconds: 31_536_000, sslRedirect: true };
 */
export interface SecurityMiddlewareOptions {
  /** `SECURE_HSTS_SECONDS`: max-age of `Strict-Transport-Security`, sent on HTTPS only; `0` sends none. Default `0`. */
  hstsSeconds?: number;
  /** `SECURE_HSTS_INCLUDE_SUBDOMAINS`: add `includeSubDomains`. Default `false`. */
  hstsIncludeSubdomains?: boolean;
  /** `SECURE_HSTS_PRELOAD`: add `preload`. Default `false`. */
  hstsPreload?: boolean;
  /** `SECURE_CONTENT_TYPE_NOSNIFF`: send `X-Content-Type-Options: nosniff`. Default `true`. */
  contentTypeNosniff?: boolean;
  /** `SECURE_BROWSER_XSS_FILTER` (Django 3.2; removed in 4.0): send `X-XSS-Protection: 1; mode=block`. Default `false`. */
  browserXssFilter?: boolean;
  /** `SECURE_SSL_REDIRECT`: redirect every plain-HTTP request to HTTPS (301). Default `false`. */
  sslRedirect?: boolean;
  /** `SECURE_SSL_HOST`: the host to redirect to instead of the request's. Default `null`. */
  sslHost?: string | null;
  /** `SECURE_REDIRECT_EXEMPT`: paths (without the leading `/`) searched by these patterns stay on HTTP. */
  redirectExempt?: readonly (RegExp | string)[];
  /** `SECURE_REFERRER_POLICY`: one policy, a comma-separated fallback list, or an array; `null` sends none. Default `'same-origin'`. */
  referrerPolicy?: string | readonly string[] | null;
  /** `SECURE_CROSS_ORIGIN_OPENER_POLICY` (Django 4.0+): `null` sends none. Default `'same-origin'`. */
  crossOriginOpenerPolicy?: 'same-origin' | 'same-origin-allow-popups' | 'unsafe-none' | null;
}

function compile(patterns: readonly (RegExp | string)[]): RegExp[] {
  return patterns.map((pattern) =>
    typeof pattern === 'string'
      ? new RegExp(pattern)
      : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')),
  );
}

/**
 * Django's `SecurityMiddleware` with options.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [securityMiddleware({ sslRedirect: true, hstsSeconds: 3600 })] });
 */
export function securityMiddleware(options: SecurityMiddlewareOptions = {}): Middleware {
  const hstsSeconds = options.hstsSeconds ?? 0;
  if (!Number.isInteger(hstsSeconds) || hstsSeconds < 0) {
    throw new TypeError(
      `securityMiddleware: hstsSeconds must be a whole number of seconds (0 to disable), got ${JSON.stringify(hstsSeconds)}.`,
    );
  }
  let hsts: string | null = null;
  if (hstsSeconds > 0) {
    hsts = `max-age=${hstsSeconds}`;
    if (options.hstsIncludeSubdomains) hsts += '; includeSubDomains';
    if (options.hstsPreload) hsts += '; preload';
  }
  const nosniff = options.contentTypeNosniff ?? true;
  const xssFilter = options.browserXssFilter ?? false;
  const sslRedirect = options.sslRedirect ?? false;
  const sslHost = options.sslHost ?? null;
  const exempt = compile(options.redirectExempt ?? []);
  const policy = options.referrerPolicy === undefined ? 'same-origin' : options.referrerPolicy;
  // Django accepts "a, b" or an iterable; both become "a,b" (the header's fallback list).
  const referrerPolicy =
    policy == null || policy.length === 0
      ? null
      : typeof policy === 'string'
        ? policy
            .split(',')
            .map((value) => value.trim())
            .join(',')
        : policy.join(',');
  const coop =
    options.crossOriginOpenerPolicy === undefined ? 'same-origin' : options.crossOriginOpenerPolicy;

  // Django's order: Strict-Transport-Security, X-Content-Type-Options, X-XSS-Protection,
  // Referrer-Policy, Cross-Origin-Opener-Policy; each only when the response lacks it.
  const hstsHeader = hsts === null ? null : constantHeader('Strict-Transport-Security', hsts);
  const always = [
    nosniff ? constantHeader('X-Content-Type-Options', 'nosniff') : null,
    xssFilter ? constantHeader('X-XSS-Protection', '1; mode=block') : null,
    referrerPolicy !== null ? constantHeader('Referrer-Policy', referrerPolicy) : null,
    coop ? constantHeader('Cross-Origin-Opener-Policy', coop) : null,
  ].filter((header) => header !== null);
  const middleware = defineMiddleware({
    processRequest: sslRedirect
      ? (request) => {
          if (request.isSecure()) return null;
          const path = request.path.replace(/^\/+/, '');
          if (exempt.some((pattern) => pattern.test(path))) return null;
          const host = sslHost || request.getHost();
          return new HttpResponsePermanentRedirect(`https://${host}${request.getFullPath()}`);
        }
      : undefined,
    processResponse(request, response) {
      const headers = response.headers;
      if (hstsHeader !== null && !hasHeader(headers, hstsHeader) && request.isSecure()) {
        setDefaultHeader(headers, hstsHeader);
      }
      for (const header of always) setDefaultHeader(headers, header);
      return response;
    },
  });
  return describeMiddleware(middleware, 'SecurityMiddleware', options);
}

/**
 * Django's `SecurityMiddleware` with Django's defaults (nosniff, `Referrer-Policy: same-origin`,
 * `Cross-Origin-Opener-Policy: same-origin`); configure with `SecurityMiddleware.with({...})`.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, CommonMiddleware] });
 */
export const SecurityMiddleware = configurable(securityMiddleware, 'SecurityMiddleware');
