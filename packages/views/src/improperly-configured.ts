/**
 * `ImproperlyConfigured`: a class-based view is missing what it needs (a template name, a data
 * source, a pk or slug in the URL). It is `@reins/core`'s one class (the same as `@reins/urls`' and
 * `@reins/server`'s, so one `isInstance` recognises them all), re-exported here; the views throw it
 * with the code `'views.improperly_configured'`.
 *
 * @module
 */
import { ImproperlyConfigured } from '@reins/core';

export { ImproperlyConfigured };

/**
 * A view configuration that cannot work; the message says what to define.
 *
 * @example
 * throw viewConfigError("TemplateResponseMixin requires either a definition of 'templateName'…");
 */
export function viewConfigError(message: string): ImproperlyConfigured {
  return new ImproperlyConfigured(message, { code: 'views.improperly_configured' });
}
