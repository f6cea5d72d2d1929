/**
 * @reins/urls — Django's URL resolver for TypeScript: path(), rePath(), include(), resolve() and reverse(), typed and fast, with zero dependencies.
 *
 * @example
 * import { hello } from '@reins/urls';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
