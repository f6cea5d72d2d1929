/**
 * `ImproperlyConfigured` (Django's): a setting, route, view or middleware that cannot work, found
 * as early as possible — at start-up or where the thing is declared.
 *
 * @module
 */
import { defineBrand } from './brand.js';
import { brandClass, ReinsError } from './reins-error.js';

/** Where an `ImproperlyConfigured` points: the setting, the route, or both. */
export interface ImproperlyConfiguredOptions {
  /** The setting (or middleware position) at fault, e.g. `'allowedHosts'` or `'middleware[2]'`. */
  setting?: string;
  /** The route or regex at fault, when the urlconf is wrong. */
  route?: string;
  /** A more specific stable code than `'improperly_configured'` (e.g. `'urls.improperly_configured'`). */
  code?: string;
  cause?: unknown;
}

/**
 * Thrown when configuration cannot work; the message names the thing, quotes the value and says
 * how to fix it. One class for every package, so one `isInstance` recognises them all.
 *
 * @example
 * throw new ImproperlyConfigured("allowedHosts must be an array of strings; got 'example.com'.", { setting: 'allowedHosts' });
 */
export class ImproperlyConfigured extends ReinsError {
  static override readonly brand: symbol = defineBrand('ImproperlyConfigured');
  override readonly code: string;
  /** The setting at fault, when there is one. */
  readonly setting: string | undefined;
  /** The route at fault, when there is one. */
  readonly route: string | undefined;

  constructor(message: string, options: ImproperlyConfiguredOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'improperly_configured';
    this.setting = options.setting;
    this.route = options.route;
  }
}
brandClass(ImproperlyConfigured);
