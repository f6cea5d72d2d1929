/**
 * {@link login}: remember a user in the session (Django's `login()`).
 *
 * @module
 */
import { constantTimeCompare } from '@reins/core/signing';
import type { HttpRequest } from '@reins/http';
import { rotateToken } from '@reins/middleware';
import { stateOf, userBackendPaths } from './internal/auth-state.js';
import { getSessionAuthHash } from './session-auth-hash.js';
import { BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY } from './session-keys.js';
import type { AuthUser } from './user.js';

/**
 * Log `user` in on this request's session, as Django does: a new session key (against session
 * fixation; a session of another user is flushed instead), `_auth_user_id`,
 * `_auth_user_backend` and `_auth_user_hash` stored, `request.user` set, the CSRF token
 * rotated, and the backend told (the model backend sets `last_login`).
 *
 * @throws {Error} when the user did not come from `authenticate()` and several backends are configured without `backend`.
 * @example
 * const user = await authenticate(request, { username, password });
 * if (user) await login(request, user);
 */
export async function login(request: HttpRequest, user: AuthUser, backend?: string): Promise<void> {
  const state = stateOf(request, 'login()');
  const { config } = state;
  const session = request.session;
  const hash =
    typeof user.password === 'string' ? getSessionAuthHash(user.password, config.secretKey) : '';
  if (session.has(SESSION_KEY)) {
    const sameUser = String(session.get(SESSION_KEY)) === String(user.pk);
    const sameHash =
      hash === '' || constantTimeCompare(String(session.get(HASH_SESSION_KEY, '')), hash);
    // Another user's session: start an empty one rather than inherit its data.
    if (!sameUser || !sameHash) session.flush();
  } else {
    session.cycleKey();
  }
  const path =
    backend ?? userBackendPaths.get(user) ?? onlyBackend(config.backends.map((b) => b.path));
  session.set(SESSION_KEY, String(user.pk));
  session.set(BACKEND_SESSION_KEY, path);
  session.set(HASH_SESSION_KEY, hash);
  state.user = user;
  state.loading = undefined;
  rotateToken(request);
  const chosen = config.backends.find((candidate) => candidate.path === path);
  await chosen?.userLoggedIn?.(user);
}

function onlyBackend(paths: string[]): string {
  if (paths.length === 1) return paths[0]!;
  throw new Error(
    'You have several authentication backends configured, so login() needs the backend argument (its path), or a user from authenticate().',
  );
}
