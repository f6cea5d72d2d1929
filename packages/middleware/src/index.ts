/**
 * @reins/middleware — Django's middleware contract and built-ins for reins: Common (APPEND_SLASH),
 * Security, XFrameOptions, GZip, ConditionalGet, CSRF.
 *
 * @example
 * import type { Middleware } from '@reins/middleware';
 * const poweredBy: Middleware = (getResponse) => (request) => getResponse(request);
 *
 * @module
 */
export type {
  AnyView,
  GetResponse,
  MaybePromise,
  Middleware,
  MiddlewareHandler,
  MiddlewareSettings,
} from './middleware.js';
export { MiddlewareNotUsed } from './middleware.js';
