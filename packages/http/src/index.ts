/**
 * @reins/http — Django's HTTP primitives for TypeScript: HttpRequest, QueryDict, HttpResponse and its family, cookies, HTTP exceptions, Node and Fetch adapters.
 *
 * @example
 * import { hello } from '@reins/http';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
