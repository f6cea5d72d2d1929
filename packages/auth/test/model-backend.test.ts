import { join } from 'node:path';
import type { TestServer } from '@reins/test-servers';
import { missingServer, startPostgres } from '@reins/test-servers';
import { postgresKysely, sqliteKysely } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { runModelBackendContract } from './model-backend-contract.js';
import { migrate, tempDir } from './support/database.js';

const dir = tempDir();
let count = 0;
const open: Kysely<any>[] = [];
afterAll(async () => {
  for (const db of open) await db.destroy();
});

runModelBackendContract('SQLite', async () => {
  const db = sqliteKysely(join(dir, `auth-${++count}.sqlite3`));
  open.push(db);
  await migrate(db);
  return db;
});

const missing = missingServer('postgres');
if (missing !== undefined) console.warn(`PostgreSQL model backend tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('on a real PostgreSQL', () => {
  let server: TestServer;
  let db: Kysely<any>;
  beforeAll(async () => {
    server = await startPostgres();
    db = postgresKysely(server.url);
    await migrate(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });
  runModelBackendContract('PostgreSQL', async () => {
    await sql`TRUNCATE auth_user_user_permissions, auth_user_groups, auth_group_permissions, auth_user, auth_group, auth_permission, django_content_type RESTART IDENTITY CASCADE`.execute(
      db,
    );
    return db;
  });
});
