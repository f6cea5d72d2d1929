/**
 * @reins/views — Django's class-based views for reins: View, TemplateView, RedirectView, ListView, DetailView, Paginator and view decorators.
 *
 * @example
 * import { hello } from '@reins/views';
 * hello('reins'); // 'Hello, reins!'
 *
 * @module
 */
export { hello } from './hello.js';
