/**
 * @reins/server/testing — Django's test tools for reins: the test {@link Client}, which drives an
 * application in-process, and {@link RequestFactory}, which builds requests to call a view alone.
 *
 * @example
 * import { Client } from '@reins/server/testing';
 * const response = await new Client(app).get('/');
 * response.status; // 200
 *
 * @module
 */
export { Client, RedirectCycleError } from './client.js';
export type {
  ClientOptions,
  ClientRequestOptions,
  RenderedTemplate,
  TestResponse,
  TestResponseExtras,
} from './client.js';
export { RequestFactory } from './request-factory.js';
export type { RequestData, RequestExtras, RequestFactoryOptions } from './request-factory.js';
