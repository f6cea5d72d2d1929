/**
 * `request.user` and `request.auser()` in the types: `@reins/auth` adds them to `@reins/http`'s
 * `HttpRequest` (TypeScript merges this interface into the class).
 *
 * @module
 */
import type {} from '@reins/sessions';
import type { AuthUser } from './user.js';

declare module '@reins/http' {
  interface HttpRequest {
    /**
     * The user, loaded once on first call (Django 5's `request.auser()`): the logged-in user or
     * an `AnonymousUser`. Set by `AuthenticationMiddleware`.
     */
    auser(): Promise<AuthUser>;
    /**
     * The user, synchronously (Django's `request.user`): known without waiting when nobody is
     * logged in, after `await request.auser()`, with a synchronous backend, or with the
     * middleware's `load: 'eager'`; otherwise reading it throws `UserNotLoaded`.
     */
    user: AuthUser;
  }
}
