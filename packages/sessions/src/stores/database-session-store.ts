/**
 * The database session store (Django's `backends.db`): sessions in Django's `django_session`
 * table through Kysely — SQLite (better-sqlite3) by default, PostgreSQL (pg, pooled) by
 * configuration, or a Kysely instance of the project's. Rows are Django's own format, so Django
 * and reins share the table.
 *
 * @module
 */
import type { SecretKey } from '@reins/core/signing';
import { ImproperlyConfigured } from '@reins/core';
import type { Kysely } from 'kysely';
import type { AnyKysely } from './internal/any-client.js';
import { generateSessionKey } from '../generate-session-key.js';
import { decodeSessionData, encodeSessionData } from '../session-data-codec.js';
import type { SessionData, SessionSaveOptions, SessionStore } from '../session-store.js';
import { UpdateError } from '../session-store.js';
import { sqliteDatetime } from './internal/django-datetime.js';
import { loadOptional } from './internal/load-optional.js';
import { isPlausibleSessionKey, MAX_CREATE_ATTEMPTS } from './internal/session-key.js';
import type { SqlDialect } from './internal/sql-dialect.js';
import { sqlDialectOf } from './internal/sql-dialect.js';
import { CLEAR_EXPIRED, clearFailed, storeError } from './internal/store-error.js';

/** Django's `django_session` table, as Kysely sees it. */
interface DjangoSessionTable {
  session_key: string;
  session_data: string;
  expire_date: string | Date;
}
interface SessionTables {
  django_session: DjangoSessionTable;
}

/**
 * Options of {@link DatabaseSessionStore}: give at most one of `sqlite`, `postgres` and `db`.
 *
 * @example
 * const options: DatabaseSessionStoreOptions = { secretKey: settings.secretKey, postgres: process.env.DATABASE_URL };
 */
export interface DatabaseSessionStoreOptions {
  /** The project's `secretKey`: session data is signed with it, as Django does. */
  secretKey: SecretKey;
  /** Older keys still accepted when reading (`secretKeyFallbacks`). */
  secretKeyFallbacks?: readonly SecretKey[] | undefined;
  /** The SQLite file (needs `kysely` and `better-sqlite3`); the default, `'db.sqlite3'` as Django's. */
  sqlite?: string | undefined;
  /** A PostgreSQL URL, `postgres://user:password@host:5432/name` (needs `kysely` and `pg`). */
  postgres?: string | undefined;
  /** A Kysely instance of the project's (SQLite or PostgreSQL); `close()` leaves it open. */
  db?: AnyKysely | undefined;
  /** PostgreSQL pool: connections (default 10). */
  poolSize?: number | undefined;
  /** How long to wait for a connection or a query before the store throws, ms (default 5000). */
  timeout?: number | undefined;
}

const SETTING = 'sessionStore';

// SQLite holds Django's 'YYYY-MM-DD HH:MM:SS[.ffffff]' text in UTC; PostgreSQL gives a Date.
function parseDatetime(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T') + 'Z');
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    // Not quoted: a URL may carry a password.
    throw new ImproperlyConfigured(
      `The database session store's postgres URL is not a URL; write it as 'postgres://user:password@host:5432/name'.`,
      { setting: SETTING },
    );
  }
}

/**
 * Sessions in Django's `django_session` table (create it with {@link sessionsMigrations}, or
 * share the one Django's `migrate` made): SQLite by default, PostgreSQL by configuration.
 *
 * @example
 * sessionStore: new DatabaseSessionStore({ secretKey: settings.secretKey, sqlite: 'db.sqlite3' });
 */
export class DatabaseSessionStore implements SessionStore {
  readonly name: string;
  readonly sync = false;
  readonly #options: DatabaseSessionStoreOptions;
  readonly #decodeOptions: { fallbackKeys?: readonly SecretKey[] | undefined };
  #connecting: Promise<{ db: Kysely<SessionTables>; dialect: SqlDialect }> | undefined;
  #owned = false;

  constructor(options: DatabaseSessionStoreOptions) {
    const given = (['sqlite', 'postgres', 'db'] as const).filter((k) => options[k] !== undefined);
    if (given.length > 1) {
      throw new ImproperlyConfigured(
        `The database session store takes one of sqlite, postgres and db; it was given ${given.join(' and ')}. Keep the one the sessions live in.`,
        { setting: SETTING },
      );
    }
    if (options.secretKey === undefined || options.secretKey.length === 0) {
      throw new ImproperlyConfigured(
        'The database session store signs session data with secretKey, which is empty; set secretKey in the settings.',
        { setting: 'secretKey' },
      );
    }
    this.#options = options;
    this.#decodeOptions = { fallbackKeys: options.secretKeyFallbacks };
    this.name =
      options.postgres !== undefined
        ? `database session store (PostgreSQL ${describeUrl(options.postgres)})`
        : options.db !== undefined
          ? 'database session store'
          : `database session store (SQLite ${options.sqlite ?? 'db.sqlite3'})`;
  }

  async load(sessionKey: string): Promise<SessionData | null> {
    if (!isPlausibleSessionKey(sessionKey)) return null;
    return this.#run('load', async (db, dialect) => {
      const row = await db
        .selectFrom('django_session')
        .select('session_data')
        .where('session_key', '=', sessionKey)
        .where('expire_date', '>', this.#datetime(new Date(), dialect))
        .executeTakeFirst();
      return row === undefined
        ? null
        : decodeSessionData(row.session_data, this.#options.secretKey, this.#decodeOptions);
    });
  }

  /**
   * The data and expiry of a live session (what the cached-db store caches, for the rest of the
   * session's life), or `null`.
   *
   * @example
   * const row = await store.loadWithExpiry(key); // { data: { visits: 1 }, expireDate: Date }
   */
  async loadWithExpiry(
    sessionKey: string,
  ): Promise<{ data: SessionData; expireDate: Date } | null> {
    if (!isPlausibleSessionKey(sessionKey)) return null;
    return this.#run('load', async (db, dialect) => {
      const row = await db
        .selectFrom('django_session')
        .select(['session_data', 'expire_date'])
        .where('session_key', '=', sessionKey)
        .where('expire_date', '>', this.#datetime(new Date(), dialect))
        .executeTakeFirst();
      if (row === undefined) return null;
      const data = decodeSessionData(
        row.session_data,
        this.#options.secretKey,
        this.#decodeOptions,
      );
      return { data, expireDate: parseDatetime(row.expire_date) };
    });
  }

  async save(
    sessionKey: string | null,
    data: SessionData,
    options: SessionSaveOptions,
  ): Promise<string> {
    const sessionData = encodeSessionData(data, this.#options.secretKey);
    // Django: a session without a key is created, never updated.
    if (!options.mustCreate && sessionKey !== null) {
      if (!isPlausibleSessionKey(sessionKey)) throw new UpdateError(this.name, sessionKey);
      const updated = await this.#run('save', (db, dialect) =>
        db
          .updateTable('django_session')
          .set({
            session_data: sessionData,
            expire_date: this.#datetime(options.expireDate, dialect),
          })
          .where('session_key', '=', sessionKey)
          .executeTakeFirst(),
      );
      // Django's force_update: no row means the session was deleted meanwhile (UpdateError).
      if (updated.numUpdatedRows === 0n) throw new UpdateError(this.name, sessionKey);
      return sessionKey;
    }
    let candidate = isPlausibleSessionKey(sessionKey) ? sessionKey : generateSessionKey();
    for (let attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
      const key = candidate;
      const inserted = await this.#run('create', (db, dialect) =>
        db
          .insertInto('django_session')
          .values({
            session_key: key,
            session_data: sessionData,
            expire_date: this.#datetime(options.expireDate, dialect),
          })
          .onConflict((conflict) => conflict.column('session_key').doNothing())
          .executeTakeFirst(),
      );
      if (inserted.numInsertedOrUpdatedRows !== 0n) return key;
      // Django's CreateError: the key is taken; try another.
      candidate = generateSessionKey();
    }
    throw storeError(
      this.name,
      'create',
      new Error('every fresh key was taken'),
      `The ${this.name} found ${MAX_CREATE_ATTEMPTS} fresh session keys in a row already taken; the django_session table cannot be trusted.`,
    );
  }

  async exists(sessionKey: string): Promise<boolean> {
    if (!isPlausibleSessionKey(sessionKey)) return false;
    // Django's exists() ignores expire_date: an expired row still holds its key until clearsessions.
    return this.#run('look up', async (db) => {
      const row = await db
        .selectFrom('django_session')
        .select('session_key')
        .where('session_key', '=', sessionKey)
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  async delete(sessionKey: string): Promise<void> {
    if (!isPlausibleSessionKey(sessionKey)) return;
    await this.#run('delete', (db) =>
      db.deleteFrom('django_session').where('session_key', '=', sessionKey).execute(),
    );
  }

  async clearExpired(): Promise<void> {
    await this.#run(CLEAR_EXPIRED, (db, dialect) =>
      db
        .deleteFrom('django_session')
        .where('expire_date', '<', this.#datetime(new Date(), dialect))
        .execute(),
    );
  }

  async close(): Promise<void> {
    const connecting = this.#connecting;
    this.#connecting = undefined;
    if (connecting === undefined || !this.#owned) return;
    const { db } = await connecting.catch(() => ({ db: undefined }));
    await db?.destroy();
  }

  #datetime(date: Date, dialect: SqlDialect): string | Date {
    return dialect === 'sqlite' ? sqliteDatetime(date) : date;
  }

  async #run<T>(
    action: string,
    work: (db: Kysely<SessionTables>, dialect: SqlDialect) => Promise<T>,
  ): Promise<T> {
    this.#connecting ??= this.#connect();
    let connection: { db: Kysely<SessionTables>; dialect: SqlDialect };
    try {
      connection = await this.#connecting;
    } catch (error) {
      // A failed start is tried again on the next request (the package may be installed later in
      // a REPL; the database may come up).
      this.#connecting = undefined;
      throw error;
    }
    try {
      return await work(connection.db, connection.dialect);
    } catch (error) {
      const failure = storeError(this.name, action, error, clearFailed(this.name, action, error));
      if (/no such table|relation "django_session" does not exist/.test(failure.message)) {
        failure.message += ` The django_session table is missing: run sessionsMigrations with Kysely's Migrator (see the @reins/sessions README), or Django's \`migrate\`.`;
      }
      throw failure;
    }
  }

  async #connect(): Promise<{ db: Kysely<SessionTables>; dialect: SqlDialect }> {
    const options = this.#options;
    if (options.db !== undefined) {
      return { db: options.db as Kysely<SessionTables>, dialect: sqlDialectOf(options.db) };
    }
    const timeout = options.timeout ?? 5000;
    const kysely = await loadOptional('kysely', this.name, SETTING, () => import('kysely'));
    this.#owned = true;
    if (options.postgres !== undefined) {
      const pg = await loadOptional('pg', this.name, SETTING, () => import('pg'));
      const pool = new pg.default.Pool({
        connectionString: options.postgres,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: timeout,
        query_timeout: timeout,
      });
      // An idle connection dropped by the server (a restart) is replaced on the next query; without a
      // listener, pg's 'error' event would end the process.
      pool.on('error', () => {});
      const db = new kysely.Kysely<SessionTables>({
        dialect: new kysely.PostgresDialect({ pool }),
      });
      return { db, dialect: 'postgres' };
    }
    const { default: Database } = await loadOptional(
      'better-sqlite3',
      this.name,
      SETTING,
      () => import('better-sqlite3'),
    );
    const filename = options.sqlite ?? 'db.sqlite3';
    const db = new kysely.Kysely<SessionTables>({
      dialect: new kysely.SqliteDialect({
        database: () => Promise.resolve(new Database(filename, { timeout })),
      }),
    });
    return { db, dialect: 'sqlite' };
  }
}
