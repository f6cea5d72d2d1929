/**
 * @reins/middleware — Django's middleware contract and built-ins for reins: Common (APPEND_SLASH), Security, XFrameOptions, GZip, ConditionalGet, CSRF.
 *
 * @example
 * import { hello } from '@reins/middleware';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
