/**
 * @reins/shortcuts — Django's shortcuts for reins: render, redirect, reverse, getObjectOr404 and getListOr404.
 *
 * @example
 * import { hello } from '@reins/shortcuts';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
