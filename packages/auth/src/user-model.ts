/**
 * {@link User}: a row of Django's `auth_user` (Django's `django.contrib.auth.models.User`), what
 * `ModelBackend` loads and `request.user` is once logged in.
 *
 * @module
 */
import type { AuthBackend } from './auth-backend.js';
import type { AuthUser } from './user.js';

/**
 * The fields of Django's `auth_user`, camelCased.
 *
 * @example
 * const fields: UserFields = { id: 1, username: 'demo', password: '…', email: '', firstName: 'Demo', lastName: '', isActive: true, isStaff: false, isSuperuser: false, lastLogin: null, dateJoined: new Date() };
 */
export interface UserFields {
  id: number;
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  lastLogin: Date | null;
  dateJoined: Date;
}

const BACKENDS = Symbol('reins.auth.backends');

/**
 * A logged-in user (Django's `User`): permission checks ask the configured backends, as Django's
 * `PermissionsMixin` does; an active superuser has every permission, an inactive user none.
 *
 * @example
 * const user = await backend.getUser('1');
 * user?.getFullName(); // 'Demo User'
 */
export class User implements AuthUser, UserFields {
  id: number;
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  isActive: boolean;
  isStaff: boolean;
  isSuperuser: boolean;
  lastLogin: Date | null;
  dateJoined: Date;
  readonly isAuthenticated = true;
  readonly isAnonymous = false;
  /** The backends asked for permissions; set by the backend that loaded the user and by `authenticate()`. */
  [BACKENDS]: readonly AuthBackend[];

  constructor(fields: UserFields, backends: readonly AuthBackend[] = []) {
    this.id = fields.id;
    this.username = fields.username;
    this.password = fields.password;
    this.email = fields.email;
    this.firstName = fields.firstName;
    this.lastName = fields.lastName;
    this.isActive = fields.isActive;
    this.isStaff = fields.isStaff;
    this.isSuperuser = fields.isSuperuser;
    this.lastLogin = fields.lastLogin;
    this.dateJoined = fields.dateJoined;
    this[BACKENDS] = backends;
  }

  get pk(): number {
    return this.id;
  }

  getUsername(): string {
    return this.username;
  }

  /** First and last name with a space between, trimmed (Django's `get_full_name()`). */
  getFullName(): string {
    return `${this.firstName} ${this.lastName}`.trim();
  }

  /** The first name (Django's `get_short_name()`). */
  getShortName(): string {
    return this.firstName;
  }

  async getAllPermissions(obj?: unknown): Promise<Set<string>> {
    const all = new Set<string>();
    for (const backend of this[BACKENDS]) {
      if (backend.getAllPermissions === undefined) continue;
      for (const perm of await backend.getAllPermissions(this, obj)) all.add(perm);
    }
    return all;
  }

  async hasPerm(perm: string, obj?: unknown): Promise<boolean> {
    if (this.isActive && this.isSuperuser) return true;
    for (const backend of this[BACKENDS]) {
      const has = backend.hasPerm
        ? await backend.hasPerm(this, perm, obj)
        : backend.getAllPermissions
          ? (await backend.getAllPermissions(this, obj)).has(perm)
          : false;
      if (has) return true;
    }
    return false;
  }

  async hasPerms(perms: Iterable<string>, obj?: unknown): Promise<boolean> {
    if (typeof perms === 'string')
      throw new TypeError('hasPerms() takes a list of permissions, not a string.');
    for (const perm of perms) if (!(await this.hasPerm(perm, obj))) return false;
    return true;
  }

  async hasModulePerms(appLabel: string): Promise<boolean> {
    if (this.isActive && this.isSuperuser) return true;
    if (!this.isActive) return false;
    const prefix = `${appLabel}.`;
    for (const perm of await this.getAllPermissions()) if (perm.startsWith(prefix)) return true;
    return false;
  }

  toString(): string {
    return this.username;
  }
}

/** Give `user` the backends its permission checks ask (the configured list, as Django's settings). */
export function setUserBackends(user: AuthUser, backends: readonly AuthBackend[]): void {
  if (user instanceof User) user[BACKENDS] = backends;
}
