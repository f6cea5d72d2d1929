/**
 * {@link ModelBackend}: users and permissions in Django's `auth_user`, `auth_group` and
 * `auth_permission` tables, through Kysely (SQLite or PostgreSQL, the project's instance).
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { HttpRequest } from '@reins/http';
import type { AuthBackend, Credentials } from '../auth-backend.js';
import {
  checkPassword,
  identifyHasher,
  isPasswordUsable,
  makePassword,
  runDefaultHasher,
} from '../hashers/password-hashers.js';
import { logAuthFailure } from '../auth-log.js';
import { djangoBool, djangoDatetime, readDatetime, type AnyKysely } from '../internal/sql.js';
import { User, type UserFields } from '../user-model.js';
import type { AuthUser } from '../user.js';
import type { AuthTables } from './auth-tables.js';

/** Django's dotted path of its model backend: sessions name it, so Django and reins share them. */
export const MODEL_BACKEND_PATH = 'django.contrib.auth.backends.ModelBackend';

/**
 * Options of {@link ModelBackend}.
 *
 * @example
 * const options: ModelBackendOptions = { db: new Kysely({ dialect: new SqliteDialect({ database: new Database('db.sqlite3') }) }) };
 */
export interface ModelBackendOptions {
  /** The project's Kysely instance over the database holding `auth_user` (SQLite or PostgreSQL). */
  db: AnyKysely;
  /** The session's `_auth_user_backend` name (default Django's, so sessions are shared with Django). */
  path?: string;
}

/**
 * The fields of a new user for {@link ModelBackend.createUser}.
 *
 * @example
 * await backend.createUser({ username: 'demo', password: 'greetings-demo', firstName: 'Demo' });
 */
export interface NewUser {
  username: string;
  /** The raw password (hashed with the preferred hasher); `null` for an unusable one. */
  password: string | null;
  email?: string;
  firstName?: string;
  lastName?: string;
  isActive?: boolean;
  isStaff?: boolean;
  isSuperuser?: boolean;
}

type UserRow = Omit<AuthTables['auth_user'], 'id'> & { id: number };

/**
 * Django's `ModelBackend`: `authenticate(request, { username, password })` against `auth_user`
 * (inactive users refused, a missing user costs one hash as a real one does), the user a session
 * names, and permissions from `auth_user_user_permissions` and the user's groups.
 *
 * @example
 * const backend = new ModelBackend({ db });
 * createApp({ …, authenticationBackends: [backend] });
 */
export class ModelBackend implements AuthBackend<User> {
  readonly path: string;
  readonly db: Kysely<AuthTables>;
  readonly #permissionCache = new WeakMap<AuthUser, Promise<Set<string>>>();

  constructor(options: ModelBackendOptions) {
    this.db = options.db as Kysely<AuthTables>;
    this.path = options.path ?? MODEL_BACKEND_PATH;
  }

  #user(row: UserRow): User {
    const fields: UserFields = {
      id: Number(row.id),
      username: row.username,
      password: row.password,
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      isActive: Boolean(row.is_active),
      isStaff: Boolean(row.is_staff),
      isSuperuser: Boolean(row.is_superuser),
      lastLogin: readDatetime(row.last_login),
      dateJoined: readDatetime(row.date_joined)!,
    };
    return new User(fields, [this]);
  }

  /** The user with this username, active or not, or `null` (Django's `get_by_natural_key`). */
  async getUserByUsername(username: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('auth_user')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row === undefined ? null : this.#user(row);
  }

  async authenticate(_request: HttpRequest | null, credentials: Credentials): Promise<User | null> {
    const { username, password } = credentials;
    if (typeof username !== 'string' || typeof password !== 'string') return null;
    const user = await this.getUserByUsername(username);
    if (user === null) {
      // Django's `UserModel().set_password(password)`: as long as a real check (#20760).
      await runDefaultHasher();
      logAuthFailure(username, 'no such user');
      return null;
    }
    const correct = await checkPassword(password, user.password, {
      setter: (raw) => this.setPassword(user, raw),
    });
    if (!correct) {
      logAuthFailure(username, passwordProblem(user.password));
      return null;
    }
    if (!user.isActive) {
      logAuthFailure(username, 'the user is inactive (is_active is false)');
      return null;
    }
    return user;
  }

  async getUser(userId: string): Promise<User | null> {
    if (!/^[0-9]{1,18}$/.test(userId)) return null;
    const row = await this.db
      .selectFrom('auth_user')
      .selectAll()
      .where('id', '=', Number(userId))
      .executeTakeFirst();
    if (row === undefined) return null;
    const user = this.#user(row);
    // Django's `user_can_authenticate`: a deactivated user's sessions end.
    return user.isActive ? user : null;
  }

  /** Hash `raw` with the preferred hasher and store it (Django's `set_password()` + `save()`). */
  async setPassword(user: User, raw: string | null): Promise<void> {
    const encoded = await makePassword(raw);
    await this.db
      .updateTable('auth_user')
      .set({ password: encoded })
      .where('id', '=', user.id)
      .execute();
    user.password = encoded;
  }

  async userLoggedIn(user: User): Promise<void> {
    const now = new Date();
    await this.db
      .updateTable('auth_user')
      .set({ last_login: djangoDatetime(this.db, now) })
      .where('id', '=', user.id)
      .execute();
    user.lastLogin = now;
  }

  /**
   * Insert a user (Django's `create_user()`/`create_superuser()`), password hashed.
   *
   * @example
   * await backend.createUser({ username: 'admin', password: 's3cret', isStaff: true, isSuperuser: true });
   */
  async createUser(fields: NewUser): Promise<User> {
    if (fields.username === '') throw new TypeError('A user needs a username.');
    const now = new Date();
    const row = {
      username: fields.username,
      password: await makePassword(fields.password),
      email: normalizeEmail(fields.email ?? ''),
      first_name: fields.firstName ?? '',
      last_name: fields.lastName ?? '',
      is_active: djangoBool(this.db, fields.isActive ?? true),
      is_staff: djangoBool(this.db, fields.isStaff ?? false),
      is_superuser: djangoBool(this.db, fields.isSuperuser ?? false),
      last_login: null,
      date_joined: djangoDatetime(this.db, now),
    };
    const inserted = await this.db
      .insertInto('auth_user')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    return (
      (await this.getUserByUsername(fields.username)) ??
      this.#user({ ...row, id: Number(inserted.id) })
    );
  }

  getAllPermissions(user: AuthUser): Promise<Set<string>> {
    if (!user.isActive || user.isAnonymous) return Promise.resolve(new Set());
    let cached = this.#permissionCache.get(user);
    if (cached === undefined) {
      cached = this.#loadPermissions(user);
      this.#permissionCache.set(user, cached);
    }
    return cached;
  }

  async #loadPermissions(user: AuthUser): Promise<Set<string>> {
    const db = this.db;
    const base = db
      .selectFrom('auth_permission')
      .innerJoin('django_content_type', 'django_content_type.id', 'auth_permission.content_type_id')
      .select(['django_content_type.app_label as app', 'auth_permission.codename as codename']);
    const rows = user.isSuperuser
      ? await base.execute()
      : await base
          .where((eb) =>
            eb.or([
              eb(
                'auth_permission.id',
                'in',
                db
                  .selectFrom('auth_user_user_permissions')
                  .select('permission_id')
                  .where('user_id', '=', Number(user.pk)),
              ),
              eb(
                'auth_permission.id',
                'in',
                db
                  .selectFrom('auth_group_permissions')
                  .innerJoin(
                    'auth_user_groups',
                    'auth_user_groups.group_id',
                    'auth_group_permissions.group_id',
                  )
                  .select('auth_group_permissions.permission_id')
                  .where('auth_user_groups.user_id', '=', Number(user.pk)),
              ),
            ]),
          )
          .execute();
    return new Set(rows.map((row) => `${row.app}.${row.codename}`));
  }

  async hasPerm(user: AuthUser, perm: string): Promise<boolean> {
    return user.isActive && (await this.getAllPermissions(user)).has(perm);
  }
}

// Django's BaseUserManager.normalize_email: the domain part lowercased.
function normalizeEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? email : email.slice(0, at) + email.slice(at).toLowerCase();
}

// For the operator's log only: why a stored password did not match.
function passwordProblem(encoded: string): string {
  if (!isPasswordUsable(encoded)) return 'the user has an unusable password';
  try {
    identifyHasher(encoded).mustUpdate(encoded);
  } catch (error) {
    return `the stored password hash cannot be checked (${error instanceof Error ? error.message : String(error)})`;
  }
  return 'wrong password';
}
