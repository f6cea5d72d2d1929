/**
 * `ImproperlyConfigured`: a class-based view is missing what it needs (a template name, a data
 * source, a pk or slug in the URL). Branded like `@reins/urls`' error of the same name, so
 * `isInstance` recognises either.
 *
 * @module
 */
import { ReinsError } from '@reins/http';

/**
 * Thrown when a view's configuration cannot work; the message says what to define.
 *
 * @example
 * TemplateView.asView()(request, {}); // rejects: requires either a definition of 'templateName'…
 */
export class ImproperlyConfigured extends ReinsError {
  static override readonly brand: symbol = Symbol.for('reins.ImproperlyConfigured');
  override readonly code: string = 'views.improperly_configured';
}
Object.defineProperty(ImproperlyConfigured.prototype, ImproperlyConfigured.brand, { value: true });
