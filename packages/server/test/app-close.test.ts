/**
 * `app.close()` (what a server started with `handleSignals` runs after its drain): the databases
 * of `databases`, the session store and the caches are closed, each once, and a failing one does
 * not stop the others.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { DatabaseSessionStore } from '@reins/sessions';
import { describe, expect, it } from 'vitest';
import { createApp, silentLogger } from '../src/index.js';

describe('app.close()', () => {
  it('closes the databases (their close(), or the Kysely pool) and the session store', async () => {
    const raw = new Database(':memory:');
    const pooled = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    await sql`select 1`.execute(pooled);
    const closedByHand: string[] = [];
    const store = new DatabaseSessionStore({ secretKey: 'k'.repeat(50), db: pooled });
    const app = createApp({
      rootUrlconf: [],
      logger: silentLogger,
      sessionStore: store,
      databases: {
        default: { kysely: () => pooled },
        reports: {
          kysely: () => pooled,
          close: () => {
            closedByHand.push('reports');
            throw new Error('already gone');
          },
        },
      },
    });
    await app.close();
    expect(closedByHand).toEqual(['reports']);
    // Kysely's destroy() closed the better-sqlite3 connection of the default database.
    expect(raw.open).toBe(false);
  });
});
