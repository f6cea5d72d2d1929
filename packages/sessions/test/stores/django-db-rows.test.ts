import { join } from 'node:path';
import { missingDjango } from '@reins/test-servers/django';
import { sqliteKysely } from '@reins/test-servers/kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { DatabaseSessionStore } from '../../src/stores/database-session-store.js';
import { djangoDbRows, migrate, SECRET_KEY, tempDir } from './support.js';

const missing = missingDjango();
if (missing !== undefined) console.warn(`Django database-row tests skipped: ${missing}`);

const DATA = {
  visits: 3,
  user: { id: '42', name: 'Jörg ✓ 🐎' },
  ratio: 0.5,
  flag: true,
  nothing: null,
};
const inAnHour = () => ({ expireDate: new Date(Date.now() + 3_600_000), expiryAge: 3600 });

// Each test starts Python a few times (≈ 0.5 s each here, far more on a loaded CI machine).
const PYTHON_TIMEOUT = 180_000;

describe.skipIf(missing !== undefined)(
  "django_session rows shared with Django 3.2's database store",
  { timeout: PYTHON_TIMEOUT },
  () => {
    const dir = tempDir();
    let files = 0;

    describe.each([
      [
        "a table made by Django's migrate",
        (file: string) => {
          djangoDbRows('migrate', file);
          return Promise.resolve();
        },
      ],
      [
        'a table made by sessionsMigrations',
        async (file: string) => {
          const db = sqliteKysely(file);
          await migrate(db);
          await db.destroy();
        },
      ],
    ])('on %s', (_, createTable) => {
      let file: string;
      let store: DatabaseSessionStore;
      beforeEach(async () => {
        file = join(dir, `shared-${files++}.sqlite3`);
        await createTable(file);
        store = new DatabaseSessionStore({ secretKey: SECRET_KEY, sqlite: file });
        return () => store.close();
      }, PYTHON_TIMEOUT);

      it('reins reads a session Django wrote', async () => {
        const key = djangoDbRows('write', file, JSON.stringify(DATA)) as string;
        expect(await store.exists(key)).toBe(true);
        expect(await store.load(key)).toEqual(DATA);
      });

      it('Django reads a session reins wrote', async () => {
        const key = await store.save(null, DATA, { ...inAnHour(), mustCreate: true });
        expect(djangoDbRows('read', file, key)).toEqual({ key, data: DATA });
      });

      it('Django reads the data reins saved over a row Django created', async () => {
        const key = djangoDbRows('write', file, JSON.stringify({ n: 1 })) as string;
        await store.save(key, { n: 2 }, { ...inAnHour(), mustCreate: false });
        expect(djangoDbRows('read', file, key)).toEqual({ key, data: { n: 2 } });
      });

      it("reins treats Django's expired rows as gone, and clears them", async () => {
        const expired = djangoDbRows('write', file, JSON.stringify({ old: true }), '-60') as string;
        const live = djangoDbRows('write', file, JSON.stringify({ live: true })) as string;
        expect(await store.load(expired)).toBeNull();
        await store.clearExpired();
        expect(await store.exists(expired)).toBe(false);
        expect(await store.load(live)).toEqual({ live: true });
      });

      it("Django treats reins' expired rows as gone, and clears them", async () => {
        const expired = await store.save(
          null,
          { old: true },
          {
            expireDate: new Date(Date.now() - 60_000),
            expiryAge: -60,
            mustCreate: true,
          },
        );
        const live = await store.save(null, { live: true }, { ...inAnHour(), mustCreate: true });
        // An expired row loads as an empty session in Django, whose store forgets the key.
        expect(djangoDbRows('read', file, expired)).toEqual({ key: null, data: {} });
        expect(djangoDbRows('clear', file)).toEqual([live]);
      });
    });
  },
);
