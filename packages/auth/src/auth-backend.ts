/**
 * The backend contract (Django's authentication backends): where users come from and what they
 * may do. `ModelBackend` implements it over Django's `auth_user`; another user store implements
 * the same few methods.
 *
 * @module
 */
import type { MaybePromise } from '@reins/core';
import type { HttpRequest } from '@reins/http';
import type { AuthUser } from './user.js';

/**
 * What `authenticate()` passes a backend: the fields of the login form (`username`, `password`)
 * or whatever a backend accepts (a token, an e-mail).
 *
 * @example
 * const credentials: Credentials = { username: 'demo', password: 'greetings-demo' };
 */
export type Credentials = Readonly<Record<string, unknown>>;

/**
 * An authentication backend. `authenticate` answers `null` for credentials it does not know or
 * that are wrong (the next backend is asked), or throws `PermissionDenied` to stop at once;
 * `getUser` loads the user a session names (`null` when gone or inactive).
 *
 * @example
 * const tokens: AuthBackend = {
 *   path: 'myapp.TokenBackend',
 *   authenticate: async (_request, { token }) => (typeof token === 'string' ? findByToken(token) : null),
 *   getUser: (id) => findById(id),
 * };
 */
export interface AuthBackend<User extends AuthUser = AuthUser> {
  /**
   * The name stored in the session under `_auth_user_backend` (Django's dotted path; keep
   * Django's for a backend that shares sessions with a Django site).
   */
  readonly path: string;
  authenticate(request: HttpRequest | null, credentials: Credentials): MaybePromise<User | null>;
  getUser(userId: string): MaybePromise<User | null>;
  /** The permissions `user` has through this backend (default: none). */
  getAllPermissions?(user: AuthUser, obj?: unknown): MaybePromise<Set<string>>;
  /** Whether `user` has `perm` through this backend (default: in `getAllPermissions`). */
  hasPerm?(user: AuthUser, perm: string, obj?: unknown): MaybePromise<boolean>;
  /** Record a successful login (the model backend sets `last_login`, Django's `update_last_login`). */
  userLoggedIn?(user: User): MaybePromise<void>;
}
