/**
 * {@link updateSessionAuthHash}: keep this session after a password change.
 *
 * @module
 */
import type { HttpRequest } from '@reins/http';
import { stateOf } from './internal/auth-state.js';
import { getSessionAuthHash } from './session-auth-hash.js';
import { HASH_SESSION_KEY, SESSION_KEY } from './session-keys.js';
import type { AuthUser } from './user.js';

/**
 * After `user` changed their password, store the new session-auth hash in this session (and
 * cycle its key), so this session stays logged in while every other one ends (Django's
 * `update_session_auth_hash()`).
 *
 * @example
 * await backend.setPassword(user, form.newPassword);
 * updateSessionAuthHash(request, user);
 */
export function updateSessionAuthHash(request: HttpRequest, user: AuthUser): void {
  const state = stateOf(request, 'updateSessionAuthHash()');
  request.session.cycleKey();
  // Django compares request.user with user; the session's user id says the same without a load.
  const loggedIn = request.session.get(SESSION_KEY);
  if (
    (typeof loggedIn === 'string' || typeof loggedIn === 'number') &&
    String(loggedIn) === String(user.pk) &&
    typeof user.password === 'string'
  ) {
    request.session.set(
      HASH_SESSION_KEY,
      getSessionAuthHash(user.password, state.config.secretKey),
    );
  }
}
