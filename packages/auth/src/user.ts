/**
 * What `request.user` is: {@link AuthUser}, the contract a logged-in user and
 * `AnonymousUser` share (Django's `AbstractBaseUser` + `PermissionsMixin` surface a view uses).
 *
 * @module
 */

/**
 * A user as views and templates see it, logged in or anonymous (Django's user API, camelCased).
 * Permission checks are async: they may ask a database.
 *
 * @example
 * const user: AuthUser = await request.auser();
 * if (user.isAuthenticated && (await user.hasPerm('polls.add_choice'))) …
 */
export interface AuthUser {
  /** The primary key (`null` for the anonymous user). */
  readonly pk: string | number | null;
  /** The login name (`''` for the anonymous user). */
  readonly username: string;
  readonly isAuthenticated: boolean;
  readonly isAnonymous: boolean;
  readonly isActive: boolean;
  readonly isStaff: boolean;
  readonly isSuperuser: boolean;
  /** The login name (Django's `get_username()`). */
  getUsername(): string;
  /**
   * The stored password hash; `login()` derives the session-auth hash from it, so changing the
   * password ends the user's other sessions. Absent for users without passwords.
   */
  readonly password?: string | undefined;
  /** Whether the user has `perm` (`'app_label.codename'`), optionally on `obj`. */
  hasPerm(perm: string, obj?: unknown): Promise<boolean>;
  /** Whether the user has every one of `perms`. */
  hasPerms(perms: Iterable<string>, obj?: unknown): Promise<boolean>;
  /** Whether the user has any permission in the app `appLabel`. */
  hasModulePerms(appLabel: string): Promise<boolean>;
  /** Every permission the user has, as `'app_label.codename'`. */
  getAllPermissions(obj?: unknown): Promise<Set<string>>;
}
