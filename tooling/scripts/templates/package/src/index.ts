/**
 * @reins/__NAME__ — __DESCRIPTION__
 *
 * @example
 * import { hello } from '@reins/__NAME__';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
