/**
 * @reins/create-reins — npm create reins: a new reins project in one command, the way django-admin startproject makes one.
 *
 * @example
 * import { hello } from '@reins/create-reins';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
