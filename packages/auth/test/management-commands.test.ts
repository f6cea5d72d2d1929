/**
 * `reins createsuperuser` and `reins changepassword` as @reins/auth leaves them for the server's
 * CLI: Django's prompts, validation (with the bypass question), three attempts, --noinput.
 */
import { join } from 'node:path';
import { HttpResponse } from '@reins/http';
import { sqliteKysely } from '@reins/test-servers/kysely';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authenticationMiddleware,
  checkPassword,
  configurePasswordHashers,
  ModelBackend,
  PBKDF2PasswordHasher,
} from '../src/index.js';
import { migrate, SECRET_KEY, tempDir } from './support/database.js';

interface Registry {
  createsuperuser(
    options: { username?: string; email?: string; noinput?: boolean },
    io: unknown,
  ): Promise<number>;
  changepassword(options: { username?: string }, io: unknown): Promise<number>;
}

function scripted(answers: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  return {
    out,
    err,
    asked,
    io: {
      out: (line: string) => out.push(line),
      err: (line: string) => err.push(line),
      prompt: (question: string) => {
        asked.push(question);
        return Promise.resolve(answers.length > 0 ? answers.shift()! : null);
      },
    },
  };
}

const dir = tempDir();
let db: Kysely<any>;
let backend: ModelBackend;
let registry: Registry;
beforeAll(async () => {
  configurePasswordHashers([new PBKDF2PasswordHasher({ iterations: 1000 })]);
  db = sqliteKysely(join(dir, 'commands.sqlite3'));
  await migrate(db);
  backend = new ModelBackend({ db });
  authenticationMiddleware({ backends: [backend] })(() => new HttpResponse(''), {
    secretKey: SECRET_KEY,
  });
  registry = (globalThis as Record<symbol, Registry>)[Symbol.for('reins.auth.registry')]!;
});
afterAll(async () => {
  await db.destroy();
  configurePasswordHashers([new PBKDF2PasswordHasher()]);
});
afterEach(() => {
  delete process.env['REINS_SUPERUSER_PASSWORD'];
});

describe('createsuperuser', () => {
  it('asks username, email and the password twice, and creates a staff superuser', async () => {
    const run = scripted(['admin', 'admin@example.com', 'a-long-secret-9', 'a-long-secret-9']);
    expect(await registry.createsuperuser({}, run.io)).toBe(0);
    expect(run.asked).toEqual([
      'Username: ',
      'Email address: ',
      'Password: ',
      'Password (again): ',
    ]);
    expect(run.out).toEqual(['Superuser created successfully.']);
    const admin = (await backend.getUserByUsername('admin'))!;
    expect([admin.isSuperuser, admin.isStaff, admin.email]).toEqual([
      true,
      true,
      'admin@example.com',
    ]);
    expect(await checkPassword('a-long-secret-9', admin.password)).toBe(true);
  });

  it('refuses a taken username, mismatched and weak passwords, and offers the bypass', async () => {
    const run = scripted([
      'admin',
      'second',
      '',
      'one-pass-123',
      'two-pass-123',
      '12345678',
      '12345678',
      'n',
      'xyzzy-plugh-42',
      'xyzzy-plugh-42',
    ]);
    expect(await registry.createsuperuser({}, run.io)).toBe(0);
    expect(run.err).toEqual([
      'Error: That username is already taken.',
      "Error: Your passwords didn't match.",
      'This password is too common.',
      'This password is entirely numeric.',
    ]);
    expect(await backend.getUserByUsername('second')).not.toBeNull();
  });

  it('--noinput needs --username and takes the password from REINS_SUPERUSER_PASSWORD', async () => {
    const missing = scripted([]);
    expect(await registry.createsuperuser({ noinput: true }, missing.io)).toBe(1);
    expect(missing.err).toEqual(['CommandError: You must use --username with --noinput.']);
    process.env['REINS_SUPERUSER_PASSWORD'] = 'from-the-environment';
    const run = scripted([]);
    expect(
      await registry.createsuperuser(
        { noinput: true, username: 'ci', email: 'ci@example.com' },
        run.io,
      ),
    ).toBe(0);
    expect(run.asked).toEqual([]);
    expect(
      await checkPassword(
        'from-the-environment',
        (await backend.getUserByUsername('ci'))!.password,
      ),
    ).toBe(true);
  });
});

describe('changepassword', () => {
  it("changes the password, ending the user's other sessions", async () => {
    const user = await backend.createUser({ username: 'pat', password: 'old-password-1' });
    const run = scripted(['new-password-77', 'new-password-77']);
    expect(await registry.changepassword({ username: 'pat' }, run.io)).toBe(0);
    expect(run.out).toEqual([
      "Changing password for user 'pat'",
      "Password changed successfully for user 'pat'",
    ]);
    const changed = (await backend.getUserByUsername('pat'))!;
    expect(changed.password).not.toBe(user.password);
    expect(await checkPassword('new-password-77', changed.password)).toBe(true);
  });

  it('gives up after three failed attempts, and names a missing user', async () => {
    await backend.createUser({ username: 'sam', password: 'old-password-1' });
    const run = scripted(['a', 'b', 'short', 'short', '12345678', '12345678']);
    expect(await registry.changepassword({ username: 'sam' }, run.io)).toBe(1);
    expect(run.err.at(-1)).toBe(
      "CommandError: Aborting password change for user 'sam' after 3 attempts",
    );
    const nobody = scripted([]);
    expect(await registry.changepassword({ username: 'nobody' }, nobody.io)).toBe(1);
    expect(nobody.err).toEqual(["CommandError: user 'nobody' does not exist"]);
  });
});
