/**
 * The errors @reins/server raises itself: a misconfigured application ({@link ImproperlyConfigured},
 * thrown by `createApp()` at start-up) and a view that answered with something other than a
 * response ({@link ViewResponseError}, turned into a 500 by the handler). Both carry a stable `code`
 * and a `Symbol.for` brand so they are recognised across two copies of this package.
 */

const IMPROPERLY_CONFIGURED = Symbol.for('reins.ImproperlyConfigured');
const VIEW_RESPONSE_ERROR = Symbol.for('reins.ViewResponseError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}

/**
 * A setting, middleware or handler that cannot work, found at start-up (Django's
 * `ImproperlyConfigured`). `setting` names the offending setting.
 *
 * @example
 * try { createApp({ rootUrlconf: [], allowedHosts: 'example.com' as never }); }
 * catch (error) { if (ImproperlyConfigured.isInstance(error)) console.error(error.setting); }
 */
export class ImproperlyConfigured extends Error {
  /** Stable identifier for this error. */
  readonly code = 'server.improperly_configured';
  /** The setting (or middleware position) at fault, e.g. `'allowedHosts'` or `'middleware[2]'`. */
  readonly setting: string;
  declare readonly [IMPROPERLY_CONFIGURED]: true;

  constructor(setting: string, message: string) {
    super(message);
    this.name = 'ImproperlyConfigured';
    this.setting = setting;
  }

  /** Recognise an `ImproperlyConfigured` even when it comes from another copy of this package. */
  static isInstance(value: unknown): value is ImproperlyConfigured {
    return hasBrand(value, IMPROPERLY_CONFIGURED);
  }
}
Object.defineProperty(ImproperlyConfigured.prototype, IMPROPERLY_CONFIGURED, { value: true });

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
