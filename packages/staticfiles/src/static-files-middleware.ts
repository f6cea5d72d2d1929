/**
 * `staticFilesMiddleware(staticfiles)`: serves static files before the rest of the middleware
 * chain (WhiteNoise's job, and Django's runserver static handler in development).
 *
 * - Production (`debug` off): every file under `staticRoot` is indexed at start-up; a request is
 *   answered from that index, so a name that is not a key is a 404 without a look at the disk and
 *   no request path is ever joined onto a directory. Hashed names (from the manifest, or names
 *   with a 12-hex-digit hash) are cached for a year (`immutable`), the rest for `maxAge` seconds.
 * - Development (`debug` on): files come from the finders on every request, without a collect
 *   step, so a file changed on disk is served fresh (`Cache-Control: no-cache`).
 *
 * Outside `staticUrl` (or with an absolute `staticUrl`, a CDN) requests pass through untouched.
 */
import { Http404 } from '@reins/http';
import type { HttpRequest } from '@reins/http';
import type { Middleware, MiddlewareHandler } from '@reins/middleware';
import type { Staticfiles } from './define-staticfiles.js';
import { indexFiles } from './internal/file-index.js';
import { respond } from './internal/respond.js';
import { staticSegments, statOrUndefined } from './internal/safe-path.js';
import { contentTypeFor, representation, type StaticFile } from './internal/static-file.js';
import { ManifestStaticFilesStorage } from './manifest-static-files-storage.js';

/** Options of {@link staticFilesMiddleware}. */
export interface StaticFilesMiddlewareOptions {
  /** Seconds browsers may cache names without a hash. Default 60 (0 in development). */
  maxAge?: number;
  /** Files up to this many bytes are kept in memory after their first request. Default 4 MiB. */
  maxCachedFileSize?: number;
  /** Serve from the finders (development) instead of `staticRoot`. Default: `staticfiles.debug`. */
  useFinders?: boolean;
}

const HASHED = /\.[0-9a-f]{12}(?:\.[^./]+)?$/;
const MARK = Symbol.for('reins.staticFilesMiddleware');

/**
 * Whether `middleware` came from {@link staticFilesMiddleware} (the server uses it to add one for
 * development only when the chain has none).
 *
 * @example
 * isStaticFilesMiddleware(staticFilesMiddleware(staticfiles)); // true
 */
export function isStaticFilesMiddleware(middleware: unknown): boolean {
  return typeof middleware === 'function' && (middleware as { [MARK]?: boolean })[MARK] === true;
}

/**
 * The static files middleware; put it first in `middleware`.
 *
 * @example
 * createApp({ rootUrlconf, staticfiles, middleware: [staticFilesMiddleware(staticfiles), securityMiddleware()] });
 */
export function staticFilesMiddleware(
  staticfiles: Staticfiles,
  options: StaticFilesMiddlewareOptions = {},
): Middleware {
  const factory: Middleware = (getResponse) => {
    const prefix = staticfiles.staticUrl;
    const passThrough: MiddlewareHandler = (request) => getResponse(request);
    if (!prefix.startsWith('/')) return passThrough;
    const maxCached = options.maxCachedFileSize ?? 4 * 1024 * 1024;
    const useFinders = options.useFinders ?? staticfiles.debug;
    const notFound = (name: string): never => {
      throw new Http404(`'${name}' could not be found`);
    };
    if (useFinders) {
      return (request: HttpRequest) => {
        const path = request.path;
        if (!path.startsWith(prefix)) return getResponse(request);
        const name = path.slice(prefix.length);
        const file = findFresh(staticfiles, name, options.maxAge ?? 0);
        return file === undefined ? notFound(name) : respond(file, request, 0);
      };
    }
    const storage = staticfiles.storage;
    const hashedNames =
      storage instanceof ManifestStaticFilesStorage && storage.location !== null
        ? new Set(storage.loadManifest().values())
        : null;
    const isImmutable = (name: string): boolean =>
      hashedNames !== null && hashedNames.size > 0
        ? hashedNames.has(name.replace(/\.(br|gz)$/, ''))
        : HASHED.test(name.replace(/\.(br|gz)$/, ''));
    const index =
      staticfiles.staticRoot === null
        ? new Map<string, StaticFile>()
        : indexFiles(staticfiles.staticRoot, isImmutable, options.maxAge ?? 60);
    return (request: HttpRequest) => {
      const path = request.path;
      if (!path.startsWith(prefix)) return getResponse(request);
      const name = path.slice(prefix.length);
      const file = index.get(name);
      return file === undefined ? notFound(name) : respond(file, request, maxCached);
    };
  };
  return Object.assign(factory, { [MARK]: true });
}

function findFresh(staticfiles: Staticfiles, name: string, maxAge: number): StaticFile | undefined {
  // Only canonical names, as in production: no `..`, and no empty or `.` segment either.
  if (staticSegments(name)?.join('/') !== name) return undefined;
  for (const finder of staticfiles.finders) {
    const found = finder.find(name);
    if (found === null) continue;
    // finders may find a directory (Django's do); only files are served.
    const stats = statOrUndefined(found);
    if (stats === undefined || !stats.isFile()) return undefined;
    return {
      contentType: contentTypeFor(name),
      lastModified: stats.mtime.toUTCString(),
      cacheControl: maxAge === 0 ? 'no-cache' : `public, max-age=${maxAge}`,
      identity: representation(found, stats, null),
      br: null,
      gzip: null,
    };
  }
  return undefined;
}
