/**
 * A live Django 3.2 and reins on one SQLite database with one secret key: a user logged in on
 * Django is logged in on reins, and the other way round; passwords each one hashes verify in the
 * other; reins' migration makes Django's auth schema.
 */
import { join } from 'node:path';
import { sqliteKysely } from '@reins/test-servers/kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  configurePasswordHashers,
  makePassword,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
} from '../src/index.js';
import { migrate, SECRET_KEY, tempDir } from './support/database.js';
import { django, missingDjango } from './support/django.js';
import { Browser, startSite, type Site } from './support/site.js';

const missing = missingDjango();
if (missing !== undefined) console.warn(`Django compatibility tests skipped: ${missing}`);

describe.skipIf(missing !== undefined)('shared SQLite database with Django 3.2', () => {
  const dir = tempDir();
  let site: Site;
  let file: string;
  beforeAll(async () => {
    configurePasswordHashers([new PBKDF2PasswordHasher(), new PBKDF2SHA1PasswordHasher()]);
    site = await startSite(dir);
    file = site.file;
  }, 60_000);
  afterAll(async () => {
    await site?.close();
  });

  it("reins' migration creates exactly Django 3.2's auth and contenttypes tables", async () => {
    const djangoFile = join(dir, 'django-made.sqlite3');
    django(djangoFile, SECRET_KEY, 'migrate');
    const made = sqliteKysely(join(dir, 'reins-made.sqlite3'));
    await migrate(made);
    await made.destroy();
    const normalise = (schema: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(schema).map(([name, text]) => [name, text.replace(/ IF NOT EXISTS/g, '')]),
      );
    expect(
      normalise(
        django(join(dir, 'reins-made.sqlite3'), SECRET_KEY, 'schema') as Record<string, string>,
      ),
    ).toEqual(normalise(django(djangoFile, SECRET_KEY, 'schema') as Record<string, string>));
  }, 60_000);

  it('a user created and logged in on Django is logged in on reins', async () => {
    django(file, SECRET_KEY, 'createuser', 'ada', 'django-made-pw');
    const sessionid = django(file, SECRET_KEY, 'login', 'ada', 'django-made-pw') as string;
    const browser = new Browser(site.url);
    browser.cookies.set('sessionid', sessionid);
    expect(await (await browser.fetch('/whoami/')).text()).toBe('ada');
    // And reins checks the password Django hashed.
    const response = await new Browser(site.url).login('ada', 'django-made-pw');
    expect(response.status).toBe(302);
  }, 60_000);

  it('a user created and logged in on reins is logged in on Django', async () => {
    await site.backend.createUser({ username: 'grace', password: 'reins-made-pw' });
    const browser = new Browser(site.url);
    await browser.login('grace', 'reins-made-pw');
    const sessionid = browser.cookies.get('sessionid')!;
    expect(django(file, SECRET_KEY, 'whoami', sessionid)).toBe('grace');
    expect(django(file, SECRET_KEY, 'session', sessionid)).toMatchObject({
      _auth_user_id: expect.any(String) as string,
      _auth_user_backend: 'django.contrib.auth.backends.ModelBackend',
      _auth_user_hash: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });
    const [ok] = django(file, SECRET_KEY, 'check', 'grace', 'reins-made-pw') as [boolean, string];
    expect(ok).toBe(true);
    // A different secret key: Django no longer trusts the session.
    expect(django(file, `${SECRET_KEY}-other`, 'whoami', sessionid)).toBe('');
  }, 60_000);

  it('a password changed by reins ends the Django-side session, and the other way round', async () => {
    await site.backend.createUser({ username: 'linus', password: 'first-pw' });
    const sessionid = django(file, SECRET_KEY, 'login', 'linus', 'first-pw') as string;
    expect(django(file, SECRET_KEY, 'whoami', sessionid)).toBe('linus');
    const linus = (await site.backend.getUserByUsername('linus'))!;
    await site.backend.setPassword(linus, 'second-pw');
    expect(django(file, SECRET_KEY, 'whoami', sessionid)).toBe('');
    expect((django(file, SECRET_KEY, 'check', 'linus', 'second-pw') as [boolean])[0]).toBe(true);
    const browser = new Browser(site.url);
    await browser.login('linus', 'second-pw');
    expect(await (await browser.fetch('/whoami/')).text()).toBe('linus');
    django(file, SECRET_KEY, 'setpassword', 'linus', 'third-pw');
    expect(await (await browser.fetch('/whoami/')).text()).toBe('-');
  }, 60_000);

  it('hashes reins makes with every hasher verify in Django', async () => {
    const { ModelBackend } = await import('../src/index.js');
    const backend = new ModelBackend({ db: site.db });
    const user = await backend.createUser({ username: 'hashes', password: 'x' });
    const { Argon2PasswordHasher, BCryptSHA256PasswordHasher, BCryptPasswordHasher } =
      await import('../src/index.js');
    for (const hasher of [
      new PBKDF2PasswordHasher(),
      new PBKDF2SHA1PasswordHasher(),
      new Argon2PasswordHasher(),
      new BCryptSHA256PasswordHasher(),
      new BCryptPasswordHasher(),
    ]) {
      const encoded = await makePassword('shared ✓ secret', { hasher });
      await site.db
        .updateTable('auth_user')
        .set({ password: encoded })
        .where('id', '=', user.id)
        .execute();
      expect(
        django(file, SECRET_KEY, 'check', 'hashes', 'shared ✓ secret'),
        hasher.algorithm,
      ).toEqual([true, expect.any(String)]);
    }
  }, 120_000);
});
