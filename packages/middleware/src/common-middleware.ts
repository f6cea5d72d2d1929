/**
 * {@link commonMiddleware} (Django's `CommonMiddleware`): refuses listed user agents, redirects
 * to the `www.` host (`prependWww`), appends a missing trailing slash when only the slashed path
 * resolves (`appendSlash`), and sets `Content-Length` on responses that lack it.
 *
 * As in Django 3.2, the slash redirect is decided before the view (in `processRequest`) and again
 * for a 404 on the way out (in `processResponse`, for when a later middleware changed things).
 */
import { defineBrand, brandClass } from '@reins/core';
import type { HttpRequest, HttpResponseBase } from '@reins/http';
import { HttpResponsePermanentRedirect, PermissionDenied, ReinsError } from '@reins/http';
import { defineMiddleware } from './define-middleware.js';
import { isValidPath, urlconfOf } from './internal/is-valid-path.js';
import { contentLength } from './internal/content.js';
import { configurable } from './internal/named-middleware.js';
import { wrapView } from './internal/wrap-view.js';
import type { AnyView, Middleware } from './middleware.js';

/**
 * Options for {@link commonMiddleware}; each defaults to the project setting of the same name,
 * then to Django's default.
 *
 * @example
 * const options: CommonMiddlewareOptions = { appendSlash: true, prependWww: false };
 */
export interface CommonMiddlewareOptions {
  /** Redirect `/about` to `/about/` when only the latter resolves (`APPEND_SLASH`). Default `true`. */
  appendSlash?: boolean;
  /** Redirect `example.com` to `www.example.com` (`PREPEND_WWW`). Default `false`. */
  prependWww?: boolean;
  /** Explain instead of redirecting a POST/PUT/PATCH to the slashed URL (`DEBUG`). Default `false`. */
  debug?: boolean;
  /** User agents to refuse with a 403 (`DISALLOWED_USER_AGENTS`); searched, not anchored. */
  disallowedUserAgents?: readonly (RegExp | string)[];
  /** The redirect response class (Django's `response_redirect_class`). Default 301. */
  responseRedirectClass?: new (url: string) => HttpResponseBase;
}

/**
 * Thrown in debug when a POST, PUT or PATCH reaches a URL that only resolves with a trailing
 * slash: a redirect would lose the body, so the developer is told to fix the form instead.
 * Django raises a `RuntimeError` with the same message; it becomes a 500.
 *
 * @example
 * AppendSlashError.isInstance(error); // the form posts to '/contact' instead of '/contact/'
 */
export class AppendSlashError extends ReinsError {
  static override readonly brand: symbol = defineBrand('AppendSlashError');
  override readonly code: string = 'middleware.append_slash_with_body';

  constructor(
    /** The request method, `POST`, `PUT` or `PATCH`. */
    readonly method: string,
    /** Where the form should point: host plus the slashed path. */
    readonly url: string,
  ) {
    super(
      `You called this URL via ${method}, but the URL doesn't end in a slash and you have APPEND_SLASH set. ` +
        `Django can't redirect to the slash URL while maintaining ${method} data. ` +
        `Change your form to point to ${url} (note the trailing slash), or set APPEND_SLASH=False in your Django settings.`,
    );
  }
}
brandClass(AppendSlashError);

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function compileUserAgents(patterns: readonly (RegExp | string)[]): RegExp[] {
  // A global or sticky RegExp keeps `lastIndex` between calls; Python's search() has no state.
  return patterns.map((pattern) =>
    typeof pattern === 'string'
      ? new RegExp(pattern)
      : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')),
  );
}

/**
 * The full path with a slash appended (Django's `get_full_path(force_append_slash=True)`), with a
 * leading `//` escaped so the Location can never be read as a scheme-relative URL to another host.
 */
function fullPathWithSlash(request: HttpRequest): string {
  const path = request.getFullPath(true);
  return path.startsWith('//') ? `/%2F${path.slice(2)}` : path;
}

/**
 * Django's `CommonMiddleware` with options. Settings given to the handler (`appendSlash`,
 * `prependWww`, `debug`) are used for any option left out.
 *
 * @throws {PermissionDenied} for a disallowed user agent ("Forbidden user agent").
 * @throws {AppendSlashError} in debug, for a POST/PUT/PATCH that would need the slash redirect.
 * @example
 * createApp({ rootUrlconf, middleware: [commonMiddleware({ appendSlash: true })] });
 */
export function commonMiddleware(options: CommonMiddlewareOptions = {}): Middleware {
  return defineMiddleware((settings) => {
    const appendSlash = options.appendSlash ?? settings.appendSlash ?? true;
    const prependWww = options.prependWww ?? settings.prependWww ?? false;
    // Last resort: the debug flag the adapter gave the request (same source as the handler's).
    const isDebug = (request: HttpRequest): boolean =>
      options.debug ?? settings.debug ?? request.options.debug;
    const userAgents = compileUserAgents(options.disallowedUserAgents ?? []);
    const Redirect = options.responseRedirectClass ?? HttpResponsePermanentRedirect;

    const shouldRedirectWithSlash = (request: HttpRequest): boolean => {
      if (!appendSlash) return false;
      const pathInfo = request.pathInfo;
      if (pathInfo.endsWith('/')) return false;
      const urlconf = urlconfOf(request);
      if (!urlconf || isValidPath(urlconf, pathInfo)) return false;
      const match = isValidPath(urlconf, `${pathInfo}/`);
      if (!match) return false;
      // `noAppendSlash(view)` opts a view out (Django's @no_append_slash).
      return (match.view as AnyView | undefined)?.shouldAppendSlash !== false;
    };

    const pathWithSlash = (request: HttpRequest): string => {
      const path = fullPathWithSlash(request);
      if (BODY_METHODS.has(request.method) && isDebug(request)) {
        throw new AppendSlashError(request.method, request.getHost() + path);
      }
      return path;
    };

    return {
      processRequest(request) {
        if (userAgents.length > 0) {
          const userAgent = request.headers.get('User-Agent');
          if (userAgent != null && userAgents.some((pattern) => pattern.test(userAgent))) {
            throw new PermissionDenied('Forbidden user agent');
          }
        }
        // Called even when nothing below needs it: an invalid Host must become a 400 here.
        const host = request.getHost();
        const mustPrepend = prependWww && host !== '' && !host.startsWith('www.');
        const slash = shouldRedirectWithSlash(request);
        if (!mustPrepend && !slash) return null;
        const path = slash ? pathWithSlash(request) : request.getFullPath();
        return new Redirect(mustPrepend ? `${request.scheme}://www.${host}${path}` : path);
      },
      processResponse(request, response) {
        if (response.status === 404 && shouldRedirectWithSlash(request)) {
          return new Redirect(pathWithSlash(request));
        }
        if (!response.streaming && response.headers.getLower('content-length') === undefined) {
          // Digits only: nothing for the header check to refuse.
          response.headers.setTrusted(
            'Content-Length',
            'content-length',
            String(contentLength(response)),
          );
        }
        return response;
      },
    };
  });
}

/**
 * Django's `CommonMiddleware`: use it as is, or `CommonMiddleware.with({ prependWww: true })`.
 *
 * @example
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, CommonMiddleware] });
 */
export const CommonMiddleware = configurable(commonMiddleware, 'CommonMiddleware');

/**
 * Opt a view out of the slash redirect (Django's `@no_append_slash`).
 *
 * @example
 * path('api/items', noAppendSlash(items));
 */
export function noAppendSlash<View extends (...args: never[]) => unknown>(view: View): View {
  return wrapView(view, { shouldAppendSlash: false });
}
