/**
 * {@link getUser}: the user a request's session names, verified against the session-auth hash.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';
import { andThen } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import { AnonymousUser } from './anonymous-user.js';
import { stateOf } from './internal/auth-state.js';
import { verifySessionAuthHash } from './session-auth-hash.js';
import { BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY } from './session-keys.js';
import { setUserBackends } from './user-model.js';
import type { AuthUser } from './user.js';

/**
 * The user the session names, or an {@link AnonymousUser} (Django's `get_user()`): the backend
 * recorded at login must still be configured, the user must still exist and be active, and the
 * session's hash must match the user's current password — otherwise the session is flushed, so a
 * password change logs out every other session. Synchronous when the backend is.
 *
 * @example
 * const user = await getUser(request);
 */
export function getUser(request: HttpRequest): MaybePromise<AuthUser> {
  const { config } = stateOf(request, 'getUser()');
  const session = request.session;
  const userId = session.get(SESSION_KEY);
  const backendPath = session.get(BACKEND_SESSION_KEY);
  if (userId === undefined || typeof backendPath !== 'string') return new AnonymousUser();
  const backend = config.backends.find((candidate) => candidate.path === backendPath);
  if (backend === undefined) return new AnonymousUser();
  if (typeof userId !== 'string' && typeof userId !== 'number') return new AnonymousUser();
  return andThen(backend.getUser(String(userId)), (user): AuthUser => {
    if (user === null || user === undefined) return new AnonymousUser();
    if (typeof user.password === 'string') {
      if (!verifySessionAuthHash(session.get(HASH_SESSION_KEY), user.password, config.secretKey)) {
        session.flush();
        return new AnonymousUser();
      }
    }
    setUserBackends(user, config.backends);
    return user;
  });
}
