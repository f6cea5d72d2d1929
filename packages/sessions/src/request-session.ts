/**
 * `request.session` in the types: `@reins/sessions` adds the property to `@reins/http`'s
 * `HttpRequest` (TypeScript merges this interface into the class), so a view reads it without a
 * cast once the package is imported anywhere in the project.
 *
 * @module
 */
import type { Session } from './session.js';

declare module '@reins/http' {
  interface HttpRequest {
    /**
     * The visitor's session, set by `SessionMiddleware` (Django's `request.session`); absent on a
     * request that did not pass through it.
     */
    session: Session;
  }
}
