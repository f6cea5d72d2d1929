/**
 * @reins/templates — The Django template language for TypeScript, compiled to JavaScript functions, with loaders and several engines side by side.
 *
 * @example
 * import { hello } from '@reins/templates';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
