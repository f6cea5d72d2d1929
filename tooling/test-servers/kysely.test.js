// @ts-check
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { migrateToLatest, sqliteKysely, temporaryDirectory } from './kysely.js';

const cleanups = /** @type {(() => void)[]} */ ([]);
after(() => cleanups.forEach((cleanup) => cleanup()));

test('a temporary directory is removed by the cleanup it hands over', () => {
  /** @type {() => void} */
  let cleanup = () => {};
  const dir = temporaryDirectory('reins-kysely-', (fn) => (cleanup = fn));
  assert.ok(existsSync(dir));
  cleanup();
  assert.ok(!existsSync(dir));
});

test('migrateToLatest applies the migrations in name order and throws a failing one', async () => {
  const dir = temporaryDirectory('reins-kysely-', (fn) => cleanups.push(fn));
  const db = sqliteKysely(join(dir, 'db.sqlite3'));
  try {
    /** @type {Record<string, import('kysely').Migration>} */
    const migrations = {
      '0001_initial': {
        up: (db) => db.schema.createTable('note').addColumn('id', 'integer').execute(),
      },
      '0002_text': { up: (db) => db.schema.alterTable('note').addColumn('text', 'text').execute() },
    };
    await migrateToLatest(db, migrations);
    await sql`insert into note (id, text) values (1, 'hello')`.execute(db);
    const { rows } = await sql`select text from note`.execute(db);
    assert.deepEqual(rows, [{ text: 'hello' }]);
    await assert.rejects(
      migrateToLatest(db, {
        ...migrations,
        '0003_broken': { up: (db) => sql`create table note (id integer)`.execute(db) },
      }),
      /already exists/,
    );
  } finally {
    await db.destroy();
  }
});
