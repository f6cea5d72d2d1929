/**
 * `reins migrate` as a real process on SQLite and on a real PostgreSQL: the sets apply in the
 * order the app lists them, a second run applies nothing, `--list` shows what is applied, and an
 * app listed later in front of the others (auth landing after pages) still applies. In process,
 * `applyMigrations` on a real SQLite file: the tables exist afterwards, and a package's set keyed
 * with its own label (`authMigrations`' `auth.0001_initial`) is recorded once under it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sessionsMigrations } from '@reins/sessions';
import { missingServer, startPostgres, type TestServer } from '@reins/test-servers';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, defineMigrations, showMigrations } from '../src/index.js';

const PACKAGE = resolve(import.meta.dirname, '..');
const CLI = join(PACKAGE, 'src/cli.ts');
const TSX = pathToFileURL(createRequire(join(PACKAGE, 'package.json')).resolve('tsx')).href;

function migrate(db: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(
    process.execPath,
    [
      '--conditions=@reins/source',
      '--import',
      TSX,
      CLI,
      'migrate',
      '--app',
      'test/fixtures/migrations-app.ts',
      ...args,
    ],
    {
      cwd: PACKAGE,
      env: { ...process.env, REINS_TEST_DB: db, ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scenario(database: () => string): void {
  it('lists, applies in order, applies nothing twice, and applies a set added in front', () => {
    const db = database();
    const before = migrate(db, ['--list']);
    expect(before.stderr).toBe('');
    expect(before.stdout).toBe(
      'sessions\n [ ] 0001_initial\npages\n [ ] 0001_initial\n [ ] 0002_note\n',
    );

    const first = migrate(db);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(
      [
        'Operations to perform:',
        '  Apply all migrations: pages, sessions',
        'Running migrations:',
        '  Applying sessions.0001_initial... OK',
        '  Applying pages.0001_initial... OK',
        '  Applying pages.0002_note... OK',
        '',
      ].join('\n'),
    );

    const again = migrate(db);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('  No migrations to apply.\n');

    const withAuth = migrate(db, [], { REINS_TEST_WITH_AUTH: '1' });
    expect(withAuth.stderr).toBe('');
    expect(withAuth.stdout).toContain('  Applying auth.0001_initial... OK\n');
    expect(withAuth.stdout).not.toContain('pages.0001_initial');

    const after = migrate(db, ['--list'], { REINS_TEST_WITH_AUTH: '1' });
    expect(after.stdout).toBe(
      'sessions\n [X] 0001_initial\nauth\n [X] 0001_initial\npages\n [X] 0001_initial\n [X] 0002_note\n',
    );
  });
}

describe('reins migrate on SQLite', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'reins-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  scenario(() => join(dir, 'db.sqlite3'));

  it('says what to export when the app module has no migrations', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--conditions=@reins/source',
        '--import',
        TSX,
        CLI,
        'migrate',
        '--app',
        'test/fixtures/app.ts',
      ],
      { cwd: PACKAGE, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "CommandError: The module 'test/fixtures/app.ts' exports no database migrations.",
    );
  });
});

describe('applyMigrations on a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reins-apply-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the tables, prints Django's lines, and applies nothing twice", async () => {
    const db = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new Database(join(dir, 'db.sqlite3')) }),
    });
    const config = defineMigrations({
      db,
      apps: {
        sessions: sessionsMigrations,
        // Keyed with its label, as @reins/auth's authMigrations are.
        auth: {
          'auth.0001_initial': {
            up: async (kysely: Kysely<unknown>) => {
              await kysely.schema.createTable('auth_user').addColumn('id', 'integer').execute();
            },
          },
        },
        articles: {
          '0001_initial': {
            up: async (kysely: Kysely<unknown>) => {
              await kysely.schema.createTable('article').addColumn('id', 'integer').execute();
            },
          },
        },
      },
    });
    const lines: string[] = [];
    expect(await applyMigrations(config, { log: (line) => lines.push(line) })).toEqual({
      applied: ['sessions.0001_initial', 'auth.0001_initial', 'articles.0001_initial'],
    });
    expect(lines).toEqual([
      '  Applying sessions.0001_initial... OK',
      '  Applying auth.0001_initial... OK',
      '  Applying articles.0001_initial... OK',
    ]);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table'`.execute(db);
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['article', 'auth_user', 'django_session', 'reins_migration']),
    );
    expect(await showMigrations(config)).toEqual([
      { app: 'sessions', name: '0001_initial', applied: true },
      { app: 'auth', name: '0001_initial', applied: true },
      { app: 'articles', name: '0001_initial', applied: true },
    ]);
    expect(await applyMigrations(config)).toEqual({ applied: [] });
    await db.destroy();
  });
});

const noPostgres = missingServer('postgres');
describe.skipIf(noPostgres !== undefined)(
  `reins migrate on PostgreSQL${noPostgres === undefined ? '' : ` (skipped: ${noPostgres})`}`,
  { timeout: 180_000 },
  () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(async () => {
      await server?.stop();
    });
    scenario(() => server.url);
  },
);
