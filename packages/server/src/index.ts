/**
 * @reins/server — The reins application: settings, the request handler, error pages, dev server, CLI and test client.
 *
 * @example
 * import { hello } from '@reins/server';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
