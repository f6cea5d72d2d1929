/**
 * {@link AnonymousUser}: `request.user` when nobody is logged in (Django's `AnonymousUser`).
 *
 * @module
 */
import type { AuthUser } from './user.js';

/**
 * The visitor who is not logged in: not authenticated, not active, no permissions (the model
 * backend grants none to anonymous users). Renders as `AnonymousUser` in templates, as in Django.
 *
 * @example
 * if ((await request.auser()).isAnonymous) return redirectToLogin(request.getFullPath());
 */
export class AnonymousUser implements AuthUser {
  readonly pk = null;
  readonly id = null;
  readonly username = '';
  readonly isAuthenticated = false;
  readonly isAnonymous = true;
  readonly isActive = false;
  readonly isStaff = false;
  readonly isSuperuser = false;

  getUsername(): string {
    return this.username;
  }

  hasPerm(): Promise<boolean> {
    return Promise.resolve(false);
  }

  hasPerms(perms: Iterable<string>): Promise<boolean> {
    // Django raises for a bare string: 'abc' would be three one-letter permissions.
    if (typeof perms === 'string')
      throw new TypeError('hasPerms() takes a list of permissions, not a string.');
    return Promise.resolve(false);
  }

  hasModulePerms(): Promise<boolean> {
    return Promise.resolve(false);
  }

  getAllPermissions(): Promise<Set<string>> {
    return Promise.resolve(new Set());
  }

  toString(): string {
    return 'AnonymousUser';
  }
}
