/**
 * The errors @reins/server raises itself: a misconfigured application (`ImproperlyConfigured`,
 * `@reins/core`'s one class, thrown by `createApp()` at start-up with the code
 * `'server.improperly_configured'`) and a view that answered with something other than a response
 * ({@link ViewResponseError}, turned into a 500 by the handler). Both carry a stable `code` and a
 * brand so they are recognised across two copies of this package.
 */
import { defineBrand, hasBrand } from '@reins/core';

export { ImproperlyConfigured } from '@reins/core';

const VIEW_RESPONSE_ERROR: unique symbol = defineBrand('ViewResponseError') as never;

/**
 * A view (or a `processTemplateResponse` hook) returned something that is not a response —
 * Django's "The view … didn't return an HttpResponse object" `ValueError`. The handler turns it
 * into a 500 without passing it to `processException`, as Django does.
 *
 * @example
 * // const home = () => {}; → 500, logged as:
 * // The view home didn't return an HttpResponse object. It returned undefined instead.
 */
export class ViewResponseError extends Error {
  /** Stable identifier for this error. */
  readonly code = 'server.view_response';
  /** What came back instead, described: `'undefined'`, `'null'`, `'a string'`… */
  readonly returned: string;
  declare readonly [VIEW_RESPONSE_ERROR]: true;

  constructor(message: string, returned: string) {
    super(message);
    this.name = 'ViewResponseError';
    this.returned = returned;
  }

  /** Recognise a `ViewResponseError` even when it comes from another copy of this package. */
  static isInstance(value: unknown): value is ViewResponseError {
    return hasBrand(value, VIEW_RESPONSE_ERROR);
  }
}
Object.defineProperty(ViewResponseError.prototype, VIEW_RESPONSE_ERROR, { value: true });
