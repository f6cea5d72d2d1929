/**
 * {@link authenticate}: ask each configured backend for the user these credentials name.
 *
 * @module
 */
import { hasBrand } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import { PermissionDenied } from '@reins/http';
import type { Credentials } from './auth-backend.js';
import { stateOf, userBackendPaths } from './internal/auth-state.js';
import { setUserBackends } from './user-model.js';
import type { AuthUser } from './user.js';

/**
 * The user these credentials identify, or `null` (Django's `authenticate()`): the backends are
 * asked in order, the first user wins, and a backend that throws `PermissionDenied` stops the
 * search (`null`). Every failure looks the same to the caller, whatever the reason.
 *
 * @example
 * const user = await authenticate(request, { username: 'demo', password: 'greetings-demo' });
 * if (user !== null) await login(request, user);
 */
export async function authenticate(
  request: HttpRequest,
  credentials: Credentials,
): Promise<AuthUser | null> {
  const { backends } = stateOf(request, 'authenticate()').config;
  for (const backend of backends) {
    let user: AuthUser | null;
    try {
      user = await backend.authenticate(request, credentials);
    } catch (error) {
      // A backend's PermissionDenied stops the search: this user may not log in at all.
      if (hasBrand(error, PermissionDenied.brand)) return null;
      throw error;
    }
    if (user === null || user === undefined) continue;
    userBackendPaths.set(user, backend.path);
    setUserBackends(user, backends);
    return user;
  }
  return null;
}
