import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteKysely } from '@reins/test-servers/kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { SessionStoreError } from '../../src/session-errors.js';
import { sessionsMigrations } from '../../src/stores/sessions-migrations.js';
import { runStoreContract } from '../store-contract.js';
import { migrate, SECRET_KEY, tempDir } from './support.js';

const dir = tempDir();
let files = 0;

async function freshFile(): Promise<string> {
  const file = join(dir, `sessions-${files++}.sqlite3`);
  const db = sqliteKysely(file);
  await migrate(db);
  await db.destroy();
  return file;
}

runStoreContract(
  'SQLite database session store',
  async () => new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: await freshFile() }),
);

describe('SQLite database session store', () => {
  let file: string;
  beforeAll(async () => {
    file = await freshFile();
  });

  it("creates Django 3.2's django_session table, columns, types and index", () => {
    const raw = new Database(file, { readonly: true });
    const columns = raw.prepare(`PRAGMA table_info('django_session')`).all() as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    const indexes = raw.prepare(`PRAGMA index_list('django_session')`).all() as { name: string }[];
    raw.close();
    expect(columns.map((c) => [c.name, c.type.toLowerCase(), c.notnull, c.pk])).toEqual([
      ['session_key', 'varchar(40)', 1, 1],
      ['session_data', 'text', 1, 0],
      ['expire_date', 'datetime', 1, 0],
    ]);
    expect(indexes.map((index) => index.name)).toContain('django_session_expire_date_a5c62663');
  });

  it('leaves a django_session table that exists already (made by Django) alone', async () => {
    const db = sqliteKysely(file);
    await sessionsMigrations['0001_initial']!.up(db);
    await db.destroy();
  });

  it("writes expire_date as Django does on SQLite: UTC 'YYYY-MM-DD HH:MM:SS.ffffff'", async () => {
    const store = new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
    const withMs = await store.save(
      null,
      {},
      {
        expireDate: new Date(Date.UTC(2031, 0, 2, 3, 4, 5, 678)),
        expiryAge: 1,
        mustCreate: true,
      },
    );
    const whole = await store.save(
      null,
      {},
      {
        expireDate: new Date(Date.UTC(2031, 0, 2, 3, 4, 5)),
        expiryAge: 1,
        mustCreate: true,
      },
    );
    await store.close();
    const raw = new Database(file, { readonly: true });
    const dateOf = (key: string): unknown =>
      raw.prepare('SELECT expire_date FROM django_session WHERE session_key = ?').pluck().get(key);
    expect(dateOf(withMs)).toBe('2031-01-02 03:04:05.678000');
    // Python's str(datetime) leaves the fraction out when it is zero.
    expect(dateOf(whole)).toBe('2031-01-02 03:04:05');
    raw.close();
  });

  it('stores the session data in Django 3.2 format, signed with the secret key', async () => {
    const store = new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
    const key = await store.save(
      null,
      { visits: 1 },
      {
        expireDate: new Date(Date.now() + 60_000),
        expiryAge: 60,
        mustCreate: true,
      },
    );
    await store.close();
    const other = new DatabaseSessionStore({
      secretKey: 'another key entirely, 50 characters long..',
      sqlite: file,
    });
    // A row signed with another key reads as an empty session (Django's decode), not an error.
    expect(await other.load(key)).toEqual({});
    const rotated = new DatabaseSessionStore({
      secretKey: 'a new key after rotation, 50 characters long.....',
      secretKeyFallbacks: [SECRET_KEY],
      sqlite: file,
    });
    expect(await rotated.load(key)).toEqual({ visits: 1 });
    await other.close();
    await rotated.close();
  });

  it('names the store and says to migrate when the table is missing', async () => {
    const store = new DatabaseSessionStore({
      secretKey: SECRET_KEY,
      sqlite: join(dir, 'empty.sqlite3'),
    });
    const error = await store.load('abcdefghijklmnopqrstuvwxyz012345').catch((e: unknown) => e);
    await store.close();
    expect(SessionStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('database session store (SQLite');
    expect((error as Error).message).toContain('sessionsMigrations');
  });

  it('uses a Kysely instance of the project and leaves it open on close()', async () => {
    const db = sqliteKysely(file);
    const store = new DatabaseSessionStore({ secretKey: SECRET_KEY, db });
    const key = await store.save(
      null,
      { shared: true },
      {
        expireDate: new Date(Date.now() + 60_000),
        expiryAge: 60,
        mustCreate: true,
      },
    );
    await store.close();
    const row = await db
      .selectFrom('django_session')
      .selectAll()
      .where('session_key', '=', key)
      .executeTakeFirst();
    expect(row).toBeDefined();
    await db.destroy();
  });

  it('refuses two databases at once, naming both', () => {
    expect(
      () =>
        new DatabaseSessionStore({
          secretKey: SECRET_KEY,
          sqlite: file,
          postgres: 'postgres://x@h/db',
        }),
    ).toThrow(/one of sqlite, postgres and db; it was given sqlite and postgres/);
  });
});
