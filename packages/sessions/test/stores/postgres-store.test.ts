import type { TestServer } from '@reins/test-servers';
import { missingServer, startPostgres } from '@reins/test-servers';
import { postgresKysely } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { SessionStoreError } from '../../src/session-errors.js';
import { runStoreContract } from '../store-contract.js';
import { migrate, SECRET_KEY } from './support.js';

const missing = missingServer('postgres');
if (missing !== undefined) console.warn(`PostgreSQL session store tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('database session store on a real PostgreSQL', () => {
  let server: TestServer;
  let admin: Kysely<any>;
  beforeAll(async () => {
    server = await startPostgres();
    admin = postgresKysely(server.url);
    await migrate(admin);
  });
  afterAll(async () => {
    await admin?.destroy();
    await server?.stop();
  });

  runStoreContract('PostgreSQL database session store', async () => {
    await sql`TRUNCATE django_session`.execute(admin);
    return new DatabaseSessionStore({ secretKey: SECRET_KEY, postgres: server.url, poolSize: 2 });
  });

  it("creates Django 3.2's django_session table, column types and both indexes", async () => {
    const columns = await sql<{
      column_name: string;
      data_type: string;
      character_maximum_length: number | null;
      is_nullable: string;
    }>`
      SELECT column_name, data_type, character_maximum_length, is_nullable
      FROM information_schema.columns WHERE table_name = 'django_session' ORDER BY ordinal_position`.execute(
      admin,
    );
    expect(columns.rows).toEqual([
      {
        column_name: 'session_key',
        data_type: 'character varying',
        character_maximum_length: 40,
        is_nullable: 'NO',
      },
      {
        column_name: 'session_data',
        data_type: 'text',
        character_maximum_length: null,
        is_nullable: 'NO',
      },
      {
        column_name: 'expire_date',
        data_type: 'timestamp with time zone',
        character_maximum_length: null,
        is_nullable: 'NO',
      },
    ]);
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'django_session' ORDER BY indexname`.execute(
      admin,
    );
    expect(indexes.rows.map((row) => row.indexname)).toEqual([
      'django_session_expire_date_a5c62663',
      'django_session_pkey',
      'django_session_session_key_c0390e0f_like',
    ]);
    expect(indexes.rows[2]?.indexdef).toContain('varchar_pattern_ops');
  });

  it('throws an error naming the store while PostgreSQL is down, then works again after a restart', async () => {
    const store = new DatabaseSessionStore({
      secretKey: SECRET_KEY,
      postgres: server.url,
      timeout: 5000,
    });
    const key = await store.save(
      null,
      { n: 1 },
      {
        expireDate: new Date(Date.now() + 60_000),
        expiryAge: 60,
        mustCreate: true,
      },
    );
    // The test server runs with synchronous_commit off: make the table and row survive the crash.
    await sql`CHECKPOINT`.execute(admin);
    await server.kill();
    // Backends can outlive a killed postmaster for a moment and answer one last query.
    let error: unknown;
    for (let tries = 0; tries < 50 && error === undefined; tries++) {
      error = await store.load(key).then(
        () => undefined,
        (e: unknown) => e,
      );
    }
    expect(SessionStoreError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(
      `The database session store (PostgreSQL 127.0.0.1:${server.port}/postgres) failed to load a session`,
    );
    await server.restart();
    let loaded: unknown = 'never reconnected';
    for (let tries = 0; tries < 50; tries++) {
      try {
        loaded = await store.load(key);
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(loaded).toEqual({ n: 1 });
    const again = await store.save(
      null,
      { back: true },
      {
        expireDate: new Date(Date.now() + 60_000),
        expiryAge: 60,
        mustCreate: true,
      },
    );
    expect(await store.load(again)).toEqual({ back: true });
    await store.close();
  });

  it('never shows the password of its URL in its name', () => {
    const store = new DatabaseSessionStore({
      secretKey: SECRET_KEY,
      postgres: 'postgres://reins:hunter2@db.example:6543/site',
    });
    expect(store.name).toBe('database session store (PostgreSQL db.example:6543/site)');
  });
});
