/**
 * {@link UserNotLoaded}: `request.user` read before an asynchronous backend answered.
 *
 * @module
 */
import { brandClass, defineBrand, ReinsError } from '@reins/core';

/**
 * Thrown by reading `request.user` synchronously while the user is still to be loaded from an
 * asynchronous backend (a database): `await request.auser()` first, or configure
 * `AuthenticationMiddleware.with({ load: 'eager' })`.
 *
 * @example
 * const user = await request.auser(); // instead of request.user in an async view
 */
export class UserNotLoaded extends ReinsError {
  static override readonly brand: symbol = defineBrand('auth.UserNotLoaded');
  override readonly code: string = 'auth.user_not_loaded';

  constructor(backend: string) {
    super(
      `request.user was read before the user was loaded from '${backend}', which answers asynchronously. Use \`await request.auser()\` (Django 5's auser) in the view, or load it before every view of a logged-in session with AuthenticationMiddleware.with({ load: 'eager' }).`,
    );
  }
}
brandClass(UserNotLoaded);
