/**
 * The model backend's behaviour on one database (run on SQLite and on a real PostgreSQL): users,
 * authentication with every kind of failure answering alike, permissions through users and groups.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configurePasswordHashers,
  makePassword,
  ModelBackend,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
  setAuthLogSink,
} from '../src/index.js';

export function runModelBackendContract(name: string, open: () => Promise<Kysely<any>>): void {
  describe(`ModelBackend on ${name}`, () => {
    let db: Kysely<any>;
    let backend: ModelBackend;
    const logged: string[] = [];
    let restore: (line: string) => void;
    beforeEach(async () => {
      // A cheap work factor keeps the suite fast; the Django vectors run the real one.
      configurePasswordHashers([
        new PBKDF2PasswordHasher({ iterations: 1000 }),
        new PBKDF2SHA1PasswordHasher(),
      ]);
      db = await open();
      backend = new ModelBackend({ db });
      logged.length = 0;
      restore = setAuthLogSink((line) => logged.push(line));
    });
    afterEach(() => {
      setAuthLogSink(restore);
      configurePasswordHashers([new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]);
    });

    it('creates a user whose password is hashed and who authenticates', async () => {
      const user = await backend.createUser({
        username: 'demo',
        password: 'greetings-demo',
        email: 'Demo@EXAMPLE.com',
        firstName: 'Demo',
      });
      expect(user.id).toBeGreaterThan(0);
      expect(user.password).toMatch(/^pbkdf2_sha256\$1000\$/);
      expect(user.email).toBe('Demo@example.com');
      expect(user.isActive).toBe(true);
      expect(user.dateJoined).toBeInstanceOf(Date);
      const found = await backend.authenticate(null, {
        username: 'demo',
        password: 'greetings-demo',
      });
      expect(found?.username).toBe('demo');
      expect(found?.getFullName()).toBe('Demo');
      expect((await backend.getUser(String(user.id)))?.username).toBe('demo');
    });

    it('wrong password, inactive, missing, unusable and malformed all answer null; the log says which', async () => {
      await backend.createUser({ username: 'demo', password: 'greetings-demo' });
      await backend.createUser({ username: 'gone', password: 'greetings-demo', isActive: false });
      await backend.createUser({ username: 'nopass', password: null });
      await backend.createUser({ username: 'broken', password: 'x' });
      await db
        .updateTable('auth_user')
        .set({ password: 'pbkdf2_sha256$abc$salt$hash' })
        .where('username', '=', 'broken')
        .execute();
      const attempts = [
        { username: 'demo', password: 'wrong' },
        { username: 'gone', password: 'greetings-demo' },
        { username: 'nobody', password: 'greetings-demo' },
        { username: 'nopass', password: '' },
        { username: 'broken', password: 'greetings-demo' },
      ];
      for (const credentials of attempts)
        expect(await backend.authenticate(null, credentials)).toBeNull();
      expect(logged).toEqual([
        'Login failed for username "demo": wrong password.',
        'Login failed for username "gone": the user is inactive (is_active is false).',
        'Login failed for username "nobody": no such user.',
        'Login failed for username "nopass": the user has an unusable password.',
        expect.stringContaining(
          'Login failed for username "broken": the stored password hash cannot be checked',
        ),
      ]);
      // Credentials it does not know are another backend's: null, no log.
      expect(await backend.authenticate(null, { token: 'abc' })).toBeNull();
      expect(logged).toHaveLength(5);
    });

    it('getUser refuses inactive users and ids that are not numbers', async () => {
      const gone = await backend.createUser({ username: 'gone', password: 'pw', isActive: false });
      expect(await backend.getUser(String(gone.id))).toBeNull();
      for (const id of ['', 'abc', '1 OR 1=1', '-1', '99999'])
        expect(await backend.getUser(id)).toBeNull();
    });

    it("upgrades an old hash on login to the preferred hasher's work factor (Django's must_update)", async () => {
      const user = await backend.createUser({ username: 'old', password: 'pw' });
      const old = await makePassword('pw', {
        hasher: new PBKDF2SHA1PasswordHasher({ iterations: 500 }),
      });
      await db.updateTable('auth_user').set({ password: old }).where('id', '=', user.id).execute();
      expect(await backend.authenticate(null, { username: 'old', password: 'pw' })).not.toBeNull();
      const row = await db
        .selectFrom('auth_user')
        .select('password')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.password).toMatch(/^pbkdf2_sha256\$1000\$/);
    });

    it('sets last_login on login', async () => {
      const user = await backend.createUser({ username: 'demo', password: 'pw' });
      expect(user.lastLogin).toBeNull();
      await backend.userLoggedIn(user);
      const again = await backend.getUser(String(user.id));
      expect(again?.lastLogin?.getTime()).toBeCloseTo(Date.now(), -4);
    });

    it('permissions come from the user and their groups; superusers have all; inactive users none', async () => {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a row of Kysely<any>
      const { id: ct } = await db
        .insertInto('django_content_type')
        .values({ app_label: 'polls', model: 'question' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const perm = async (codename: string) =>
        (
          await db
            .insertInto('auth_permission')
            .values({ name: codename, content_type_id: ct, codename })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id as number;
      const add = await perm('add_question');
      const change = await perm('change_question');
      await perm('delete_question');
      // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- a row of Kysely<any>
      const { id: editors } = await db
        .insertInto('auth_group')
        .values({ name: 'editors' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('auth_group_permissions')
        .values({ group_id: editors, permission_id: change })
        .execute();
      const ann = await backend.createUser({ username: 'ann', password: 'pw' });
      await db
        .insertInto('auth_user_user_permissions')
        .values({ user_id: ann.id, permission_id: add })
        .execute();
      await db
        .insertInto('auth_user_groups')
        .values({ user_id: ann.id, group_id: editors })
        .execute();
      const loaded = (await backend.getUser(String(ann.id)))!;
      expect(await loaded.getAllPermissions()).toEqual(
        new Set(['polls.add_question', 'polls.change_question']),
      );
      expect(await loaded.hasPerm('polls.add_question')).toBe(true);
      expect(await loaded.hasPerm('polls.delete_question')).toBe(false);
      expect(await loaded.hasPerms(['polls.add_question', 'polls.change_question'])).toBe(true);
      expect(await loaded.hasPerms(['polls.add_question', 'polls.delete_question'])).toBe(false);
      expect(await loaded.hasModulePerms('polls')).toBe(true);
      expect(await loaded.hasModulePerms('blog')).toBe(false);
      const root = await backend.createUser({
        username: 'root',
        password: 'pw',
        isSuperuser: true,
        isStaff: true,
      });
      expect(await root.hasPerm('anything.at_all')).toBe(true);
      expect((await backend.getAllPermissions(root)).size).toBe(3);
      loaded.isActive = false;
      expect(await loaded.hasPerm('polls.add_question')).toBe(false);
      await expect(
        Promise.resolve().then(() => loaded.hasPerms('polls.add_question' as never)),
      ).rejects.toThrow(/not a string/);
    });

    it('usernames are unique', async () => {
      await backend.createUser({ username: 'demo', password: 'pw' });
      await expect(backend.createUser({ username: 'demo', password: 'pw' })).rejects.toThrow();
      expect(
        (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM auth_user`.execute(db)).rows[0]!.n,
      ).toEqual(expect.anything());
    });
  });
}
