import type { Kysely } from 'kysely';

// The model backend's queries are typed by AuthTables; a project's Kysely instance has its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>;

/** Which SQL dialect a Kysely instance speaks (SQLite binds booleans as 0/1; PostgreSQL has booleans). */
export function isPostgres(db: AnyKysely): boolean {
  const adapter = db.getExecutor().adapter;
  const name = adapter.constructor.name;
  if (name === 'SqliteAdapter') return false;
  if (name === 'PostgresAdapter') return true;
  return adapter.supportsTransactionalDdl;
}

/**
 * A DateTimeField as Django 3.2 writes it with `USE_TZ = True`: on SQLite the UTC time as
 * 'YYYY-MM-DD HH:MM:SS.ffffff' text (no fraction when it is 0), on PostgreSQL a Date.
 */
export function djangoDatetime(db: AnyKysely, date: Date): string | Date {
  if (isPostgres(db)) return date;
  // toISOString is 'YYYY-MM-DDTHH:MM:SS.mmmZ', always UTC; Python's str() drops a zero fraction.
  const iso = date.toISOString();
  const millis = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${millis === '000' ? '' : `.${millis}000`}`;
}

/** A DateTimeField read back: a Date from PostgreSQL, Django's UTC text from SQLite. */
export function readDatetime(value: string | Date | null): Date | null {
  if (value === null) return null;
  if (value instanceof Date) return value;
  return new Date(`${value.replace(' ', 'T')}${/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}`);
}

/** A BooleanField for this dialect. */
export function djangoBool(db: AnyKysely, value: boolean): boolean | number {
  return isPostgres(db) ? value : value ? 1 : 0;
}
