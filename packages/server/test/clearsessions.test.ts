/**
 * `reins clearsessions` as a real process on an application whose `sessionStore` is the database
 * store on a SQLite file: expired rows go, live ones stay.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSessionStore, sessionsMigrations } from '@reins/sessions';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';

const PACKAGE = resolve(import.meta.dirname, '..');
const CLI = join(PACKAGE, 'src/cli.ts');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;

const dir = mkdtempSync(join(tmpdir(), 'reins-clearsessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reins clearsessions', { timeout: 90_000 }, () => {
  it('removes the expired sessions of the configured store and keeps the live ones', async () => {
    const file = join(dir, 'db.sqlite3');
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(file) }),
    });
    const migrated = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve({ ...sessionsMigrations }) },
    }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    await db.destroy();
    const store = new DatabaseSessionStore({ secretKey: 'any key for writing', sqlite: file });
    const save = (seconds: number) =>
      store.save(
        null,
        { n: seconds },
        {
          expireDate: new Date(Date.now() + seconds * 1000),
          expiryAge: seconds,
          mustCreate: true,
        },
      );
    const expired = await save(-60);
    const live = await save(3600);
    await store.close();

    const result = spawnSync(
      process.execPath,
      [
        '--conditions=@reins/source',
        '--import',
        TSX,
        CLI,
        'clearsessions',
        '--app',
        'test/fixtures/sessions-app.ts',
      ],
      {
        cwd: PACKAGE,
        env: { ...process.env, REINS_TEST_SESSIONS_DB: file },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const raw = new Database(file, { readonly: true });
    const keys = raw.prepare('SELECT session_key FROM django_session').pluck().all();
    raw.close();
    expect(keys).toEqual([live]);
    expect(keys).not.toContain(expired);
  });

  it('does nothing, successfully, for an application on the default cookie store', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--conditions=@reins/source',
        '--import',
        TSX,
        CLI,
        'clearsessions',
        '--app',
        'test/fixtures/app.ts',
      ],
      { cwd: PACKAGE, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
