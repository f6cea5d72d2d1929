/**
 * Django's auth tables as Kysely sees them (`auth_user`, `auth_group`, `auth_permission`, the
 * many-to-many tables and `django_content_type`), the columns Django 3.2's migrations create.
 *
 * @module
 */
import type { Generated } from 'kysely';

/**
 * The tables of Django's `contrib.auth` and `contrib.contenttypes`, for a typed `Kysely<AuthTables>`.
 *
 * @example
 * const db = new Kysely<AuthTables>({ dialect: new SqliteDialect({ database: new Database('db.sqlite3') }) });
 */
export interface AuthTables {
  auth_user: {
    id: Generated<number>;
    password: string;
    last_login: string | Date | null;
    is_superuser: boolean | number;
    username: string;
    first_name: string;
    last_name: string;
    email: string;
    is_staff: boolean | number;
    is_active: boolean | number;
    date_joined: string | Date;
  };
  auth_group: { id: Generated<number>; name: string };
  auth_permission: {
    id: Generated<number>;
    name: string;
    content_type_id: number;
    codename: string;
  };
  auth_group_permissions: { id: Generated<number>; group_id: number; permission_id: number };
  auth_user_groups: { id: Generated<number>; user_id: number; group_id: number };
  auth_user_user_permissions: { id: Generated<number>; user_id: number; permission_id: number };
  django_content_type: { id: Generated<number>; app_label: string; model: string };
}
