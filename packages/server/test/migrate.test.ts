/**
 * `reins migrate` over the `databases` setting: Django's lines, each migration once, the sessions
 * package's `django_session` table created through a real SQLite file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { sessionsMigrations } from '@reins/sessions';
import { describe, expect, it } from 'vitest';
import { createApp, silentLogger } from '../src/index.js';
import { migrateApp } from '../src/internal/cli/migrate.js';

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return {
    lines,
    io: {
      out: (line: string) => lines.out.push(line),
      err: (line: string) => lines.err.push(line),
    },
  };
}

describe('reins migrate', () => {
  it("applies each migration once, printing Django's lines", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reins-migrate-')), 'db.sqlite3');
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(file) }),
    });
    const app = createApp({
      rootUrlconf: [],
      logger: silentLogger,
      databases: {
        default: {
          kysely: () => db,
          migrations: {
            'sessions.0001_initial': sessionsMigrations['0001_initial']!,
            'articles.0001_initial': {
              up: async (kysely: Kysely<unknown>) => {
                await kysely.schema.createTable('article').addColumn('id', 'integer').execute();
              },
            },
          },
        },
      },
    });
    const first = capture();
    expect(await migrateApp(app, {}, first.io)).toBe(0);
    expect(first.lines.out).toEqual([
      'Operations to perform:',
      '  Apply all migrations: articles, sessions',
      'Running migrations:',
      '  Applying articles.0001_initial... OK',
      '  Applying sessions.0001_initial... OK',
    ]);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table'`.execute(db);
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['article', 'django_session']),
    );
    const again = capture();
    expect(await migrateApp(app, {}, again.io)).toBe(0);
    expect(again.lines.out.at(-1)).toBe('  No migrations to apply.');
    await db.destroy();
  });

  it('says how to configure databases when there are none', async () => {
    const { lines, io } = capture();
    expect(await migrateApp(createApp({ rootUrlconf: [], logger: silentLogger }), {}, io)).toBe(1);
    expect(lines.err[0]).toMatch(/no 'databases' setting\. Add databases: \{ default:/);
  });
});
