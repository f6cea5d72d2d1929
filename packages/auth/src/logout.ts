/**
 * {@link logout}: end the session (Django's `logout()`).
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { AnonymousUser } from './anonymous-user.js';
import { peekState } from './internal/auth-state.js';

/**
 * Log the user out: the session is flushed (its data deleted, a new key next time) and
 * `request.user` becomes an {@link AnonymousUser}.
 *
 * @example
 * logout(request);
 * return redirect('home');
 */
export function logout(request: HttpRequest): void {
  request.session.flush();
  const state = peekState(request);
  if (state !== undefined) {
    state.user = new AnonymousUser();
    state.loading = undefined;
  }
}
