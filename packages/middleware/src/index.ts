/**
 * @reins/middleware — Django's middleware contract and built-ins for reins: Common (APPEND_SLASH),
 * Security, XFrameOptions, GZip, ConditionalGet, CSRF.
 *
 * @example
 * import { CommonMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
 * createApp({ rootUrlconf, middleware: [SecurityMiddleware, CommonMiddleware, XFrameOptionsMiddleware] });
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
export type { AnyResponse } from './middleware.js';
export { MiddlewareNotUsed } from './middleware.js';
export type { MiddlewareHooks } from './define-middleware.js';
export { defineMiddleware } from './define-middleware.js';
export type { ConfigurableMiddleware } from './internal/named-middleware.js';
export type { CommonMiddlewareOptions } from './common-middleware.js';
export {
  AppendSlashError,
  CommonMiddleware,
  commonMiddleware,
  noAppendSlash,
} from './common-middleware.js';
export type { SecurityMiddlewareOptions } from './security-middleware.js';
export { SecurityMiddleware, securityMiddleware } from './security-middleware.js';
export type { XFrameOptionsMiddlewareOptions } from './x-frame-options-middleware.js';
export {
  XFrameOptionsMiddleware,
  xFrameOptionsDeny,
  xFrameOptionsExempt,
  xFrameOptionsMiddleware,
  xFrameOptionsSameorigin,
} from './x-frame-options-middleware.js';
export { GZipMiddleware, gzipMiddleware } from './gzip-middleware.js';
export {
  ConditionalGetMiddleware,
  conditionalGetMiddleware,
  getConditionalResponse,
} from './conditional-get-middleware.js';
export type { CsrfFailureView, CsrfViewMiddlewareOptions } from './csrf-view-middleware.js';
export { CsrfFailureReason } from './csrf-failure-reason.js';
export { csrfProtect, ensureCsrfCookie, requiresCsrfToken } from './csrf-protect.js';
export { CsrfViewMiddleware, csrfExempt, csrfViewMiddleware } from './csrf-view-middleware.js';
export {
  LazyCsrfToken,
  csrfContextProcessor,
  getToken,
  rotateToken,
  skipCsrfChecks,
} from './csrf-token.js';
