/**
 * {@link DatabaseCache}: Django's `DatabaseCache` through Kysely (an optional peer dependency),
 * on the table `reins createcachetable` makes with Django's layout: `cache_key varchar(255)
 * primary key`, `value text`, `expires` datetime (indexed). Values are base64 text as in Django,
 * but of MessagePack rather than pickle, so reins and Django cannot read each other's values.
 * On SQLite the expiry is written as Django writes datetimes there (`'YYYY-MM-DD HH:MM:SS.ffffff'`,
 * UTC); on other databases as a timestamp.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import type { Kysely } from 'kysely';
import { BaseCache, MISSING, type BaseCacheOptions, type Maybe } from '../base-cache.js';
import { CacheBackendUnavailable } from '../errors.js';
import { decodeValue, encodeValue } from '../internal/codec.js';

/** A row of Django's cache table. */
export interface CacheTableRow {
  cache_key: string;
  value: string;
  expires: string | Date;
}

// Kysely's table names are types; the cache table's name is a setting.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Options of {@link DatabaseCache}.
 *
 * @example
 * const options: DatabaseCacheOptions = { db, location: 'my_cache_table' };
 */
export interface DatabaseCacheOptions extends BaseCacheOptions {
  /** The Kysely instance to use. */
  db: AnyDb;
  /** The table name (Django's `LOCATION`). */
  location: string;
  /** Rows kept before culling (`MAX_ENTRIES`); default 300. */
  maxEntries?: number;
  /** When over, delete 1/`cullFrequency` of the rows (`CULL_FREQUENCY`); 0 empties; default 3. */
  cullFrequency?: number;
}

const FOREVER = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function isSqlite(db: AnyDb): boolean {
  const adapter = db.getExecutor().adapter as object;
  return adapter.constructor.name.toLowerCase().includes('sqlite');
}

function pad(number: number, width = 2): string {
  return String(number).padStart(width, '0');
}

/** Django's SQLite datetime text, UTC, with microseconds. */
function sqliteDatetime(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`
  );
}

/**
 * What {@link createCacheTable} did: created the table, found it there, or (dry run) only wrote
 * the SQL it would run.
 */
export interface CreateCacheTableResult {
  status: 'created' | 'exists' | 'dry-run';
  /** The statements run (or that would run). */
  sql: string[];
}

/**
 * Create Django's cache table `table` unless it exists (what `reins createcachetable` runs).
 *
 * @example
 * await createCacheTable(db, 'my_cache_table');
 */
export async function createCacheTable(
  db: AnyDb,
  table: string,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<CreateCacheTableResult> {
  const sqlite = isSqlite(db);
  const create = db.schema
    .createTable(table)
    .addColumn('cache_key', 'varchar(255)', (column) => column.notNull().primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('expires', sqlite ? 'datetime' : 'timestamptz', (column) => column.notNull());
  const index = db.schema.createIndex(`${table}_expires`).on(table).column('expires');
  const sql = [create.compile().sql + ';', index.compile().sql + ';'];
  if (dryRun) return { status: 'dry-run', sql };
  const tables = await db.introspection.getTables();
  if (tables.some((existing) => existing.name === table)) return { status: 'exists', sql: [] };
  await db.transaction().execute(async (trx) => {
    await trx.schema
      .createTable(table)
      .addColumn('cache_key', 'varchar(255)', (column) => column.notNull().primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('expires', sqlite ? 'datetime' : 'timestamptz', (column) => column.notNull())
      .execute();
    await trx.schema.createIndex(`${table}_expires`).on(table).column('expires').execute();
  });
  return { status: 'created', sql };
}

/**
 * The database cache (Django's `db.DatabaseCache`) through Kysely.
 *
 * @example
 * configureCaches({ default: { backend: 'database', db, location: 'my_cache_table' } });
 */
export class DatabaseCache extends BaseCache {
  readonly db: AnyDb;
  readonly table: string;
  readonly maxEntries: number;
  readonly cullFrequency: number;
  readonly #sqlite: boolean;

  constructor(options: DatabaseCacheOptions) {
    super(options);
    this.db = options.db;
    this.table = options.location;
    this.maxEntries = Math.max(1, Math.trunc(Number(options.maxEntries ?? 300)) || 300);
    const cull = Math.trunc(Number(options.cullFrequency ?? 3));
    this.cullFrequency = Number.isFinite(cull) && cull >= 0 ? cull : 3;
    this.#sqlite = isSqlite(options.db);
  }

  #time(ms: number | null): string | Date {
    const at = ms === null ? FOREVER : Math.min(ms, FOREVER);
    return this.#sqlite ? sqliteDatetime(at) : new Date(at);
  }

  #expired(expires: string | Date, now: number): boolean {
    if (expires instanceof Date) return expires.getTime() < now;
    return expires < sqliteDatetime(now);
  }

  async #run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof TypeError || CacheBackendUnavailable.isInstance(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new CacheBackendUnavailable(
        `The cache '${this.alias}' (database table '${this.table}') failed: ${reason}. Check the database connection, and run 'reins createcachetable' if the table is missing.`,
        { cause: error },
      );
    }
  }

  protected override rawGetMany(keys: readonly string[]): Promise<Maybe[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.#run(async () => {
      const rows = (await this.db
        .selectFrom(this.table)
        .select(['cache_key', 'value', 'expires'])
        .where('cache_key', 'in', [...keys])
        .execute()) as CacheTableRow[];
      const now = Date.now();
      const found = new Map<string, unknown>();
      const expired: string[] = [];
      for (const row of rows) {
        if (this.#expired(row.expires, now)) expired.push(row.cache_key);
        else found.set(row.cache_key, decodeValue(Buffer.from(row.value, 'base64')));
      }
      if (expired.length > 0) {
        await this.db.deleteFrom(this.table).where('cache_key', 'in', expired).execute();
      }
      return keys.map((key) => (found.has(key) ? found.get(key) : MISSING));
    });
  }

  protected async rawGet(key: string): Promise<Maybe> {
    return (await this.rawGetMany([key]))[0] ?? MISSING;
  }

  /** Django's `_base_set`: set, add or touch one row, culling first when the table is full. */
  async #baseSet(
    mode: 'set' | 'add' | 'touch',
    key: string,
    value: unknown,
    expiresAt: number | null,
  ): Promise<boolean> {
    const encoded =
      mode === 'touch'
        ? ''
        : encodeValue(value, this.maxValueBytes, key, this.alias).toString('base64');
    return this.#run(async () => {
      const { count } = await this.db
        .selectFrom(this.table)
        .select((eb) => eb.fn.countAll().as('count'))
        .executeTakeFirstOrThrow();
      const now = Date.now();
      if (Number(count) > this.maxEntries) await this.#cull(now);
      const expires = this.#time(expiresAt);
      return this.db.transaction().execute(async (trx) => {
        const current = (await trx
          .selectFrom(this.table)
          .select(['cache_key', 'expires'])
          .where('cache_key', '=', key)
          .executeTakeFirst()) as CacheTableRow | undefined;
        if (
          current &&
          (mode === 'set' || (mode === 'add' && this.#expired(current.expires, now)))
        ) {
          await trx
            .updateTable(this.table)
            .set({ value: encoded, expires })
            .where('cache_key', '=', key)
            .execute();
          return true;
        }
        if (current && mode === 'touch') {
          await trx.updateTable(this.table).set({ expires }).where('cache_key', '=', key).execute();
          return true;
        }
        if (!current && mode !== 'touch') {
          await trx
            .insertInto(this.table)
            .values({ cache_key: key, value: encoded, expires })
            .execute();
          return true;
        }
        return false;
      });
    });
  }

  async #cull(now: number): Promise<void> {
    if (this.cullFrequency === 0) {
      await this.db.deleteFrom(this.table).execute();
      return;
    }
    await this.db.deleteFrom(this.table).where('expires', '<', this.#time(now)).execute();
    const { count } = await this.db
      .selectFrom(this.table)
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    const total = Number(count);
    if (total <= this.maxEntries) return;
    const cullNumber = Math.floor(total / this.cullFrequency);
    const boundary = await this.db
      .selectFrom(this.table)
      .select('cache_key')
      .orderBy('cache_key')
      .limit(1)
      .offset(cullNumber)
      .executeTakeFirst();
    if (boundary) {
      await this.db.deleteFrom(this.table).where('cache_key', '<', boundary.cache_key).execute();
    }
  }

  protected async rawSet(key: string, value: unknown, expiresAt: number | null): Promise<void> {
    await this.#baseSet('set', key, value, expiresAt);
  }

  protected rawAdd(key: string, value: unknown, expiresAt: number | null): Promise<boolean> {
    return this.#baseSet('add', key, value, expiresAt);
  }

  protected rawTouch(key: string, expiresAt: number | null): Promise<boolean> {
    return this.#baseSet('touch', key, null, expiresAt);
  }

  protected rawDelete(key: string): Promise<boolean> {
    return this.#run(async () => {
      const result = await this.db
        .deleteFrom(this.table)
        .where('cache_key', '=', key)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  protected override rawDeleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return Promise.resolve();
    return this.#run(async () => {
      await this.db
        .deleteFrom(this.table)
        .where('cache_key', 'in', [...keys])
        .execute();
    });
  }

  /** Django's `has_key`: a live row exists. */
  override async has(key: string, version?: number): Promise<boolean> {
    const made = this.key(key, version);
    return this.#run(async () => {
      const row = await this.db
        .selectFrom(this.table)
        .select('cache_key')
        .where('cache_key', '=', made)
        .where('expires', '>', this.#time(Date.now()))
        .executeTakeFirst();
      return row !== undefined;
    });
  }

  clear(): Promise<void> {
    return this.#run(async () => {
      await this.db.deleteFrom(this.table).execute();
    });
  }
}
